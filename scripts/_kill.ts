import fs from 'node:fs';
import { openSqlite } from '../electron/core/db/engine';
const key = Buffer.alloc(32, 7);
const mode = process.argv[2];
if (mode === 'child') {
  const db = openSqlite('/tmp/kt4/a.db', undefined, key);
  db.pragma('journal_mode=WAL');
  db.exec('create table if not exists t(x)');
  db.exec('BEGIN');
  const ins = db.prepare('insert into t values (?)');
  for (let i = 0; i < 200000; i++) ins.run('x'.repeat(100) + i);
  process.stdout.write('GO\n');
  setInterval(() => ins.run('y'), 1);
} else {
  const { opensWith } = require('../electron/core/db/open') as typeof import('../electron/core/db/open');
  console.log(fs.readdirSync('/tmp/kt4').map((f) => `${f}:${fs.statSync('/tmp/kt4/' + f).size}`));
  try {
    const r = openSqlite('/tmp/kt4/a.db', { readonly: true, fileMustExist: true }, key);
    console.log('uv', r.pragma('user_version', { simple: true }));
    r.close();
  } catch (e) { console.log('ro err', (e as { code?: string }).code, (e as Error).message); }
  console.log('opensWith', opensWith('/tmp/kt4/a.db', key));
}
