import type { Database } from 'better-sqlite3-multiple-ciphers';
import { makeRandom } from './generate';
import { certificateRecord, signedBy, type CentreHeader } from '../certificates/record';
import type { CentreKeys } from '../certificates/signing';

export interface ClassHistoryOptions {
  fromYear: number;
  years: number;
  classesPerYear: number;
  learnersPerClass: number;
  /** The centre's signing key (services/certificates.ts activeKey): certificates carry real signed codes. */
  key: CentreKeys;
  onProgress?: (done: number, total: number) => void;
}

const LECTURERS = 120;

/**
 * The bench's twenty years (60,000 classes, 3,000,000 enrolments) of finished classes over the people
 * already generated: plans, classes with recognised results, enrolments with outcomes and
 * classifications, certificates for completed learners of certificate programs, and sessions with
 * lecturers. Written straight into the tables (the services would take hours at this scale), but every
 * certificate is built by the same record builder as an issued one (frozen snapshot from the person
 * and class, signed code), so the data satisfies the same contract. The demo uses generate-history.ts,
 * which goes through the services.
 */
export function generateClassHistory(db: Database, o: ClassHistoryOptions): { classes: number; enrollments: number } {
  const rnd = makeRandom(20_26);
  const programs = db.prepare('SELECT id, code, name, outcome, validity_months FROM programs ORDER BY id').all() as {
    id: number;
    code: string;
    name: string;
    outcome: string;
    validity_months: number | null;
  }[];
  const bands = new Map<number, string[]>();
  for (const b of db.prepare("SELECT program_id, label FROM program_bands WHERE label <> 'Không đạt' ORDER BY position").all() as {
    program_id: number;
    label: string;
  }[]) {
    bands.set(b.program_id, [...(bands.get(b.program_id) ?? []), b.label]);
  }
  const maxPerson = (db.prepare('SELECT max(id) AS m FROM people').get() as { m: number }).m;
  // The header of the centre's latest profile, as a class opened there would freeze it.
  // The header of the profile valid on a date, as a class opened then and its certificates freeze it;
  // like the app, nothing is issued on a date no profile covers.
  const profileAt = db.prepare(
    'SELECT name, superior, doc_code, place_name, director_json, deputies_json FROM centre_profiles WHERE valid_from <= ? ORDER BY valid_from DESC LIMIT 1',
  );
  const signedOn = (date: string) => {
    const p = profileAt.get(date) as
      { name: string; superior: string; doc_code: string; place_name: string; director_json: string; deputies_json: string } | undefined;
    if (!p) throw new Error(`No centre profile is valid on ${date}: save one valid from ${o.fromYear}-01-01 first`);
    const header: CentreHeader = {
      superior: p.superior,
      name: p.name,
      docCode: p.doc_code,
      placeName: p.place_name,
      director: JSON.parse(p.director_json) as { name: string; title: string },
      deputies: JSON.parse(p.deputies_json) as { name: string; title: string }[],
    };
    return signedBy(header, { kind: 'director' })!;
  };
  const holder = db.prepare(
    "SELECT p.family_and_middle || ' ' || p.given AS full_name, p.birth_date, u.name AS unit_name FROM people p LEFT JOIN units u ON u.id = p.unit_id WHERE p.id = ?",
  );
  const now = new Date().toISOString();
  const weights: [number, number][] = programs.map((p, i) => [p.id, [30, 25, 12, 10, 8, 10, 5][i] ?? 5]);

  const lecturer = db.prepare(
    "INSERT INTO lecturers (family_and_middle, given, kind, role, unit, position, phone, norm_hours, lecturing_hours, created_at, updated_at) VALUES (?, ?, 'kiem_nhiem', 'giang_vien', '', '', '', 280, 140, ?, ?)",
  );
  const lecturerIds: number[] = [];
  db.transaction(() => {
    for (let i = 0; i < LECTURERS; i++) lecturerIds.push(Number(lecturer.run('Giảng viên', `số ${i + 1}`, now, now).lastInsertRowid));
  })();

  const plan = db.prepare(
    'INSERT INTO plan_lines (year, program_id, quarter, commune_code, place, planned_classes, planned_learners, notes, created_at, updated_at) VALUES (?, ?, ?, NULL, ?, ?, ?, ?, ?, ?)',
  );
  const klass = db.prepare(
    `INSERT INTO classes (program_id, plan_line_id, year, cohort_number, cohort_numbering, name, start_date, end_date, venue_id, form, homeroom_lecturer_id, status, issuing_body_json, capacity, created_at, updated_at)
     VALUES (?, NULL, ?, ?, 'per_year', ?, ?, ?, NULL, 'full_time', NULL, ?, ?, 80, ?, ?)`,
  );
  const enrol = db.prepare(
    "INSERT INTO enrollments (class_id, person_id, status, discipline, discipline_note, created_at, updated_at, outcome, classification) VALUES (?, ?, 'enrolled', 0, '', ?, ?, ?, ?)",
  );
  const cert = db.prepare(
    "INSERT INTO certificates (enrollment_id, person_id, class_id, year, seq, serial, register_no, issue_date, printed_json, verification_code, status, created_at, actor) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'valid', ?, 'bench')",
  );
  const session = db.prepare(
    'INSERT INTO sessions (class_id, date, half, topic_id, title, lecturer_id, venue_id, periods, position) VALUES (?, ?, ?, NULL, ?, ?, NULL, 5, ?)',
  );

  let classes = 0;
  let enrollments = 0;
  for (let y = 0; y < o.years; y++) {
    const year = o.fromYear + y;
    db.transaction(() => {
      const cohort = new Map<number, number>();
      for (const [programId] of weights) {
        for (let q = 1; q <= 4; q++)
          plan.run(
            year,
            programId,
            q,
            'Tại trung tâm',
            Math.round((o.classesPerYear * (weights.find((w) => w[0] === programId)![1] / 100)) / 4) + 1,
            200,
            '',
            now,
            now,
          );
      }
      let seq = 0;
      for (let c = 0; c < o.classesPerYear; c++) {
        const programId = rnd.weighted(weights);
        const n = (cohort.get(programId) ?? 0) + 1;
        cohort.set(programId, n);
        const month = 1 + rnd.int(12);
        const day = 1 + rnd.int(25);
        const start = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
        const className = `Lớp ${programId} khóa ${n} năm ${year}`;
        const program = programs.find((p) => p.id === programId)!;
        const certifies = program.outcome === 'certificate';
        // Recognised, then certificates issued three days after the (one-day) class, as the app would.
        const issueDate = `${year}-${String(month).padStart(2, '0')}-${String(day + 3).padStart(2, '0')}`;
        const signed = signedOn(start);
        const issuedUnder = signedOn(issueDate);
        const status = certifies ? 'certificates_issued' : 'results_recognised';
        const classId = Number(
          klass.run(programId, year, n, className, start, start, status, JSON.stringify(signed.issuingBody), now, now).lastInsertRowid,
        );
        classes++;
        const labels = bands.get(programId) ?? [];
        const seen = new Set<number>();
        for (let k = 0; k < o.learnersPerClass; k++) {
          let personId = 1 + rnd.int(maxPerson);
          while (seen.has(personId)) personId = 1 + rnd.int(maxPerson);
          seen.add(personId);
          const completed = rnd.next() < 0.95;
          const classification = completed && labels.length ? rnd.pick(labels) : null;
          const eid = Number(
            enrol.run(classId, personId, now, now, completed ? 'completed' : 'not_completed', classification).lastInsertRowid,
          );
          enrollments++;
          if (completed && certifies) {
            seq++;
            const serial = `${seq}/${year}/GCN`;
            const registerNo = `${year}.${seq}`;
            const h = holder.get(personId) as { full_name: string; birth_date: string | null; unit_name: string | null };
            const record = certificateRecord(
              {
                holder: { fullName: h.full_name, birthDate: h.birth_date, unitName: h.unit_name, classification },
                cls: {
                  programName: program.name,
                  name: className,
                  startDate: start,
                  endDate: start,
                  validityMonths: program.validity_months,
                },
                issueDate,
                signed: issuedUnder,
                serial,
                registerNo,
              },
              o.key,
            );
            cert.run(eid, personId, classId, year, seq, serial, registerNo, issueDate, JSON.stringify(record.printed), record.code, now);
          }
        }
        for (let s = 0; s < 6; s++) session.run(classId, start, s % 2 ? 'chieu' : 'sang', `Chuyên đề ${s + 1}`, rnd.pick(lecturerIds), s);
      }
    })();
    o.onProgress?.(y + 1, o.years);
  }
  return { classes, enrollments };
}
