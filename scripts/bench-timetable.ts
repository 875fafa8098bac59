import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { dispatch } from '../electron/core/dispatch';
import { makeRandom } from '../electron/core/demo/generate';
import { benchCentre, emit, openCore, percentile } from './bench-common';

/**
 * Twenty years of classes (about 100,000 sessions) with the same lecturers and venues, then a new
 * 60-session class whose timetable is generated and checked against all of them.
 */
export async function benchTimetable(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ttct-bench-timetable-'));
  try {
    const core = await openCore(dir);
    const must = async (channel: Parameters<typeof dispatch>[1], input: unknown) => {
      const r = await dispatch(core, channel, input);
      if (!r.ok) throw new Error(`${channel}: ${JSON.stringify(r.error)}`);
      return r.value as { id: number };
    };
    await must('centre.save', benchCentre('2000-01-01', 'Huyện ủy Mẫu', 'Trung tâm Chính trị (đo hiệu năng)'));
    const lecturers: number[] = [];
    for (let i = 0; i < 20; i++) {
      lecturers.push(
        (
          await must('lecturers.save', {
            familyAndMiddle: 'Giảng viên',
            given: `Số ${i + 1}`,
            kind: 'chuyen_trach',
            role: 'giang_vien',
            unit: '',
            position: '',
            phone: '',
            normHours: 2000,
            lecturingHours: 2000,
          })
        ).id,
      );
    }
    const venues: number[] = [];
    for (let i = 0; i < 5; i++)
      venues.push((await must('venues.save', { name: `Hội trường ${i + 1}`, address: '', communeCode: null, capacity: 100 })).id);
    const program = await must('programs.save', {
      code: 'BENCH60',
      name: 'Chương trình 60 buổi',
      targetLearners: '',
      outcome: 'certificate',
      validityMonths: null,
      maxAbsencePct: 20,
      maxRetakes: 1,
      typicalDays: 30,
      topics: Array.from({ length: 20 }, (_, i) => ({ title: `Chuyên đề ${i + 1}`, sessions: 3 })),
      components: [],
      bands: [],
    });
    const body = JSON.stringify({
      superior: 'Huyện ủy Mẫu',
      centreName: 'Trung tâm',
      docCode: 'TTCT',
      placeName: 'Mẫu',
      directorName: 'A',
      directorTitle: 'Giám đốc',
    });
    const insertClass = core.db.prepare(
      `INSERT INTO classes (program_id, year, cohort_number, cohort_numbering, name, start_date, end_date, venue_id, form, status, issuing_body_json, created_at, updated_at)
       VALUES (?, ?, ?, 'per_year', ?, ?, ?, ?, 'full_time', 'finished', ?, 'x', 'x')`,
    );
    const insertSession = core.db.prepare(
      'INSERT INTO sessions (class_id, date, half, title, lecturer_id, venue_id, periods, position) VALUES (?, ?, ?, ?, ?, ?, 4, ?)',
    );
    const rnd = makeRandom(3);
    let sessions = 0;
    core.db.transaction(() => {
      for (let year = 2006; year <= 2025; year++) {
        for (let k = 0; k < 500; k++) {
          const month = 1 + rnd.int(12);
          const start = `${year}-${String(month).padStart(2, '0')}-${String(1 + rnd.int(18)).padStart(2, '0')}`;
          const id = Number(
            insertClass.run(program.id, year, k + 1, `Lớp ${k + 1} năm ${year}`, start, `${start.slice(0, 8)}28`, venues[k % 5], body)
              .lastInsertRowid,
          );
          for (let s = 0; s < 10; s++) {
            insertSession.run(
              id,
              `${start.slice(0, 8)}${String(Math.min(28, Number(start.slice(8)) + Math.floor(s / 2))).padStart(2, '0')}`,
              s % 2 ? 'chieu' : 'sang',
              'Chuyên đề',
              lecturers[rnd.int(20)],
              venues[k % 5],
              s + 1,
            );
            sessions++;
          }
        }
      }
    })();
    core.db.exec('ANALYZE');
    const cls = await must('classes.save', {
      programId: program.id,
      planLineId: null,
      cohortNumber: 1,
      cohortNumbering: 'per_year',
      name: 'Lớp đo hiệu năng',
      startDate: '2026-03-02',
      endDate: '2026-06-30',
      venueId: venues[0],
      form: 'full_time',
      homeroomLecturerId: lecturers[0],
      capacity: null,
      sites: [],
      openingDecisionNumber: null,
      openingDecisionDate: null,
    });
    const times: number[] = [];
    let count = 0;
    for (let i = 0; i < 12; i++) {
      const t = performance.now();
      const r = await dispatch(core, 'timetable.generate', {
        classId: cls.id,
        startDate: '2026-03-02',
        halves: ['sang', 'chieu'],
        lecturerByTopic: {},
      });
      times.push(performance.now() - t);
      if (!r.ok) throw new Error(JSON.stringify(r.error));
      count = (r.value as { sessions: unknown[] }).sessions.length;
    }
    emit('classes.timetable_generate_ms', percentile(times.slice(2), 50), {
      max: Math.max(...times.slice(2)),
      sessionsGenerated: count,
      existingSessions: sessions,
      years: 20,
      goal: 200,
    });
    core.close();
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
