import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { unknownPartyInput } from '../fixtures/builders';
import { ok, startCore, tempDir } from './helpers';

function soffice(): string | null {
  for (const bin of ['/usr/bin/soffice', '/usr/lib/libreoffice/program/soffice']) if (fs.existsSync(bin)) return bin;
  return null;
}
const bin = soffice();
if (!bin) console.warn('[libreoffice] SKIPPED: LibreOffice is not installed (apt-get install libreoffice-calc-nogui).');

/** Opens an .xlsx the way a clerk's LibreOffice would, and reads it back as UTF-8 CSV. */
function toCsv(xlsx: string): string[][] {
  const out = path.dirname(xlsx);
  execFileSync(
    bin!,
    [
      `-env:UserInstallation=${pathToFileURL(path.join(out, 'lo-profile')).href}`,
      '--headless',
      '--convert-to',
      'csv:Text - txt - csv (StarCalc):44,34,76,1',
      '--outdir',
      out,
      xlsx,
    ],
    { stdio: 'pipe', timeout: 60_000 },
  );
  return parse(fs.readFileSync(xlsx.replace(/\.xlsx$/, '.csv'), 'utf8'), { relax_column_count: true }) as string[][];
}

describe.skipIf(!bin)('the learner export opens in LibreOffice', () => {
  it('with Vietnamese headers and names intact, dates as dates and ID numbers with their leading zero', async () => {
    const core = await startCore();
    const person = (name: string, birthDate: string, citizenId: string) =>
      ok(core, 'learners.save', unknownPartyInput(name, { ethnicityCode: '01', birthDate, citizenId }));
    await person('Nguyễn Thị Hằng', '1975-03-02', '001175000123');
    await person('Đặng Văn Đức', '1980', '');
    const file = await ok(core, 'learners.exportXlsx', { q: '' });
    const dir = tempDir();
    const xlsx = path.join(dir, 'export.xlsx');
    fs.writeFileSync(xlsx, Buffer.from(file.dataBase64, 'base64'));
    const rows = toCsv(xlsx);
    expect(rows[0]!.slice(0, 6)).toEqual(['STT', 'Họ và chữ đệm', 'Tên', 'Giới tính', 'Ngày sinh', 'Dân tộc']);
    expect(rows[1]!.slice(0, 5)).toEqual(['1', 'Đặng Văn', 'Đức', '', '1980']);
    expect(rows[2]!.slice(0, 5)).toEqual(['2', 'Nguyễn Thị', 'Hằng', '', '02/03/1975']);
    expect(rows[2]![17]).toBe('001175000123');
  }, 90_000);
});
