import type { AppCore } from '../../electron/core/app-core';
import type { PersonInput } from '../../shared/contract/learners';
import { blankPerson, classWithTimetable, recognise, saveCentre, savePerson } from '../fixtures/builders';
import { ok } from './helpers';

/** A recognised class to issue certificates for, shared by the certificate integration tests. */

export const blank: PersonInput = blankPerson;

export function person(core: AppCore, name: string, extra: Partial<PersonInput> = {}) {
  return savePerson(core, name, extra);
}

/** A KND class with results recognised by decision 09 on 10/03/2026: An 8,5, Bảo 6,5 pass; Diệu 4,0 fails. */
export async function recognisedClass(core: AppCore, name = 'Lớp bồi dưỡng nhận thức về Đảng khóa I năm 2026') {
  await saveCentre(core, { deputies: [{ name: 'Y Moan Niê', title: 'Phó Giám đốc' }] });
  const c = await classWithTimetable(core, { name });
  const people = [
    await person(core, 'Trần Văn An', { birthDate: '1990-05-12' }),
    await person(core, 'Lê Văn Bảo', { birthDate: '1995' }),
    await person(core, 'Phan Thị Diệu'),
  ];
  const enrolled = await recognise(core, c.id, [
    [people[0]!.id, 85],
    [people[1]!.id, 65],
    [people[2]!.id, 40],
  ]);
  const eid = (name: string) => enrolled.find((e) => e.fullName === name)!.id;
  return { c, people, eid };
}

/** Starts a PDF batch and follows it the way the screen does, until it finishes. */
export async function printBatch(core: AppCore, certificateIds: number[]) {
  const { jobId } = await ok(core, 'certificates.startBatch', { certificateIds, target: 'pdf' });
  for (;;) {
    const status = await ok(core, 'certificates.batchStatus', { jobId });
    if (status.status !== 'running') return status;
    await new Promise((r) => setTimeout(r, 50));
  }
}
