import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../..');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  engines: Record<string, string>;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
  scripts: Record<string, string>;
};
const builder = load(fs.readFileSync(path.join(root, 'electron-builder.yml'), 'utf8')) as Record<string, unknown> & {
  electronFuses: Record<string, boolean>;
  nsis: Record<string, unknown>;
  linux: { target: { target: string }[]; executableName: string; files: string[] };
  win: { target: { target: string }[]; files: string[] };
};
const WORKFLOW = path.join(root, '.github/workflows/electron.yml');

/** electron-builder's own check of its configuration (the one `electron-builder` runs before packaging). */
async function validateBuilderConfig(config: unknown): Promise<void> {
  const { validateConfiguration } = (await import('app-builder-lib/out/util/config/config.js')) as {
    validateConfiguration(c: unknown, logger: unknown): Promise<void>;
  };
  const { DebugLogger } = (await import('builder-util')) as unknown as { DebugLogger: new (enabled: boolean) => unknown };
  await validateConfiguration(config, new DebugLogger(false));
}

describe('the SQLite engine and the toolchain', () => {
  it('uses better-sqlite3-multiple-ciphers 13 (Node-API prebuilds) and no longer better-sqlite3', () => {
    expect(pkg.dependencies['better-sqlite3-multiple-ciphers']).toMatch(/^13\./);
    expect(pkg.dependencies['better-sqlite3']).toBeUndefined();
    expect(pkg.devDependencies['@types/better-sqlite3']).toBeUndefined();
    const engine = JSON.parse(fs.readFileSync(path.join(root, 'node_modules/better-sqlite3-multiple-ciphers/package.json'), 'utf8')) as {
      version: string;
      gypfile: boolean;
    };
    expect(engine.version).toMatch(/^13\./);
    expect(engine.gypfile).toBe(false);
    for (const target of ['win32-x64', 'linux-x64']) {
      expect(fs.existsSync(path.join(root, `node_modules/better-sqlite3-multiple-ciphers/prebuilds/${target}.node`)), target).toBe(true);
    }
  });

  it('nothing rebuilds native modules any more', () => {
    expect(builder.npmRebuild).toBe(false);
    expect(builder.nodeGypRebuild).toBe(false);
    expect(fs.existsSync(path.join(root, 'scripts/native.mjs'))).toBe(false);
    expect(Object.values(pkg.scripts).join('\n')).not.toMatch(/install-app-deps|electron-rebuild|npm rebuild/);
  });

  it('requires Node 24 and pins a supported Electron major exactly', () => {
    expect(pkg.engines.node).toBe('>=24');
    expect(fs.readFileSync(path.join(root, '.nvmrc'), 'utf8').trim()).toBe('24');
    // Exact version: Electron's ABI, Chromium and printing behaviour change with every release.
    expect(pkg.devDependencies.electron).toMatch(/^\d+\.\d+\.\d+$/);
    expect(Number(pkg.devDependencies.electron!.split('.')[0])).toBeGreaterThanOrEqual(43);
    expect(fs.readFileSync(path.join(root, 'docs/decisions.md'), 'utf8')).toContain(`Electron ${pkg.devDependencies.electron}`);
    for (const [name, script] of Object.entries(pkg.scripts)) {
      if (['typecheck', 'lint', 'build', 'test:unit'].includes(name)) continue;
      expect(script, name).toMatch(/^node scripts\/check-node\.cjs && /);
    }
  });
});

