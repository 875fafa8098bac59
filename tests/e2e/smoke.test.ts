import { describe, expect, it } from 'vitest';
import { CLASS_NAME, expectFirstStart, expectImportsIsolated, expectReopened, roundTripAndPrint } from '../electron/electron-fixtures';
import { browserForFile, dataFolder, startApp, watchConsole } from './fixtures';

/**
 * The smoke steps the hosted runners run against the packaged Electron app, run here against the
 * browser host (same renderer, same window.ttct shape, same core; Chromium's printToPDF), so the
 * steps themselves are proven on every run and only the Electron shell waits for the runner.
 */
describe('the packaged-app smoke steps, on the browser host', () => {
  const browser = browserForFile();

  it('first start, IPC round trip, a list read in the worker and a merge bomb refused, a class timetable printed to PDF, restart on the same data', async () => {
    const data = dataFolder();
    // expectFirstStart confirms the recovery sheet itself, as on the packaged app.
    let host = await startApp(data.dir, { keepRecoverySheet: true });
    try {
      let page = await browser().newPage({ viewport: { width: 1366, height: 768 } });
      const problems = watchConsole(page);
      await page.goto(host.url);
      await expectFirstStart(page, data.dir);
      await expectImportsIsolated(page);
      const { text } = await roundTripAndPrint(page);
      expect(text).toContain(CLASS_NAME);
      expect(text).toContain('LỊCH HỌC');
      await page.close();
      await host.close();

      host = await startApp(data.dir);
      page = await browser().newPage({ viewport: { width: 1366, height: 768 } });
      const problemsAfter = watchConsole(page);
      await page.goto(host.url);
      await expectReopened(page);
      expect([...problems, ...problemsAfter]).toEqual([]);
    } finally {
      await host.close();
      data.remove();
    }
  });
});
