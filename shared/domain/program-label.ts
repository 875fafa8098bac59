/**
 * A program's name as a chart axis or a narrow column heading shows it: never its internal code
 * ("KND" means nothing to a Party committee). The two programs of the Central Committee's Propaganda
 * Board whose names open with "Bồi dưỡng lý luận chính trị dành cho …" go by what follows, the way
 * centres speak of them ("lớp đối tượng kết nạp Đảng", "lớp đảng viên mới"); any other keeps its name.
 */
const GENERIC_OPENINGS = ['Bồi dưỡng lý luận chính trị dành cho '];

export function programShortName(name: string): string {
  const t = name.trim();
  for (const opening of GENERIC_OPENINGS) {
    if (t.toLocaleLowerCase('vi').startsWith(opening.toLocaleLowerCase('vi')) && t.length > opening.length) {
      const rest = t.slice(opening.length);
      return rest.charAt(0).toLocaleUpperCase('vi') + rest.slice(1);
    }
  }
  return t;
}

/** Words on lines of at most `width` characters, at most `maxLines` lines (the last ends in "…" when cut). */
export function wrapWords(text: string, width: number, maxLines: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  kept[maxLines - 1] = `${kept[maxLines - 1]!.replace(/[,;:.]$/, '')}…`;
  return kept;
}
