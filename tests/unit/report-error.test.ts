import { describe, expect, it } from 'vitest';

/**
 * Issue 13: a refusal from the core that no screen caught reaches the log through app.reportError;
 * its message is the clerk's sentence and may name a learner, so only its code is sent.
 * (Loaded by path: the renderer is type-checked with the DOM, not with this project.)
 */
interface ReportModule {
  errorReport(error: unknown, where: string): { message: string; where: string; stack?: string };
}
interface RendererApi {
  ApiError: new (error: { code: string; message: string; fields?: Record<string, string> }) => Error;
}
const REPORT = '../../renderer/src/app/report-error';
const API = '../../renderer/src/api';

describe('renderer error reports', () => {
  it('send a refusal from the core as its code, with the frames and without the clerk’s sentence', async () => {
    const { errorReport } = (await import(/* @vite-ignore */ REPORT)) as ReportModule;
    const { ApiError } = (await import(/* @vite-ignore */ API)) as RendererApi;
    const refusal = new ApiError({
      code: 'WITHDRAWN',
      message: 'Lê Văn Tư đã thôi học; không điểm danh được.',
      fields: { mark: 'Lê Văn Tư' },
    });
    const report = errorReport(refusal, 'unhandledrejection');
    expect(report.message).toBe('Refusal WITHDRAWN not handled on screen');
    expect(report.where).toBe('unhandledrejection');
    expect(report.stack).toMatch(/^\s+at /);
    expect(JSON.stringify(report)).not.toContain('Lê Văn Tư');
  });

  it('send any other error as it is (the log masks ID numbers and dates)', async () => {
    const { errorReport } = (await import(/* @vite-ignore */ REPORT)) as ReportModule;
    const report = errorReport(new TypeError("Cannot read properties of undefined (reading 'rows')"), 'route');
    expect(report.message).toBe("Cannot read properties of undefined (reading 'rows')");
    expect(report.stack).toContain('TypeError');
    expect(errorReport('plain text', 'window.onerror')).toEqual({ message: 'plain text', where: 'window.onerror' });
  });
});
