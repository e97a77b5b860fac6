import { resolve } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { SETTINGS } from '../../src/lab/settingsRegistry';
import { completedLessons, seedProgress } from '../../test/e2e/progress';
import { ROOT } from '../../test/e2e/previewServer';
import { requiredControls, type BenchLesson, type TrainedBlock } from './lessonBlocks';

const PROBE_SCRIPT = resolve(ROOT, 'bench/ui/inPageProbe.js');
const WATCH_SCRIPT = resolve(ROOT, 'bench/lessons/sectionWatch.js');
/**
 * How long the page is left alone after the whole lesson is shown (its heading first, then its
 * sections a few at a time, useRevealedSegments.ts) before the first experiment is run: work the
 * page defers (math, charts mounted when they come into view) belongs to loading it. Counted from the
 * heading until 2026-12-04, when lesson 2's sections were still being added 3.5 s after it and their
 * tasks fell into the first experiment's window.
 */
const SETTLE_MS = 3000;
/** A block that has not finished training in this time is reported as timed out. */
const BLOCK_LIMIT_MS = 300_000;
/**
 * How long a block is still watched after it is done (trained, its after-training operations over,
 * its claim judged): the claim box, the takeaway and packing the saved runs all come after "Training
 * finished.", and a window that ended there once hid a task of 1.4 s (docs/PERFORMANCE.md).
 */
export const AFTER_DONE_MS = 3000;

export interface LongTask {
  readonly start: number;
  readonly duration: number;
}

export interface BlockTiming {
  readonly block: TrainedBlock;
  /** Milliseconds from pressing "Run experiment" to the claim first shown; undefined if it never was. */
  readonly claimShownMs: number | undefined;
  /** Milliseconds from pressing "Run experiment" to "Training finished."; undefined on a timeout. */
  readonly finishedMs: number | undefined;
  /**
   * Main-thread tasks over 50 ms from the press until AFTER_DONE_MS after the block was done
   * (finished, its after-training operations over, its claim shown); on a timeout, until then.
   */
  readonly longTasks: readonly LongTask[];
}

export interface LessonVisit {
  readonly lesson: BenchLesson;
  readonly cpuThrottling: number;
  /** Milliseconds from navigation until the lesson's heading was on the page. */
  readonly headingAt: number;
  /** Milliseconds from navigation until every section was shown (the article no longer `aria-busy`). */
  readonly wholeLessonAt: number;
  /** Main-thread tasks over 50 ms from navigation until the first experiment was run. */
  readonly loadLongTasks: readonly LongTask[];
  readonly blocks: readonly BlockTiming[];
}

interface Marks {
  pressedAt?: number;
  shownAt?: number;
  finishedAt?: number;
  /** The page's clock when the marks were read. */
  now?: number;
}

/** When the lesson's heading, and then all of it, were on the page (NaN until they are). */
interface LessonMarks {
  headingAt: number;
  wholeLessonAt: number;
}

/** What this bench and bench/ui/inPageProbe.js keep on the page's window. */
type BenchWindow = Window & {
  __benchMarks?: Marks;
  __lessonMarks?: LessonMarks;
  __benchWatchSection?: (section: Element) => void;
  __normlabProbe?: { readonly longTasks: LongTask[] | null };
  /** Read by bench/ui/inPageProbe.js as it starts. */
  __normlabProbeOptions?: { readonly longTasksOnly: boolean };
};

/** Sets one control of a practice as its task asks: a menu's choice, a checkbox or a number. */
async function setControl(control: Locator, value: unknown): Promise<void> {
  const kind = await control.evaluate((el) =>
    el instanceof HTMLSelectElement
      ? 'select'
      : el instanceof HTMLInputElement && el.type === 'checkbox'
        ? 'checkbox'
        : 'input',
  );
  if (kind === 'select') await control.selectOption(String(value));
  else if (kind === 'checkbox') await control.setChecked(value === true);
  else {
    await control.fill(String(value));
    await control.press('Enter');
  }
}

async function marks(page: Page): Promise<Marks> {
  return page.evaluate(() => ({
    ...(window as BenchWindow).__benchMarks,
    now: performance.now(),
  }));
}

