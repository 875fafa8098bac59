import { z } from 'zod';
import { describe, expect, it } from 'vitest';

/**
 * The renderer validates forms with the contract's schemas before sending, so zod must speak the same
 * plain Vietnamese there. Its one way to the core, renderer/src/api.ts, is imported here and nothing
 * else of the contract: if that import stopped configuring zod, the messages below would be English.
 * (Loaded by path at run time: the renderer is type-checked with the DOM, not with this project.)
 */

interface RendererApi {
  ApiError: new (error: {
    code: string;
    message: string;
    fields?: Record<string, string>;
  }) => Error & { fields: Record<string, string>; formMessage: string };
}
const API = '../../renderer/src/api';

describe('messages in the renderer', () => {
  it('zod speaks plain Vietnamese once the renderer’s api module is loaded', async () => {
    await import(/* @vite-ignore */ API);
    const form = z.object({ name: z.string(), days: z.number().int().max(400), topics: z.array(z.object({ title: z.string() })) });
    const r = form.safeParse({ days: 2.5, topics: [{ title: 1 }] });
    expect(r.success ? [] : r.error.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['name', 'Chưa có thông tin này'],
      ['days', 'Phải là số nguyên'],
      ['topics.0.title', 'Phải là chữ'],
    ]);
  });

  it('a refusal shown in an alert names its wrong fields; a form keeps the core’s sentence', async () => {
    const { ApiError } = (await import(/* @vite-ignore */ API)) as RendererApi;
    const err = new ApiError({
      code: 'INVALID_INPUT',
      message: 'Thông tin chưa hợp lệ, hãy xem các ô được đánh dấu.',
      fields: { 'sessions.3.date': 'Ngày không hợp lệ (dd/MM/yyyy)' },
    });
    expect(err.message).toBe('Thông tin chưa hợp lệ: Dòng 4, Ngày: Ngày không hợp lệ (dd/MM/yyyy).');
    expect(err.formMessage).toBe('Thông tin chưa hợp lệ, hãy xem các ô được đánh dấu.');
    expect(err.fields).toEqual({ 'sessions.3.date': 'Ngày không hợp lệ (dd/MM/yyyy)' });
    expect(new ApiError({ code: 'NOT_FOUND', message: 'Không tìm thấy lớp học.' }).message).toBe('Không tìm thấy lớp học.');
  });
});
