import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/core/db/open';
import { MIGRATIONS } from '../../electron/core/db/migrations';
import { personSortKey } from '../../shared/domain/sort-key';
import { foldText } from '../../shared/domain/text';
import type { AppCore } from '../../electron/core/app-core';
import { unknownParty } from '../fixtures/builders';
import { ok, startCore, tempDir } from './helpers';

function person(familyAndMiddle: string, given: string) {
  return { ...unknownParty, familyAndMiddle, given };
}

/** The invariant search relies on: rank order is list order, and the index holds exactly the active people. */
function expectConsistent(core: AppCore): void {
  const byRank = core.db.prepare('SELECT id FROM people WHERE merged_into_id IS NULL ORDER BY sort_rank').pluck().all();
  const byKey = core.db.prepare('SELECT id FROM people WHERE merged_into_id IS NULL ORDER BY sort_key, id').pluck().all();
  expect(byRank).toEqual(byKey);
  const ranks = core.db.prepare('SELECT sort_rank FROM people WHERE merged_into_id IS NULL ORDER BY sort_rank').pluck().all();
  const indexed = core.db
    .prepare(
      'SELECT rowid FROM people_fts WHERE people_fts MATCH \'"a"* OR "b"* OR "c"* OR "d"* OR "e"* OR "g"* OR "h"* OR "k"* OR "l"* OR "m"* OR "n"* OR "p"* OR "t"* OR "v"* OR "x"* OR "y"*\' ORDER BY rowid',
    )
    .pluck()
    .all();
  expect(indexed).toEqual(ranks);
}

describe('list order and the search index', () => {
  it('stay in step through crowded inserts, renames, merges and undo', async () => {
    const core = await startCore();
    // 400 people with the very same name: each new one lands in the same gap, forcing re-spreads.
    const ids: number[] = [];
    for (let i = 0; i < 400; i++) ids.push((await ok(core, 'learners.save', person('Nguyễn Văn', 'An'))).id);
    for (const [f, g] of [
      ['Trần Thị', 'Ánh'],
      ['Lê', 'Ân'],
      ['Phạm Văn', 'Bình'],
      ['Đỗ', 'An'],
      ['Y', 'Moan Niê'],
    ]) {
      await ok(core, 'learners.save', person(f!, g!));
    }
    expectConsistent(core);
    // A rename moves the person to another place in the list.
    await ok(core, 'learners.save', { ...person('Nguyễn Văn', 'Zũng'), id: ids[10]! });
    expectConsistent(core);
    expect((await ok(core, 'learners.search', { q: 'zung' })).rows.map((r) => r.id)).toEqual([ids[10]]);
    const m = await ok(core, 'learners.merge', { keepId: ids[0]!, removeId: ids[1]! });
    expectConsistent(core);
    expect((await ok(core, 'learners.count', { q: 'nguyen an' })).count).toBe(398);
    await ok(core, 'learners.undoMerge', { mergeId: m.mergeId });
    expectConsistent(core);
    expect((await ok(core, 'learners.count', { q: 'nguyen an' })).count).toBe(399);
  });

  it('migrates a version 3 registry: ranks in list order and search working', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'ttct.sqlite');
    const v3 = await openDatabase(file, { key: null, backupsDir: path.join(dir, 'backups'), migrations: MIGRATIONS.slice(0, 3) });
    const insert = v3.prepare(
      `INSERT INTO people (family_and_middle, given, name_key, sort_key, search_text, religion, home_place, workplace, position,
         education_level, phone, notes, created_at, updated_at) VALUES (?, ?, ?, ?, ?, '', '', '', '', '', '', '', 'x', 'x')`,
    );
    for (const [f, g] of [
      ['Nguyễn Thị', 'Hằng'],
      ['Đặng Văn', 'Đức'],
      ['Trần', 'An'],
    ]) {
      const key = foldText(`${f} ${g}`);
      insert.run(f, g, key, personSortKey({ familyAndMiddle: f!, given: g! }), key);
    }
    v3.close();
    const core = await startCore(dir);
    expect(core.schemaVersion()).toBe(MIGRATIONS.length);
    expectConsistent(core);
    expect((await ok(core, 'learners.search', { q: '' })).rows.map((r) => r.fullName)).toEqual([
      'Trần An',
      'Đặng Văn Đức',
      'Nguyễn Thị Hằng',
    ]);
    expect((await ok(core, 'learners.search', { q: 'dang' })).rows.map((r) => r.fullName)).toEqual(['Đặng Văn Đức']);
  });

  it('migrates a version 13 index: names, names as spelled and unit words apart, so "Hà" ranks', async () => {
    const dir = tempDir();
    const v13 = await openDatabase(path.join(dir, 'ttct.sqlite'), {
      key: null,
      backupsDir: path.join(dir, 'backups'),
      migrations: MIGRATIONS.slice(0, 13),
    });
    const insert = v13.prepare(
      `INSERT INTO people (family_and_middle, given, name_key, sort_key, search_text, sort_rank, religion, home_place, workplace, position,
         education_level, phone, notes, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, '', '', '', '', '', '', '', 'x', 'x')`,
    );
    const people = [
      ['Võ Văn', 'An', 'thon ha thanh'],
      ['Hoàng Thị', 'Hà', ''],
      ['Nguyễn Thị', 'Hạ', ''],
    ] as const;
    people.forEach(([f, g, unit], i) => {
      const key = foldText(`${f} ${g}`);
      insert.run(f, g, key, personSortKey({ familyAndMiddle: f, given: g }), [key, unit].filter(Boolean).join(' '), (i + 1) * 2 ** 24);
    });
    v13.exec('INSERT INTO people_fts (rowid, search_text) SELECT sort_rank, search_text FROM people');
    v13.close();
    const core = await startCore(dir);
    expectConsistent(core);
    expect((await ok(core, 'learners.search', { q: 'Hà' })).rows.map((r) => r.fullName)).toEqual([
      'Hoàng Thị Hà',
      'Nguyễn Thị Hạ',
      'Võ Văn An',
    ]);
  });
});