async function longTasks(page: Page): Promise<LongTask[]> {
  const tasks = await page.evaluate(
    () => (window as BenchWindow).__normlabProbe?.longTasks ?? null,
  );
  if (tasks === null) throw new Error('this browser reports no long tasks');
  return tasks;
}

/** What bench/lessons/trace.ts records: the categories bench/ui/traceAnalysis.ts reads. */
const TRACE_CATEGORIES = [
  'toplevel',
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'v8',
];

/** What a trace records: TRACE_CATEGORIES and any the caller adds. */
const categories = (options: {
  readonly traceCategories?: readonly string[] | undefined;
}): string[] => [...TRACE_CATEGORIES, ...(options.traceCategories ?? [])];

/**
 * Trains one block as a learner would: its task's settings first, Run, then any after-training
 * button. With `trace`, Chromium records a trace into that file from just before the press to the
 * end of the block's window.
 */
async function trainBlock(
  browser: Browser,
  page: Page,
  block: TrainedBlock,
  trace: string | undefined,
  traceCategories: string[],
): Promise<BlockTiming> {
  const kind = block.kind === 'experiment' ? 'Experiment' : 'Practice';
  const section = page.getByRole('region', { name: `${kind} ${block.title}`, exact: true });
  for (const { run, key, value } of requiredControls(block)) {
    await setControl(section.getByLabel(`${run}: ${SETTINGS[key].label}`, { exact: true }), value);
  }
  await section.evaluate((el) => (window as BenchWindow).__benchWatchSection?.(el));
  const run = section.getByRole('button', { name: 'Run experiment', exact: true });
  await run.scrollIntoViewIfNeeded();
  if (trace !== undefined) {
    await browser.startTracing(page, { path: trace, categories: traceCategories });
  }
  await run.click();
  const done = await page
    .waitForFunction(() => (window as BenchWindow).__benchMarks?.finishedAt !== undefined, null, {
      timeout: BLOCK_LIMIT_MS,
      polling: 500,
    })
    .then(() => true)
    .catch(() => false);
  if (done && block.hasClaim && block.afterTraining.length > 0) {
    for (const name of block.afterTraining) {
      const button = section.getByRole('button', { name, exact: true });
      await button.click();
      // Each operation is done when its button is enabled again.
      await page.waitForFunction(
        (b) => b instanceof HTMLButtonElement && !b.disabled,
        await button.elementHandle(),
        { timeout: BLOCK_LIMIT_MS, polling: 250 },
      );
    }
  }
  if (done && block.hasClaim) {
    // A final-state claim is judged in the render that finished the runs or the next one.
    await page
      .waitForFunction(() => (window as BenchWindow).__benchMarks?.shownAt !== undefined, null, {
        timeout: 5000,
        polling: 250,
      })
      .catch(() => undefined);
  }
  if (done) await page.waitForTimeout(AFTER_DONE_MS);
  if (trace !== undefined) await browser.stopTracing();
  const m = await marks(page);
  const pressed = m.pressedAt ?? Number.NaN;
  const end = m.now ?? Number.NaN;
  const tasks = (await longTasks(page)).filter((t) => t.start >= pressed && t.start <= end);
  return {
    block,
    claimShownMs: m.shownAt !== undefined ? m.shownAt - pressed : undefined,
    finishedMs: m.finishedAt !== undefined ? m.finishedAt - pressed : undefined,
    longTasks: tasks,
  };
}

/**
 * Opens one lesson in a fresh browser context (every lesson unlocked, nothing saved), waits until it
 * has loaded and settled, then trains `blocks` of its experiments and practices one after the other.
 */
