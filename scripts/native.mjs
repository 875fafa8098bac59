// Makes sure better-sqlite3's native module matches the runtime about to use it:
//   node scripts/native.mjs node      (tests, browser host: plain Node)
//   node scripts/native.mjs electron  (npm start: the Electron binary)
// Both share node_modules, so switching rebuilds once; when it already matches this is a ~100 ms check.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const require = createRequire(path.join(root, 'package.json'));
const target = process.argv[2];
const probe = "new (require('better-sqlite3'))(':memory:').prepare('select 1').get()";

function run(cmd, args, env = {}) {
  return spawnSync(cmd, args, { cwd: root, stdio: 'pipe', env: { ...process.env, ...env }, shell: process.platform === 'win32' });
}

function electronBinary() {
  const pkg = path.join(root, 'node_modules/electron');
  const pathTxt = path.join(pkg, 'path.txt');
  if (!fs.existsSync(pathTxt)) return null;
  const exe = path.join(pkg, 'dist', fs.readFileSync(pathTxt, 'utf8').trim());
  return fs.existsSync(exe) ? exe : null;
}

if (target === 'node') {
  try {
    const Database = require('better-sqlite3');
    new Database(':memory:').close();
  } catch {
    console.log('better-sqlite3 was built for another runtime: rebuilding it for Node…');
    const r = run('npm', ['rebuild', 'better-sqlite3'], { ELECTRON_SKIP_BINARY_DOWNLOAD: '1' });
    if (r.status !== 0) {
      console.error(String(r.stderr));
      process.exit(1);
    }
  }
} else if (target === 'electron') {
  const exe = electronBinary();
  if (!exe) {
    console.error(
      'Electron chưa được cài (thiếu tệp chạy). Hãy chạy `npm install` trên máy có Internet, hoặc xem bản chạy trên trình duyệt: `npm run web`.\n' +
        'The Electron binary is missing: run `npm install` with internet access, or use `npm run web`.',
    );
    process.exit(1);
  }
  const ok = run(exe, ['-e', probe], { ELECTRON_RUN_AS_NODE: '1' }).status === 0;
  if (!ok) {
    console.log('better-sqlite3 was built for another runtime: rebuilding it for Electron…');
    const r = spawnSync('npx', ['electron-builder', 'install-app-deps'], { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
    if (r.status !== 0) process.exit(r.status ?? 1);
  }
} else {
  console.error('usage: node scripts/native.mjs node|electron');
  process.exit(2);
}
