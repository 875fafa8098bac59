import { foldText } from '../../../shared/domain/text';

/**
 * Whether a person's position («Bí thư Đảng ủy xã Đắk Hà, Chủ tịch HĐND xã») holds one of a group's
 * titles. Each comma- or semicolon-separated part is one post; a title matches a part that starts
 * with it as whole words, ignoring diacritics and case — so «Bí thư chi bộ» matches «Bí thư Chi bộ
 * thôn 3» but not «Phó Bí thư chi bộ», and «Chủ tịch UBND» does not match «Chủ tịch Hội Nông dân».
 */
export function positionMatcher(titles: readonly string[]): (position: string) => boolean {
  const keys = titles.map((t) => foldText(t)).filter((k) => k.length > 0);
  return (position) => {
    if (!position) return false;
    const parts = position.split(/[,;]/).map((p) => foldText(p).replace(/[.\s]+$/, ''));
    return parts.some((part) => keys.some((k) => part === k || (part.startsWith(k) && /[\s\-–(/]/.test(part.charAt(k.length)))));
  };
}
