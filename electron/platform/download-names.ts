/** File names offered in the save dialog: Vietnamese kept, characters Windows refuses replaced. */
export function safeDownloadName(name: string): string {
  const cleaned = name
    .normalize('NFC')
    // Windows forbids these in names; control characters and bidi overrides could disguise the extension.
    // eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
    .replace(/[<>:"/\\|?*\u0000-\u001f\u202a-\u202e\u2066-\u2069]/g, '-')
    .replace(/[. ]+$/, '')
    .trim();
  return cleaned === '' ? 'tep-tai-ve' : cleaned.slice(0, 180);
}

const FILTERS: Record<string, { name: string; extensions: string[] }> = {
  pdf: { name: 'Tệp PDF', extensions: ['pdf'] },
  xlsx: { name: 'Bảng tính Excel', extensions: ['xlsx'] },
  docx: { name: 'Văn bản Word', extensions: ['docx'] },
  json: { name: 'Tệp dữ liệu', extensions: ['json'] },
  pem: { name: 'Tệp khóa công khai', extensions: ['pem'] },
  txt: { name: 'Tệp văn bản', extensions: ['txt'] },
};

export function saveDialogFilters(name: string): { name: string; extensions: string[] }[] {
  const ext = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase();
  const own = ext ? FILTERS[ext] : undefined;
  return [...(own ? [own] : []), { name: 'Tất cả các tệp', extensions: ['*'] }];
}
