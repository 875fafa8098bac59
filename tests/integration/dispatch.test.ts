import fs from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { dispatch } from '../../electron/core/dispatch';
import { handlers } from '../../electron/core/services';
import { contract } from '../../shared/contract';
import { startCore } from './helpers';

describe('dispatch', () => {
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
      familyAndMiddle: 'Lê Thị', given: 'Hoa\uD83D', sex: 'nu', birthDate: '1990', ethnicityCode: null, religion: '', homePlace: '', communeCode: null,
      workplace: '', position: '', partyStatus: null, admissionDate: null, confirmationDate: null, unitId: null, educationLevel: '', theoryLevel: null,
      citizenId: '', partyCard: '', phone: '', notes: '',
    };
    expect(await dispatch(core, 'learners.save', person)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fields: { given: expect.stringMatching(/ký tự hỏng/) } } });
    const saved = await dispatch(core, 'learners.save', { ...person, given: 'Ho\u202Ea' });
    expect(saved).toMatchObject({ ok: true, value: { fullName: 'Lê Thị Hoa' } });
  });

  it('says what is wrong with a field in Vietnamese, also where the library wrote the message', async () => {
    const core = await startCore();
    const wrongType = await dispatch(core, 'programs.list', { includeArchived: 'x' });
    expect(wrongType).toMatchObject({ ok: false, error: { fields: { includeArchived: expect.stringMatching(/^Đầu vào không hợp lệ/) } } });
    const notAnObject = await dispatch(core, 'programs.get', 'one');
    expect(notAnObject.ok).toBe(false);
    const messages = Object.values((notAnObject as { error: { fields?: Record<string, string> } }).error.fields ?? {});
    expect(messages.length).toBeGreaterThan(0);
    for (const m of messages) expect(m).not.toMatch(/Invalid input|expected|received/);
  });

  it('turns a bug into a Vietnamese message that points at the log, with the stack only in the log', async () => {
    const core = await startCore();
    const spy = vi.spyOn(handlers, 'programs.list').mockImplementation(() => {
      throw new TypeError('secret internal detail at foo.ts:12');
    });
    try {
      const r = await dispatch(core, 'programs.list', { includeArchived: false });
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.error.code).toBe('INTERNAL');
        expect(r.error.message).toContain('Đã xảy ra lỗi không mong muốn');
        expect(r.error.message).toContain(core.log.file);
        expect(JSON.stringify(r)).not.toContain('secret internal detail');
      }
      expect(fs.readFileSync(core.log.file, 'utf8')).toContain('secret internal detail at foo.ts:12');
    } finally {
      spy.mockRestore();
    }
  });

  it('refuses output that breaks the contract (a bug), rather than sending it', async () => {
    const core = await startCore();
    const spy = vi.spyOn(handlers, 'app.reportError').mockImplementation(() => ({ logged: 'yes' }) as never);
    try {
      expect(await dispatch(core, 'app.reportError', { message: 'x' })).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    } finally {
      spy.mockRestore();
    }
  });

  it('logs renderer errors', async () => {
    const core = await startCore();
    await dispatch(core, 'app.reportError', { message: 'Không vẽ được bảng', where: 'route', stack: 'at Grid' });
    expect(fs.readFileSync(core.log.file, 'utf8')).toContain('Renderer: Không vẽ được bảng (route)');
  });
});