describe('electron-builder.yml', () => {
  it('passes electron-builder’s own validation', async () => {
    await validateBuilderConfig(builder);
    await expect(validateBuilderConfig({ ...builder, electronFuses: { ...builder.electronFuses, runAsNod: false } })).rejects.toThrow();
  });

  it('burns the fuses: no Node mode, no NODE_OPTIONS, no --inspect, encrypted cookies, ASAR only and checked', () => {
    expect(builder.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
    expect(builder.asar).toBe(true);
    expect(builder.asarUnpack).toContain('**/*.node');
  });

  it('installs on Windows for the current user only, in Vietnamese, with ASCII file names', () => {
    expect(builder.nsis).toMatchObject({
      oneClick: false,
      perMachine: false,
      installerLanguages: ['vi_VN'],
      language: '1066',
      deleteAppDataOnUninstall: false,
    });
    const include = fs.readFileSync(path.join(root, String(builder.nsis.include)), 'utf8');
    expect(include).toMatch(/!macro customInstallMode\s+StrCpy \$isForceCurrentInstall "1"\s+!macroend/);
    expect(builder.executableName).toMatch(/^[A-Za-z0-9]+$/);
    expect(builder.linux.executableName).toMatch(/^[a-z0-9-]+$/);
    for (const name of [
      builder.nsis.artifactName,
      (builder.portable as { artifactName: string }).artifactName,
      (builder.linux as unknown as { artifactName: string }).artifactName,
    ]) {
      expect(String(name)).toMatch(/^[A-Za-z0-9.${}-]+$/);
    }
    expect(builder.win.target.map((t) => t.target)).toEqual(['nsis', 'portable']);
    expect(builder.linux.target.map((t) => t.target)).toEqual(['AppImage', 'deb']);
  });

  it('ships only the engine binary of the platform packaged, and none of its sources', () => {
    const files = builder.files as string[];
    expect(files).toContain('!**/node_modules/better-sqlite3-multiple-ciphers/{deps,src,binding.gyp}{,/**/*}');
    expect(builder.win.files.join('\n')).not.toMatch(/win32-x64/);
    expect(builder.linux.files.join('\n')).not.toMatch(/linux-x64/);
  });
});

describe('the hosted-runner workflow', () => {
  const text = fs.readFileSync(WORKFLOW, 'utf8');
  const workflow = load(text) as {
    jobs: Record<
      string,
      {
        'runs-on': string;
        strategy: { matrix: { include: Record<string, string>[] } };
        env: Record<string, string>;
        steps: { name: string; run?: string; env?: Record<string, string> }[];
      }
    >;
  };
  const job = workflow.jobs.electron!;

  function validate(file: string): { status: number | null; out: string } {
    const cli = path.join(root, 'node_modules/@action-validator/cli/cli.mjs');
    const r = spawnSync(process.execPath, [cli, file], { encoding: 'utf8' });
    return { status: r.status, out: `${r.stdout}${r.stderr}` };
  }

  it('is a valid GitHub Actions workflow (@action-validator/cli), and the validator does reject a broken one', () => {
    expect(validate(WORKFLOW)).toEqual({ status: 0, out: '' });
    const broken = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ttct-wf-')), 'broken.yml');
    fs.writeFileSync(broken, text.replace('runs-on:', 'runs-onn:'));
    expect(validate(broken).status).not.toBe(0);
  });

  it('runs on Linux and Windows with Node 24, requires the Electron tests, packages, then launches the packaged app', () => {
    expect(job.strategy.matrix.include.map((m) => m.os)).toEqual(['ubuntu-latest', 'windows-latest']);
    expect(job.env.TTCT_REQUIRE_ELECTRON).toBe('1');
    expect(text).toMatch(/node-version: 24/);
    const steps = job.steps.map((s) => s.run ?? '');
    const install = steps.findIndex((r) => /^npm ci\b/.test(r));
    const test = steps.findIndex((r) => /npm test$/.test(r));
    const dist = steps.findIndex((r) => /npm run \$\{\{ matrix\.dist-script \}\}/.test(r));
    const smoke = steps.findIndex((r) => r.includes('tests/electron/packaged.test.ts'));
    expect([install, test, dist, smoke].every((i) => i >= 0)).toBe(true);
    expect(install < test && test < dist && dist < smoke).toBe(true);
    expect(job.steps[smoke]!.env?.TTCT_PACKAGED_APP).toBe('${{ matrix.packaged-app }}');
    // The unpacked executables the smoke test launches are the names electron-builder.yml gives them.
    const apps = job.strategy.matrix.include.map((m) => m['packaged-app']);
    expect(apps).toEqual([
      `dist/linux-unpacked/${builder.linux.executableName}`,
      `dist/win-unpacked/${String(builder.executableName)}.exe`,
    ]);
    // The real binary is downloaded there: nothing may skip it.
    expect(text).not.toContain('ELECTRON_SKIP_BINARY_DOWNLOAD');
  });
});
