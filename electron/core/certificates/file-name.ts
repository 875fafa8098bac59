import { foldText } from '../../../shared/domain/text';

/**
 * A file-name stem from a class's name: "lop-boi-duong-nhan-thuc-ve-dang-khoa-i-nam-2026". ASCII
 * (Vietnamese letters folded: ắ → a, đ → d), so it survives every file system, zip tool and e-mail
 * client; a long name is cut at the end of a word, never inside one.
 */
export function fileStem(text: string, max = 60): string {
  const full = foldText(text)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  if (full.length <= max) return full;
  // The word that would be cut goes whole; a single word longer than the limit is the only thing cut.
  const cut = full.slice(0, max + 1);
  const end = cut.lastIndexOf('-');
  return end > 0 ? cut.slice(0, end) : full.slice(0, max);
}
