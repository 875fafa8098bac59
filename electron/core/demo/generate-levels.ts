import type { Channel, Input, Output, Result } from '../../../shared/contract';
import type { AppCore } from '../app-core';
import { dispatch } from '../dispatch';
import { makeRandom } from './generate';
import { nominationCandidates } from './store';
import { todayInVietnam } from '../../../shared/domain/dates';

async function call<C extends Channel>(core: AppCore, channel: C, input: Input<C>): Promise<Output<C>> {
  const r = (await dispatch(core, channel, input)) as Result<Output<C>>;
  if (!r.ok) throw new Error(`demo: ${channel} refused: ${r.error.message}`);
  return r.value;
}

/**
 * Sample theory-level work through the app's own channels: the committee's two usual targets each year
 * (commune leaders with Trung cấp or above, members with Sơ cấp or above), and a yearly nomination of
 * commune leaders to the provincial school whose earlier courses have graduated.
 */
export async function generateLevels(core: AppCore, o: { fromYear: number; years: number; seed?: number }): Promise<{ nominated: number }> {
  const rnd = makeRandom(o.seed ?? 20261208);
  const leaders = (await call(core, 'levels.groups', {})).find((g) => g.name === 'Cán bộ chủ chốt cấp xã');
  const candidates = nominationCandidates(core.db);
  const today = todayInVietnam(core.now());
  const thisYear = Number(today.slice(0, 4));
  let nominated = 0;
  for (let year = o.fromYear; year <= Math.min(thisYear, o.fromYear + o.years); year++) {
    if (leaders)
      await call(core, 'levels.saveTarget', { year, groupId: leaders.id, baseUnitId: null, minLevel: 'trung_cap', percent: 100 });
    await call(core, 'levels.saveTarget', { year, groupId: null, baseUnitId: null, minLevel: 'so_cap', percent: 70 });
    const batch = candidates.splice(0, 8 + rnd.int(8));
    if (batch.length === 0) continue;
    // A two-year course has graduated once its diplomas' date has passed.
    const finished = `${year + 2}-06-30` <= today;
    await call(core, 'levels.saveNomination', {
      year,
      level: 'trung_cap',
      school: 'Trường Chính trị tỉnh (dữ liệu mẫu)',
      course: `Khóa ${40 + year - o.fromYear}, hệ không tập trung`,
      decisionNumber: `${10 + rnd.int(80)}-QĐ/TTCT`,
      decisionDate: `${year}-03-15`,
      note: '',
      people: batch.map((p, i) =>
        finished && i % 7 !== 6
          ? {
              personId: p,
              result: 'graduated' as const,
              diplomaNumber: `TC${year + 2}-${String(i + 1).padStart(4, '0')}`,
              diplomaDate: `${year + 2}-06-30`,
            }
          : { personId: p, result: finished ? ('not_graduated' as const) : ('studying' as const) },
      ),
    });
    nominated += batch.length;
  }
  return { nominated };
}
