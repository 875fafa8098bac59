import type { Database } from 'better-sqlite3-multiple-ciphers';
import { makeRandom } from './generate';
import { certificateRecord, signedBy, type CentreHeader } from '../certificates/record';
import type { CentreKeys } from '../certificates/signing';
import { centreProfileAt } from '../centre/store';
import { benchPrograms, benchWriters, holderOf, maxPersonId, passingLabels } from './store';

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
  const programs = benchPrograms(db);
  const bands = passingLabels(db);
  const maxPerson = maxPersonId(db);
  // The header of the profile valid on a date, as a class opened then and its certificates freeze it;
  // like the app, nothing is issued on a date no profile covers.
  const signedOn = (date: string) => {
    const p = centreProfileAt(db, date);
    if (!p) throw new Error(`No centre profile is valid on ${date}: save one valid from ${o.fromYear}-01-01 first`);
    const header: CentreHeader = {
      superior: p.superior,
      name: p.name,
      docCode: p.docCode,
      placeName: p.placeName,
      director: p.director,
      deputies: p.deputies,
    };
    return signedBy(header, { kind: 'director' })!;
  };
  const now = new Date().toISOString();
  const weights: [number, number][] = programs.map((p, i) => [p.id, [30, 25, 12, 10, 8, 10, 5][i] ?? 5]);
  const write = benchWriters(db);
  const lecturerIds: number[] = [];
  db.transaction(() => {
    for (let i = 0; i < LECTURERS; i++) lecturerIds.push(write.lecturer(`số ${i + 1}`, now));
  })();

  let classes = 0;
  let enrollments = 0;
  for (let y = 0; y < o.years; y++) {
    const year = o.fromYear + y;
    db.transaction(() => {
      const cohort = new Map<number, number>();
      for (const [programId] of weights) {
        for (let q = 1; q <= 4; q++)
          write.plan(year, programId, q, Math.round((o.classesPerYear * (weights.find((w) => w[0] === programId)![1] / 100)) / 4) + 1, now);
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
        const classId = write.klass(
          { programId, year, cohort: n, name: className, start, status, body: JSON.stringify(signed.issuingBody) },
          now,
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
          const eid = write.enrol(classId, personId, completed ? 'completed' : 'not_completed', classification, now);
          enrollments++;
          if (completed && certifies) {
            seq++;
            const serial = `${seq}/${year}/GCN`;
            const registerNo = `${year}.${seq}`;
            const h = holderOf(db, personId);
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
            write.cert([
              eid,
              personId,
              classId,
              year,
              seq,
              serial,
              registerNo,
              issueDate,
              JSON.stringify(record.printed),
              record.code,
              now,
            ]);
          }
        }
        for (let s = 0; s < 6; s++) write.session(classId, start, s % 2 ? 'chieu' : 'sang', `Chuyên đề ${s + 1}`, rnd.pick(lecturerIds), s);
      }
    })();
    o.onProgress?.(y + 1, o.years);
  }
  return { classes, enrollments };
}
