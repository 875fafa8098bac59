import type { AppCore } from '../../electron/core/app-core';
import { classWithTimetable, recognise, saveCentre, savePerson } from '../fixtures/builders';
import { CERTIFICATE_LEARNERS } from '../fixtures/personal-data';
import { saveCentreProfile } from './fixtures';

/** Six learners with scores; Phan Thị Diệu (4,0) fails, the other five are recognised by decision 09 on 10/03/2026. */
export const LEARNERS: [string, string, number][] = CERTIFICATE_LEARNERS;

export async function recognisedClass(core: AppCore) {
  await saveCentreProfile(core);
  await saveCentre(core, { deputies: [{ name: 'Y Moan Niê', title: 'Phó Giám đốc' }] });
  const c = await classWithTimetable(core);
  const people = [];
  for (const [name, birthDate] of LEARNERS) people.push(await savePerson(core, name, { birthDate }));
  await recognise(
    core,
    c.id,
    people.map((p, i) => [p.id, LEARNERS[i]![2]]),
  );
  return c;
}
