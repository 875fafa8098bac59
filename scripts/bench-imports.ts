/** Import measurements: a 10,000-row list against the 1,000,000-person registry, and the hostile corpus. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import ExcelJS from 'exceljs';
import { dispatch } from '../electron/core/dispatch';
import { makeRandom, samplePerson } from '../electron/core/demo/generate';
import { readWorkbookInWorker } from '../electron/core/io/sheet-worker';
import { analyzeSuggested, ok } from '../tests/fixtures/builders';
import { hostileFiles } from '../tests/fixtures/hostile-files';
import { copyDatabase, emit, openCore, PEOPLE } from './bench-common';

async function importWorkbook(file: string): Promise<void> {
  const rnd = makeRandom(7);
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('DS');
  ws.getCell('A1').value = 'ĐẢNG BỘ XÃ MẪU';
  ws.getCell('A3').value = 'DANH SÁCH HỌC VIÊN';
  ws.getRow(5).values = ['STT', 'Họ và tên', 'Giới tính', 'Ngày sinh', 'Dân tộc', 'Chi bộ', 'Số CCCD', 'Chức vụ'];
  const units = [{ id: 1, name: 'Chi bộ thôn 1 xã Mẫu', communeCode: null }];
  const used = new Set<string>();
  for (let i = 0; i < 10_000; i++) {
    const { data } = samplePerson(rnd, units[0]!, '099', used);
    ws.addRow([
      i + 1,
      `${data.familyAndMiddle} ${data.given}`,
      data.sex === 'nu' ? 'Nữ' : 'Nam',
      data.birthDate && data.birthDate.length === 10 ? new Date(`${data.birthDate}T00:00:00Z`) : data.birthDate,
      'Kinh',
      `Chi bộ thôn ${1 + (i % 12)} xã Mẫu`,
      data.citizenId,
      data.position,
    ]);
  }
  await wb.xlsx.writeFile(file);
}

export async function benchImport(dataDir: string): Promise<void> {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'ttct-bench-import-'));
  try {
    copyDatabase(dataDir, work);
    const file = path.join(work, 'danh-sach-10000.xlsx');
    await importWorkbook(file);
    const bytes = fs.readFileSync(file);

    const parse: number[] = [];
    for (let i = 0; i < 3; i++) {
      const t = performance.now();
      await new ExcelJS.Workbook().xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
      parse.push(performance.now() - t);
    }
    const core = await openCore(work);
    // The whole process: the reader's worker thread counts too.
    const startRss = process.memoryUsage().rss;
    let peakRss = startRss;
    const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 10);
    const t = performance.now();
    const opened = await ok(core, 'imports.open', { fileName: 'danh-sach-10000.xlsx', dataBase64: bytes.toString('base64') });
    const openedAt = performance.now();
    await analyzeSuggested(core, opened);
    const analyzedAt = performance.now();
    const committed = await dispatch(core, 'imports.commit', { sessionId: opened.sessionId });
    const total = performance.now() - t;
    clearInterval(sampler);
    if (!committed.ok) throw new Error(JSON.stringify(committed.error));
    emit('learners.import_10k_ms', total, {
      rows: 10_000,
      againstPeople: PEOPLE,
      openMs: Math.round(openedAt - t),
      readAndAnalyzeMs: Math.round(analyzedAt - t),
      commitMs: Math.round(total - (analyzedAt - t)),
      result: committed.value,
      goal: 3000,
    });
    emit('learners.import_10k_peak_rss_mb', Math.round(peakRss / (1024 * 1024)), {
      unit: 'MB',
      beforeMb: Math.round(startRss / (1024 * 1024)),
      note: 'process RSS (main and reader worker) sampled every 10 ms during open, analyze and commit',
    });
    emit('learners.import_10k_parse_only_ms', Math.min(...parse), { rows: 10_000, note: 'ExcelJS xlsx.load of the same file, best of 3' });
    core.close();
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

/** Every file of the hostile corpus through the reader the app uses: the slowest is the number. */
export async function benchHostile(): Promise<void> {
  const files = await hostileFiles();
  let worst = { ms: 0, name: '' };
  let refused = 0;
  for (const f of files) {
    const t = performance.now();
    await readWorkbookInWorker(f.bytes, f.name).then(
      () => undefined,
      () => refused++,
    );
    const ms = performance.now() - t;
    if (ms > worst.ms) worst = { ms, name: f.name };
  }
  emit('imports.hostile_worst_ms', worst.ms, { file: worst.name, files: files.length, refused, goal: 10_000 });
}
