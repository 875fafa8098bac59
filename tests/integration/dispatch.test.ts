import fs from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AppCore } from '../../electron/core/app-core';
import { dispatch } from '../../electron/core/dispatch';
import { handlers } from '../../electron/core/handlers';
import { contract, WHOLE_INPUT } from '../../shared/contract';
import { blankPerson } from '../fixtures/builders';
import { startCore } from './helpers';

/** Saves a Party cell the way the renderer's request reaches the core. */
const saveCell = (core: AppCore, name: string) => dispatch(core, 'units.save', { name, kind: 'cell', parentId: null, communeCode: null });

describe('dispatch', () => {
  // A handler spied on in a test is the real one again for the next, even when the test fails.
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('has a handler for every channel of the contract and no other', () => {
    expect(Object.keys(handlers).sort()).toEqual(Object.keys(contract).sort());
    for (const name of Object.keys(contract)) expect(name).toMatch(/^[a-z][a-zA-Z]*\.[a-z][a-zA-Z]*$/);
  });

  it('refuses an unknown channel', async () => {
    const core = await startCore();
    expect(await dispatch(core, 'fs.readFile', {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
    expect(await dispatch(core, '__proto__', {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
  });

  it('refuses input that does not match the schema before any service runs', async () => {
    const core = await startCore();
    const r = await dispatch(core, 'programs.get', { id: 'one' });
    expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await dispatch(core, 'centre.get', { extra: 1 })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('refuses a name with a lone surrogate at the field, and saves it without bidi controls', async () => {
    const core = await startCore();
    const person = {
      ...blankPerson,
      familyAndMiddle: 'Lê Thị',
      given: 'Hoa\uD83D',
      sex: 'nu',
      birthDate: '1990',
      partyStatus: null,
    } as const;
    expect(await dispatch(core, 'learners.save', person)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', fields: { given: expect.stringMatching(/ký tự hỏng/) } },
    });
    const saved = await dispatch(core, 'learners.save', { ...person, given: 'Ho\u202Ea' });
    expect(saved).toMatchObject({ ok: true, value: { fullName: 'Lê Thị Hoa' } });
  });

  it('says what is wrong with a field in Vietnamese, also where the library wrote the message', async () => {
    const core = await startCore();
    const wrongType = await dispatch(core, 'programs.list', { includeArchived: 'x' });
    expect(wrongType).toMatchObject({ ok: false, error: { fields: { includeArchived: 'Phải chọn có hoặc không' } } });
    const notAnObject = await dispatch(core, 'programs.get', 'one');
    expect(notAnObject.ok).toBe(false);
    const messages = Object.values((notAnObject as { error: { fields?: Record<string, string> } }).error.fields ?? {});
    expect(messages.length).toBeGreaterThan(0);
    for (const m of messages) expect(m).not.toMatch(/Invalid input|expected|received|mong đợi/);
    expect(notAnObject).toMatchObject({
      ok: false,
      error: { fields: { [WHOLE_INPUT]: 'Dữ liệu gửi đến không đúng dạng; hãy tải lại trang rồi thử lại.' } },
    });
  });

  it('turns a bug into a Vietnamese message that points at the log, with the stack only in the log', async () => {
    const core = await startCore();
    vi.spyOn(handlers, 'programs.list').mockImplementation(() => {
      throw new TypeError('secret internal detail at foo.ts:12');
    });
    const r = await dispatch(core, 'programs.list', { includeArchived: false });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('INTERNAL');
      expect(r.error.message).toContain('Đã xảy ra lỗi không mong muốn');
      expect(r.error.message).toContain(core.log.file);
      expect(JSON.stringify(r)).not.toContain('secret internal detail');
    }
    expect(fs.readFileSync(core.log.file, 'utf8')).toContain('secret internal detail at foo.ts:12');
  });

  it('refuses output that breaks the contract (a bug), rather than sending it', async () => {
    const core = await startCore();
    vi.spyOn(handlers, 'app.reportError').mockImplementation(() => ({ logged: 'yes' }) as never);
    expect(await dispatch(core, 'app.reportError', { message: 'x' })).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  });

  it('rolls back a write whose answer breaks the contract, so a retry is not told it was already done', async () => {
    const core = await startCore();
    const original = handlers['units.save'];
    const spy = vi
      .spyOn(handlers, 'units.save')
      .mockImplementation((ctx, input) => ({ ...original(ctx, input), id: 'not a number' }) as never);
    const r = await saveCell(core, 'Chi bộ thôn 9');
    expect(r).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(core.db.prepare("SELECT COUNT(*) AS n FROM units WHERE name = 'Chi bộ thôn 9'").get()).toEqual({ n: 0 });
    expect(core.db.prepare("SELECT COUNT(*) AS n FROM audit_log WHERE entity = 'unit'").get()).toEqual({ n: 0 });
    spy.mockRestore();
    expect(await saveCell(core, 'Chi bộ thôn 9')).toMatchObject({ ok: true });
  });

  it('runs reads read-only: a query that tries to write fails as a bug and writes nothing', async () => {
    const core = await startCore();
    const spy = vi.spyOn(handlers, 'centre.get').mockImplementation((ctx) => {
      ctx.db.prepare("INSERT INTO settings (key, value) VALUES ('sneaky', '1')").run();
      return null as never;
    });
    expect(await dispatch(core, 'centre.get', {})).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(core.db.prepare("SELECT COUNT(*) AS n FROM settings WHERE key = 'sneaky'").get()).toEqual({ n: 0 });
    expect(fs.readFileSync(core.log.file, 'utf8')).toContain('centre.get tried to write');
    spy.mockRestore();
    // The connection is writable again for the next command.
    expect(await saveCell(core, 'Chi bộ thôn 8')).toMatchObject({ ok: true });
  });

  it('makes the signing key when the database opens, so reading the certificate settings writes nothing', async () => {
    const core = await startCore();
    expect(core.db.prepare('SELECT COUNT(*) AS n FROM certificate_keys').get()).toEqual({ n: 1 });
    const changes = core.db.prepare('SELECT total_changes() AS n').get();
    const first = await dispatch(core, 'certificates.settings', {});
    expect(first.ok).toBe(true);
    expect(core.db.prepare('SELECT total_changes() AS n').get()).toEqual(changes);
    core.close();
  });

  it('refuses a handler that answers later without being listed as asynchronous', async () => {
    const core = await startCore();
    vi.spyOn(handlers, 'programs.list').mockImplementation(async () => []);
    expect(await dispatch(core, 'programs.list', { includeArchived: false })).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(fs.readFileSync(core.log.file, 'utf8')).toContain('ASYNC_CHANNELS');
  });

  it('logs a call that takes more than a few seconds', async () => {
    const core = await startCore();
    vi.spyOn(handlers, 'programs.list').mockImplementation(() => {
      const until = Date.now() + 3100;
      while (Date.now() < until) {
        // A slow query, as on an old office PC.
      }
      return [];
    });
    expect(await dispatch(core, 'programs.list', { includeArchived: false })).toMatchObject({ ok: true });
    expect(fs.readFileSync(core.log.file, 'utf8')).toMatch(/programs\.list took 3\d{3} ms/);
  });

  it('logs renderer errors', async () => {
    const core = await startCore();
    await dispatch(core, 'app.reportError', { message: 'Không vẽ được bảng', where: 'route', stack: 'at Grid' });
    expect(fs.readFileSync(core.log.file, 'utf8')).toContain('Renderer: Không vẽ được bảng (route)');
  });
});
