import type { Channel, Input, Output, Result } from '../../../shared/contract';
import type { AppCore } from '../app-core';
import { dispatch } from '../dispatch';
import { makeRandom } from './generate';
import { baseOrgMembers } from './store';
import { todayInVietnam } from '../../../shared/domain/dates';

export interface StudiesOptions {
  fromYear: number;
  years: number;
  seed?: number;
}

async function call<C extends Channel>(core: AppCore, channel: C, input: Input<C>): Promise<Output<C>> {
  const r = (await dispatch(core, channel, input)) as Result<Output<C>>;
  if (!r.ok) throw new Error(`demo: ${channel} refused: ${r.error.message}`);
  return r.value;
}

const TOPICS = [
  'Hội nghị học tập, quán triệt Nghị quyết Đại hội đại biểu toàn quốc lần thứ XIV của Đảng',
  'Học tập, quán triệt Nghị quyết Hội nghị lần thứ hai Ban Chấp hành Trung ương Đảng khóa XIV',
  'Chuyên đề học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh',
];

/**
 * Sample resolution-study sessions through the app's own channels: each base organisation's members per
 * year (from the sample registry's Party members), and a few online sessions a year where each
 * organisation reports «có mặt x/y». One organisation a session sends no figures, as happens.
 */
export async function generateStudies(core: AppCore, o: StudiesOptions): Promise<{ sessions: number }> {
  const rnd = makeRandom(o.seed ?? 20261207);
  const orgs = baseOrgMembers(core.db);
  if (orgs.length === 0) return { sessions: 0 };
  let sessions = 0;
  for (let year = o.fromYear; year < o.fromYear + o.years + 1; year++) {
    // Members grow a little year on year towards today's registry.
    const shrink = o.fromYear + o.years - year;
    const members = orgs.map((org) => ({ unitId: org.id, members: Math.max(0, org.members - shrink * rnd.int(3)) }));
    await call(core, 'studies.saveMembers', { year, rows: members });
    for (let s = 0; s < 3; s++) {
      const date = `${year}-${String(3 + s * 3).padStart(2, '0')}-${String(5 + rnd.int(20)).padStart(2, '0')}`;
      if (date > todayInVietnam(core.now())) break;
      const { id } = await call(core, 'studies.save', {
        id: null,
        title: TOPICS[s % TOPICS.length]!,
        date,
        form: 'online',
        sites: orgs.length + 1,
        classId: null,
        note: '',
      });
      const silent = rnd.int(members.length);
      const rows = members
        .filter((_, i) => i !== silent)
        .map((m) => {
          const expected = Math.max(0, m.members - rnd.int(3));
          const present = Math.max(
            0,
            expected -
              rnd.weighted([
                [0, 4],
                [1, 4],
                [2, 2],
                [4, 1],
              ]),
          );
          // Half the organisations leave «Phải dự» empty: their members of the year stand for it.
          return { unitId: m.unitId, present, expected: rnd.next() < 0.5 ? null : expected };
        });
      await call(core, 'studies.saveCounts', { sessionId: id, rows });
      sessions++;
    }
  }
  return { sessions };
}
