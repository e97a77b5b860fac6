import { resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { ROOT } from '../../test/e2e/previewServer';
import {
  longTasksElsewhere,
  mainThreadLongTasks,
  type ElsewhereTask,
  type LongTask,
  type TraceEvent,
} from './traceAnalysis';

const PROBE_SCRIPT = resolve(ROOT, 'bench/ui/inPageProbe.js');
const HOME_HEADING = 'Normalization and initialization, hands on';
/**
 * How long after the load event the window stays open: the app preloads the Lab's and the lessons'
 * code 1.5 s after it starts and registers its service worker once loaded; both belong to "the home
 * page loading" as a learner sees it (a click in that time would wait for them).
 */
export const AFTER_LOAD_MS = 4000;
/**
 * Task events with their wall and CPU (thread) time, what ran inside them, and the script each
 * module evaluation or callback ran ('AnimationFrame::Script::Execute', 'FunctionCall'). Not 'v8':
 * its events would name compiled scripts too, but add tracing's own cost to every task measured.
 */
const CATEGORIES = ['toplevel', 'devtools.timeline'];

export interface HomeLoad {
  /** Main-thread tasks over 50 ms (the Long Tasks API, wall clock), navigation to the window's end. */
  readonly longTasksMs: readonly number[];
  /**
   * The page's main-thread tasks over 50 ms from a Chromium trace, with the CPU time the main thread
   * spent in each and the scripts that ran in it.
   */
  readonly traced: readonly LongTask[];
  /**
   * Tasks over 50 ms in the same trace but not on the page's main thread (its service worker and
   * workers, Chromium's own WebUI renderer): not counted against the target, listed so that a
   * long task in the trace is never left unexplained.
   */
  readonly elsewhere: readonly ElsewhereTask[];
  /** Milliseconds from navigation until the home page's heading was in the document. */
  readonly headingAt: number;
  readonly loadEventAt: number;
  /** Bytes of JavaScript fetched before the heading was there (decoded, as the server sent them). */
  readonly scriptBytesBeforeHeading: number;
}

/**
 * Opens the home page `repetitions` times, each in a fresh browser context (empty HTTP cache, no
 * service worker yet: a first visit), and records the main thread's long tasks while it loads. On a
 * busy machine a task's wall-clock time includes the time it waited for a core; its CPU time does not.
 */
export async function homePageLoads(
  browser: Browser,
  baseUrl: string,
  repetitions: number,
): Promise<HomeLoad[]> {
  const loads: HomeLoad[] = [];
  for (let i = 0; i < repetitions; i++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    try {
      await context.addInitScript({ path: PROBE_SCRIPT });
      await context.addInitScript(() => {
        const marks = { headingAt: Number.NaN };
        (window as unknown as { __homeMarks: typeof marks }).__homeMarks = marks;
        new MutationObserver((_, observer) => {
          if (document.querySelector('h1')) {
            marks.headingAt = performance.now();
            observer.disconnect();
          }
        }).observe(document, { childList: true, subtree: true });
      });
      const page = await context.newPage();
      await browser.startTracing(page, { categories: CATEGORIES });
      await page.goto(baseUrl, { waitUntil: 'load', timeout: 60_000 });
      await page.getByRole('heading', { level: 1, name: HOME_HEADING }).waitFor();
      await page.waitForTimeout(AFTER_LOAD_MS);
      const trace = await browser.stopTracing();
      const inPage = await page.evaluate(() => {
        const probe = (
          window as unknown as { __normlabProbe: { longTasks: { duration: number }[] | null } }
        ).__normlabProbe;
        const { headingAt } = (window as unknown as { __homeMarks: { headingAt: number } })
          .__homeMarks;
        if (probe.longTasks === null) throw new Error('this browser reports no long tasks');
        const navigation = performance.getEntriesByType('navigation')[0] as
          PerformanceNavigationTiming | undefined;
        const scripts = performance
          .getEntriesByType('resource')
          .filter(
            (r): r is PerformanceResourceTiming =>
              r instanceof PerformanceResourceTiming &&
              r.initiatorType === 'script' &&
              r.responseEnd <= headingAt,
          );
        return {
          longTasksMs: probe.longTasks.map((t) => t.duration),
          headingAt,
          loadEventAt: navigation?.loadEventEnd ?? Number.NaN,
          scriptBytesBeforeHeading: scripts.reduce((s, r) => s + r.decodedBodySize, 0),
        };
      });
      const raw: unknown = JSON.parse(trace.toString('utf8'));
      const events = (
        Array.isArray(raw) ? raw : (raw as { traceEvents: unknown[] }).traceEvents
      ) as TraceEvent[];
      // What ran inside each task: its five largest parts are enough to tell script from layout.
      const brief = <T extends LongTask>(t: T): T => ({
        ...t,
        inside: t.inside.slice(0, 5),
        scripts: t.scripts.slice(0, 8),
      });
      loads.push({
        ...inPage,
        traced: mainThreadLongTasks(events).map(brief),
        elsewhere: longTasksElsewhere(events).map(brief),
      });
    } finally {
      await context.close();
    }
  }
  return loads;
}
