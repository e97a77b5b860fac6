import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, inject } from 'vitest';
import { launchBrowser } from './browser';
import { ROOT } from './previewServer';

export const RESULTS_DIR = resolve(ROOT, 'test-results');

export interface Viewport {
  readonly width: number;
  readonly height: number;
  /** A phone's touch screen: mobile emulation with touch events, so `(pointer: coarse)` holds. */
  readonly touch?: boolean;
}

export const DESKTOP: Viewport = { width: 1280, height: 800 };
export const PHONE: Viewport = { width: 390, height: 844 };

export interface AppSession {
  /** This test's page, in a fresh browser context (empty storage). */
  readonly page: Page;
  readonly context: BrowserContext;
  /** Console errors and uncaught page errors seen so far in this test. */
  readonly errors: readonly string[];
  /** Opens a route of the app: '#/lab', '#/lessons/batch-normalization', or '' for home. */
  open(route?: string): Promise<void>;
  /** Reloads the page and waits for the app to start again. */
  reload(): Promise<void>;
  /** Console errors matching this are expected in the current test (e.g. a deliberately broken entry). */
  expectConsoleError(pattern: RegExp): void;
}

function fileSafe(name: string): string {
  return name
    .replace(/[^a-z0-9]+/gi, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 100);
}

/**
 * Sets up a describe block (or file) for browser tests: one Chromium per block, a fresh context and
 * page per test. A test fails on any console error or uncaught page error, and a failed test leaves a
 * full-page screenshot in test-results/.
 */
export function useApp(viewport: Viewport = DESKTOP): AppSession {
  const baseUrl = inject('baseUrl');
  let browser: Browser | undefined;
  let context: BrowserContext | undefined;
  let page: Page | undefined;
  let errors: string[] = [];
  let allowed: RegExp[] = [];

  const current = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`useApp: ${what} is only available inside a test`);
    return value;
  };

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
  });

  beforeEach(async () => {
    errors = [];
    allowed = [];
    const { width, height, touch = false } = viewport;
    context = await current(browser, 'the browser').newContext({
      viewport: { width, height },
      isMobile: touch,
      hasTouch: touch,
    });
    const created = await context.newPage();
    created.on('console', (message) => {
      if (message.type() !== 'error') return;
      const location = message.location();
      const where = location.url ? ` (${location.url}:${location.lineNumber})` : '';
      errors.push(`console.error: ${message.text()}${where}`);
    });
    created.on('pageerror', (error) => {
      errors.push(`uncaught ${error.name}: ${error.message}`);
    });
    page = created;
  });

  afterEach(async ({ task }) => {
    const unexpected = errors.filter((text) => !allowed.some((pattern) => pattern.test(text)));
    try {
      if (page && (task.result?.state === 'fail' || unexpected.length > 0)) {
        mkdirSync(RESULTS_DIR, { recursive: true });
        const file = resolve(RESULTS_DIR, `${fileSafe(`${task.file.name}-${task.name}`)}.png`);
        await page
          .screenshot({ path: file, fullPage: true, timeout: 10_000 })
          .catch(() => undefined);
      }
    } finally {
      await context?.close();
      context = undefined;
      page = undefined;
    }
    if (unexpected.length > 0) {
      throw new Error(`The page reported ${unexpected.length} error(s):\n${unexpected.join('\n')}`);
    }
  });

  return {
    get page() {
      return current(page, 'the page');
    },
    get context() {
      return current(context, 'the browser context');
    },
    get errors() {
      return errors;
    },
    async open(route = '') {
      await current(page, 'the page').goto(new URL(route, baseUrl).href);
      await current(page, 'the page').waitForSelector('#root > *');
    },
    async reload() {
      await current(page, 'the page').reload();
      await current(page, 'the page').waitForSelector('#root > *');
    },
    expectConsoleError(pattern) {
      allowed.push(pattern);
    },
  };
}
