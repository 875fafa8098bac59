import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { PersonData } from '../../../shared/contract/learners';
import type { PartyStatus, Sex } from '../../../shared/domain/learner-fields';
import { COMMUNES } from '../reference/communes';
import { insertUnit } from '../units/store';
import { writePeople } from '../learners/person-store';
import { rebuildSearchIndex } from '../learners/search-index-store';
import { baseUnitIds, cacheSize, cellMembersOf, markDemo, setPosition } from './store';
import { EDE_FAMILY, FEMALE_GIVEN, FEMALE_MIDDLE, HIGHLANDS_GIVEN, JRAI_FAMILY, KINH_FAMILY, MALE_GIVEN, MALE_MIDDLE } from './names';

/** Deterministic, so a bench run and a demo database are the same every time. */
export function makeRandom(seed: number) {
  let s = seed >>> 0 || 1;
  const next = () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 4294967296;
  };
  return {
    next,
    int: (n: number) => Math.floor(next() * n),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!,
    weighted: <T>(items: readonly [T, number][]): T => {
      const total = items.reduce((a, [, w]) => a + w, 0);
      let r = next() * total;
      for (const [v, w] of items) if ((r -= w) < 0) return v;
      return items[items.length - 1]![0];
    },
  };
}
export type Random = ReturnType<typeof makeRandom>;

// A Central Highlands centre: Kinh and the local groups, in rough local proportions (codes from the TCTK list).
const ETHNICITY: [string, number][] = [
  ['01', 56],
  ['14', 22],
  ['13', 9],
  ['10', 5],
  ['12', 2],
  ['19', 1.5],
  ['07', 1.5],
  ['02', 1],
  ['03', 1],
  ['08', 1],
];
const STATUS: [PartyStatus, number][] = [
  ['quan_chung', 30],
  ['du_bi', 15],
  ['chinh_thuc', 55],
];
const POSITIONS = [
  'Bí thư chi bộ',
  'Phó bí thư chi bộ',
  'Chi ủy viên',
  'Trưởng thôn',
  'Công an viên',
  'Giáo viên',
  'Nhân viên y tế',
  'Chủ tịch Hội Nông dân',
  'Chi hội trưởng Hội Phụ nữ',
  'Bí thư Chi đoàn',
  'Đảng viên',
  'Cán bộ văn phòng',
  'Kế toán',
  'Công chức địa chính',
  '',
];
const WORKPLACES = [
  'UBND xã',
  'Trường Tiểu học',
  'Trường THCS',
  'Trạm Y tế xã',
  'Công an xã',
  'Ban Chỉ huy Quân sự xã',
  'Hợp tác xã nông nghiệp',
  'Thôn',
  'Hội Nông dân xã',
  'Đoàn Thanh niên xã',
];
const EDUCATION = ['12/12', '12/12, Trung cấp', '12/12, Cao đẳng', '12/12, Đại học', '9/12', '12/12, Đại học', '12/12, Thạc sĩ'];
const RELIGIONS: [string, number][] = [
  ['', 80],
  ['Công giáo', 10],
  ['Phật giáo', 6],
  ['Tin lành', 4],
];

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

export function samplePerson(
  rnd: Random,
  unit: { id: number; name: string; communeCode: string | null },
  provinceCode: string,
  usedIds: Set<string>,
): { data: PersonData; unitName: string } {
  const sex: Sex = rnd.next() < 0.47 ? 'nu' : 'nam';
  const ethnicity = rnd.weighted(ETHNICITY);
  let familyAndMiddle: string;
  let given: string;
  if (ethnicity === '14' || ethnicity === '13' || ethnicity === '19') {
    familyAndMiddle = sex === 'nam' ? 'A' : 'Y';
    given = rnd.pick(HIGHLANDS_GIVEN);
  } else if (ethnicity === '10') {
    familyAndMiddle = sex === 'nam' ? rnd.pick(JRAI_FAMILY) : `${rnd.pick(JRAI_FAMILY)} H'`;
    given = rnd.pick(HIGHLANDS_GIVEN);
    if (sex === 'nu') {
      familyAndMiddle = rnd.pick(JRAI_FAMILY);
      given = `H'${rnd.pick(HIGHLANDS_GIVEN)}`;
    }
  } else if (ethnicity === '12') {
    familyAndMiddle = `${sex === 'nam' ? 'Y' : "H'"}${rnd.pick(HIGHLANDS_GIVEN)}`;
    given = rnd.pick(EDE_FAMILY);
  } else {
    familyAndMiddle = `${rnd.weighted(KINH_FAMILY)} ${rnd.pick(sex === 'nam' ? MALE_MIDDLE : FEMALE_MIDDLE)}`;
    given = rnd.pick(sex === 'nam' ? MALE_GIVEN : FEMALE_GIVEN);
  }
  const year = 1955 + rnd.int(50);
  const precision = rnd.next();
  const month = 1 + rnd.int(12);
  const day = 1 + rnd.int(28);
  const birthDate =
    precision < 0.05 ? String(year) : precision < 0.07 ? `${year}-${pad(month, 2)}` : `${year}-${pad(month, 2)}-${pad(day, 2)}`;
  const status =
    year > 2000
      ? rnd.weighted<PartyStatus>([
          ['quan_chung', 70],
          ['du_bi', 30],
        ])
      : rnd.weighted(STATUS);
  const admissionYear = Math.min(2026, year + 18 + rnd.int(20));
  const admissionDate = status === 'quan_chung' ? null : `${admissionYear}-${pad(1 + rnd.int(12), 2)}-${pad(1 + rnd.int(28), 2)}`;
  const confirmationDate =
    status === 'chinh_thuc' && admissionDate ? `${Number(admissionDate.slice(0, 4)) + 1}${admissionDate.slice(4)}` : null;
  // CCCD: 3-digit province code, a century/sex digit, the birth year's last two digits, six more.
  const centurySex = (year >= 2000 ? 2 : 0) + (sex === 'nu' ? 1 : 0);
  let citizenId: string | null = null;
  if (rnd.next() < 0.8) {
    // Real CCCD numbers are unique: draw again on the rare collision.
    do citizenId = `${provinceCode}${centurySex}${pad(year % 100, 2)}${pad(rnd.int(1_000_000), 6)}`;
    while (usedIds.has(citizenId));
    usedIds.add(citizenId);
  }
  return {
    unitName: unit.name,
    data: {
      familyAndMiddle,
      given,
      sex,
      birthDate,
      ethnicityCode: ethnicity,
      religion: rnd.weighted(RELIGIONS),
      homePlace: '',
      communeCode: unit.communeCode,
      workplace: rnd.pick(WORKPLACES),
      position: rnd.pick(POSITIONS),
      partyStatus: status,
      admissionDate,
      confirmationDate,
      unitId: unit.id,
      educationLevel: rnd.pick(EDUCATION),
      theoryLevel:
        status === 'quan_chung'
          ? 'none'
          : rnd.weighted([
              ['none', 30],
              ['so_cap', 50],
              ['trung_cap', 18],
              ['cao_cap', 2],
            ]),
      citizenId,
      partyCard: status === 'quan_chung' ? '' : pad(rnd.int(100_000_000), 8),
      phone: rnd.next() < 0.6 ? `09${pad(rnd.int(100_000_000), 8)}` : '',
      notes: '',
    },
  };
}