export async function visitLesson(
  browser: Browser,
  baseUrl: string,
  lesson: BenchLesson,
  options: {
    readonly cpuThrottling: number;
    readonly blocks: readonly TrainedBlock[];
    readonly allLessonIds: readonly string[];
    readonly log: (line: string) => void;
    /** Record a Chromium trace of the first block's run into this file (bench/lessons/trace.ts). */
    readonly trace?: string | undefined;
    /** Trace the loading instead (navigation to the end of the settling time), not a block's run. */
    readonly traceLoading?: boolean | undefined;
    /** Trace categories besides the ones traceAnalysis.ts reads (invalidation tracking, blink). */
    readonly traceCategories?: readonly string[] | undefined;
    /**
     * Style rules added to the page before its own stylesheets arrive, to measure a style change
     * without a build (bench/lessons/trace.ts --css); the page's own rules win unless `!important`.
     */
    readonly css?: string | undefined;
  },
): Promise<LessonVisit> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    await seedProgress(context, completedLessons(...options.allLessonIds));
    await context.addInitScript(() => {
      (window as BenchWindow).__normlabProbeOptions = { longTasksOnly: true };
    });
    await context.addInitScript({ path: PROBE_SCRIPT });
    await context.addInitScript({ path: WATCH_SCRIPT });
    if (options.css !== undefined) {
      await context.addInitScript((rules) => {
        const add = (): void => {
          const style = document.createElement('style');
          style.textContent = rules;
          document.head.append(style);
        };
        if (document.head) add();
        else document.addEventListener('DOMContentLoaded', add);
      }, options.css);
    }
    await context.addInitScript(() => {
      const marks: LessonMarks = { headingAt: Number.NaN, wholeLessonAt: Number.NaN };
      (window as BenchWindow).__lessonMarks = marks;
      new MutationObserver((_, observer) => {
        if (Number.isNaN(marks.headingAt) && document.querySelector('main h1')) {
          marks.headingAt = performance.now();
        }
        if (document.querySelector('main article[aria-busy="false"]')) {
          marks.wholeLessonAt = performance.now();
          observer.disconnect();
        }
      }).observe(document, {
        childList: true,
        subtree: true,
        attributes: true,
        attributeFilter: ['aria-busy'],
      });
    });
    const page = await context.newPage();
    if (options.cpuThrottling !== 1) {
      const cdp = await context.newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: options.cpuThrottling });
    }
    const traceLoading = options.trace !== undefined && options.traceLoading === true;
    if (traceLoading) {
      await browser.startTracing(page, { path: options.trace, categories: categories(options) });
    }
    await page.goto(new URL(`#/lessons/${lesson.id}`, baseUrl).href, { timeout: 120_000 });
    // Waited for through the page's own marks, not a role query: Playwright's polling computes the
    // accessible name of every heading in the page, and on a lesson that was itself a main-thread
    // task of up to 540 ms with the CPU throttled 4×, counted against the page.
    await page.waitForFunction(
      () => Number.isFinite((window as BenchWindow).__lessonMarks?.wholeLessonAt),
      null,
      { timeout: 120_000, polling: 250 },
    );
    const heading = await page.evaluate(() => document.querySelector('main h1')?.textContent);
    if (heading !== lesson.title) {
      throw new Error(`lesson ${lesson.id} shows the heading '${heading ?? ''}', not its title`);
    }
    await page.waitForTimeout(SETTLE_MS);
    if (traceLoading) await browser.stopTracing();
    const { headingAt, wholeLessonAt } = await page.evaluate(
      () => (window as BenchWindow).__lessonMarks!,
    );
    const loadEnd = await page.evaluate(() => performance.now());
    const loadLongTasks = (await longTasks(page)).filter((t) => t.start <= loadEnd);
    const blocks: BlockTiming[] = [];
    for (const [i, block] of options.blocks.entries()) {
      const trace = i === 0 && !traceLoading ? options.trace : undefined;
      const timing = await trainBlock(browser, page, block, trace, categories(options));
      const seconds = (ms: number | undefined) =>
        ms === undefined ? '—' : `${(ms / 1000).toFixed(1)} s`;
      options.log(
        `  ${block.id}: claim ${block.hasClaim ? seconds(timing.claimShownMs) : '(none)'}, finished ${seconds(timing.finishedMs)}, longest task ${Math.max(0, ...timing.longTasks.map((t) => t.duration)).toFixed(0)} ms (press to ${AFTER_DONE_MS / 1000} s after done)`,
      );
      blocks.push(timing);
    }
    return {
      lesson,
      cpuThrottling: options.cpuThrottling,
      headingAt,
      wholeLessonAt,
      loadLongTasks,
      blocks,
    };
  } finally {
    await context.close();
  }
}
