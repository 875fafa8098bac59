import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it, type TestContext } from 'vitest';
import type { Host } from '../../../electron/browser-host/server';
import type { AppCore } from '../../../electron/core/app-core';
import { browserForFile, dataFolder, startApp, watchConsole } from '../fixtures';

export interface JourneyOptions<T> {
  viewport?: { width: number; height: number };
  locale?: string;
  /** The centre's clock, for data that depends on today. */
  now?: () => Date;
  /** Leave the recovery sheet waiting (the tests of its dialog). */
  keepRecoverySheet?: boolean;
  /** Work on the data folder before the app starts on it: a damaged file, a key file gone, a generated history. */
  before?: (dir: string) => Promise<void>;
  /** Data put in through the core as the renderer would, once for all the steps. */
  seed?: (core: AppCore, dir: string) => Promise<T>;
  /** Where the page opens, after the host's address (`#/learners/import`); the start page when left out. */
  open?: string | ((seeded: T) => string);
  /** How long `before` and `seed` may take together (a generated history of several years takes minutes). */
  setupTimeout?: number;
  /** Console lines a journey expects (a refused file answered with HTTP 4xx). */
  tolerate?: (problem: string) => boolean;
}

/**
 * One clerk's journey through the app, as the steps of a `describe`: one data folder, one app and one page shared
 * by all the steps, set up once in `beforeAll`. A step that fails makes every later step skip with its name, so the
 * report shows the first broken step, not a cascade. After each step the page must have logged no console error,
 * CSP violation or failed request (a clean page is part of "done").
 */
export class Journey<T> {
  host!: Host;
  page!: Page;
  /** What `seed` returned. */
  seeded!: T;
  private problems: string[][] = [];
  private folder!: ReturnType<typeof dataFolder>;

  constructor(
    private readonly options: JourneyOptions<T>,
    private readonly browser: () => Browser,
  ) {}

  get core(): AppCore {
    return this.host.core;
  }

  get dir(): string {
    return this.folder.dir;
  }

  /** A step of the journey; it runs only if every earlier step passed. */
  step(name: string, fn: () => Promise<void>, timeout?: number): void {
    it(
      name,
      async (ctx) => {
        const failed = earlierFailure(ctx);
        if (failed) ctx.skip(`skipped: the earlier step «${failed}» failed`);
        try {
          await fn();
        } catch (e) {
          // Told with the failure, not left for the end of the journey.
          const logged = this.takeProblems();
          if (logged.length && e instanceof Error) e.message += `\nThe page also logged: ${logged.join('; ')}`;
          throw e;
        }
        this.expectCleanConsole();
      },
      timeout,
    );
  }

  /** A page on the running app, watched like the first one. */
  async newPage(hash = ''): Promise<Page> {
    const { viewport = { width: 1366, height: 768 }, locale } = this.options;
    // Reduced motion turns the app's transitions off (renderer/src/app/theme.ts): nothing to wait out.
    const page = await this.browser().newPage({ viewport, reducedMotion: 'reduce', ...(locale && { locale }) });
    this.problems.push(watchConsole(page));
    await page.goto(`${this.host.url}${hash}`);
    return page;
  }

  /** The clerk closes the app and starts it again on the same data; the new page opens on `hash`. */
  async restart(hash = '', options: { keepRecoverySheet?: boolean } = {}): Promise<void> {
    await this.page.close();
    await this.host.close();
    this.host = await startApp(this.dir, { now: this.options.now, keepRecoverySheet: options.keepRecoverySheet });
    this.page = await this.newPage(hash);
  }

  setUp(): void {
    beforeAll(async () => {
      this.folder = dataFolder();
      await this.options.before?.(this.folder.dir);
      this.host = await startApp(this.folder.dir, { now: this.options.now, keepRecoverySheet: this.options.keepRecoverySheet });
      if (this.options.seed) this.seeded = await this.options.seed(this.host.core, this.folder.dir);
      const open = this.options.open;
      this.page = await this.newPage(typeof open === 'function' ? open(this.seeded) : (open ?? ''));
    }, this.options.setupTimeout);
    afterAll(async () => {
      try {
        // What the page logged after the last step.
        this.expectCleanConsole();
      } finally {
        try {
          await this.page?.close();
        } finally {
          await this.host?.close();
          this.folder?.remove();
        }
      }
    });
  }

  private takeProblems(): string[] {
    return this.problems.flatMap((p) => p.splice(0)).filter((p) => !this.options.tolerate?.(p));
  }

  private expectCleanConsole(): void {
    expect(this.takeProblems(), 'console errors, CSP violations or failed requests during this step').toEqual([]);
  }
}

/** The name of an earlier step of the same journey that failed, if any. */
function earlierFailure(ctx: TestContext): string | null {
  for (const task of ctx.task.suite?.tasks ?? []) {
    if (task === ctx.task) break;
    if (task.result?.state === 'fail') return task.name;
  }
  return null;
}

/** Call inside a `describe`: the journey's browser, folder, app and page, set up once for its steps. */
export function journey<T = undefined>(options: JourneyOptions<T> = {}): Journey<T> {
  const j = new Journey(options, browserForFile());
  j.setUp();
  return j;
}

/** Lets the page finish what a key or click set off: React commits a discrete event's update within the frame. */
export async function nextFrame(page: Page): Promise<void> {
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
}
