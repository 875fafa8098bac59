import { describe, expect } from 'vitest';
import { CLASS_NAME, expectFirstStart, expectImportsIsolated, expectReopened, roundTripAndPrint } from '../electron/electron-fixtures';
import { journey } from './pages/journey';

/**
 * The smoke steps the hosted runners run against the packaged Electron app, run here against the
 * browser host (same renderer, same window.ttct shape, same core; Chromium's printToPDF), so the
 * steps themselves are proven on every run and only the Electron shell waits for the runner.
 */
describe('the packaged-app smoke steps, on the browser host', () => {
  // expectFirstStart confirms the recovery sheet itself, as on the packaged app.
  const j = journey({ keepRecoverySheet: true });

  j.step('first start', async () => {
    await expectFirstStart(j.page, j.dir);
  });

  j.step('IPC round trip, a list read in the worker and a merge bomb refused', async () => {
    await expectImportsIsolated(j.page);
  });

  j.step('a class timetable printed to PDF', async () => {
    const { text } = await roundTripAndPrint(j.page);
    expect(text).toContain(CLASS_NAME);
    expect(text).toContain('LỊCH HỌC');
  });

  j.step('restart on the same data', async () => {
    await j.restart();
    await expectReopened(j.page);
  });
});