const KEY_POSTS = [
  'Bí thư Đảng ủy xã',
  'Phó Bí thư Thường trực Đảng ủy xã',
  'Chủ tịch HĐND xã',
  'Chủ tịch UBND xã',
  'Phó Chủ tịch UBND xã',
  'Chủ tịch Ủy ban MTTQ xã',
];

/** Each commune's leaders («cán bộ chủ chốt cấp xã»), whom the theory-level targets are about: six full members per Party committee. */
function assignKeyPosts(db: Database): void {
  for (const base of baseUnitIds(db)) {
    cellMembersOf(db, base, KEY_POSTS.length).forEach((id, i) => setPosition(db, id, KEY_POSTS[i]!));
  }
}

export interface DemoOptions {
  people: number;
  seed?: number;
  /** Province whose communes get units (51 = Quảng Ngãi, which Kon Tum joined in 2025). */
  provinceCode?: string;
  onProgress?: (done: number, total: number) => void;
}

/**
 * Fills a database with sample units and people in one transaction per batch and marks it as a
 * demo database (the title bar says so).
 */
export function generateDemo(db: Database, options: DemoOptions): { units: number; people: number } {
  const rnd = makeRandom(options.seed ?? 20261121);
  const province = options.provinceCode ?? '51';
  const communes = COMMUNES.filter((c) => c.province === province).slice(0, 40);
  const now = new Date().toISOString();
  const units: { id: number; name: string; communeCode: string | null }[] = [];
  db.transaction(() => {
    markDemo(db);
    for (const c of communes) {
      const baseName = `Đảng bộ ${c.name.replace(/^Xã /, 'xã ').replace(/^Phường /, 'phường ')}`;
      const baseId = insertUnit(db, baseName, 'base', null, c.code, now);
      const cells = [
        ...Array.from({ length: 8 }, (_, i) => `thôn ${i + 1}`),
        'Trường Tiểu học',
        'Trường THCS',
        'Trạm Y tế',
        'Công an',
        'Quân sự',
      ];
      for (const cell of cells) {
        const name = `Chi bộ ${cell} ${c.name.replace(/^Xã /, 'xã ').replace(/^Phường /, 'phường ')}`;
        units.push({ id: insertUnit(db, name, 'cell', baseId, c.code, now), name, communeCode: c.code });
      }
    }
  })();
  // Five indexes take random-key inserts: a large cache for the run keeps them in memory.
  const cacheBefore = cacheSize(db);
  cacheSize(db, -1000000);
  const provinceCode = `0${province}`.slice(-3);
  const usedIds = new Set<string>();
  const recent: { data: PersonData; unitName: string }[] = [];
  const batch = 20_000;
  for (let done = 0; done < options.people; done += batch) {
    db.transaction(() =>
      writePeople(
        db,
        (writer) => {
          for (let i = done; i < Math.min(options.people, done + batch); i++) {
            const earlier = recent.length > 0 && rnd.next() < 0.003 ? rnd.pick(recent) : null;
            // A few people come back in a later list typed differently (year only, no CCCD): the likely duplicates a real registry has.
            const person = earlier
              ? {
                  ...earlier,
                  data: { ...earlier.data, birthDate: earlier.data.birthDate?.slice(0, 4) ?? null, citizenId: null, phone: '' },
                }
              : samplePerson(rnd, rnd.pick(units), provinceCode, usedIds);
            writer.insert(person.data, person.unitName, now);
            if (!earlier && recent.length < 5000) recent.push(person);
          }
        },
        { deferIndex: true, undatedLevels: true },
      ),
    )();
    options.onProgress?.(Math.min(options.people, done + batch), options.people);
  }
  db.transaction(() => {
    assignKeyPosts(db);
    rebuildSearchIndex(db);
  })();
  cacheSize(db, cacheBefore);
  return { units: units.length + communes.length, people: options.people };
}
