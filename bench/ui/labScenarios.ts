import { resolve } from 'node:path';
import { errors, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { ROOT } from '../../test/e2e/previewServer';
import type { WorkerLoadReport } from '../../src/worker/workerLoad';
import { describeLongTask, type LongFrame } from './longFrames';

const PROBE_SCRIPT = resolve(ROOT, 'bench/ui/inPageProbe.js');

/** What inPageProbe.js records (times are performance.now() milliseconds). */
interface ProbeData {
  readonly longTasks: readonly { readonly start: number; readonly duration: number }[] | null;
  /** Long animation frames (null: this browser does not report them). */
  readonly longFrames: readonly LongFrame[] | null;
  readonly frames: readonly number[];
  readonly stepRenders: readonly { readonly time: number; readonly step: number }[];
  readonly lossRenders: readonly number[];
  readonly chartRenders: Readonly<Record<string, readonly number[]>>;
  readonly trainPressedAt: number | undefined;
  readonly firstLossAt: number | undefined;
}

declare global {
  interface Window {
    __normlabProbe?: ProbeData;
  }
}

/** Four runs that differ in normalization; A has BatchNorm so its BatchNorm panel is drawn too. */
export const FOUR_RUNS = 'runs=4&a.norm=batchNorm&b.norm=none&c.norm=layerNorm&d.norm=groupNorm';

/** The Lab settings that build the benchmark's mlp-bn: 196 → 8 × [Linear 64, BN, ReLU] → 10, batch 64. */
export const LAB_MLP_BN =
  'a.data=mnist14&a.depth=8&a.width=64&a.norm=batchNorm&a.batch=64&a.lr=0.01&a.init=pytorchDefault';

const READY_MS = 60_000;
/** How long the page may take to answer while it trains before we call it unresponsive. */
const ANSWER_MS = 20_000;

/** The page did not answer in time: its main thread was busy the whole while. */
export class UnresponsiveError extends Error {}

/** `promise`, or an UnresponsiveError after `ms` (the abandoned call's own failure is ignored). */
function answer<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  promise.catch(() => undefined);
  return new Promise<T>((done, fail) => {
    const timer = setTimeout(
      () => fail(new UnresponsiveError(`the page did not answer ${what} within ${ms / 1000} s`)),
      ms,
    );
    promise.then(
      (value) => {
        clearTimeout(timer);
        done(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        fail(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}

/** The last step the page showed at or before `time`. */
function stepAt(renders: ProbeData['stepRenders'], time: number): number {
  let step = 0;
  for (const r of renders) if (r.time <= time && Number.isFinite(r.step)) step = r.step;
  return step;
}

export async function openLab(
  browser: Browser,
  baseUrl: string,
  query: string,
): Promise<LabSession> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.addInitScript({ path: PROBE_SCRIPT });
  const page = await context.newPage();
  await page.goto(new URL(query === '' ? '#/lab' : `#/lab?${query}`, baseUrl).href);
  return new LabSession(context, page);
}

export class LabSession {
  constructor(
    readonly context: BrowserContext,
    readonly page: Page,
  ) {}

  /** Waits until every run's worker has its data and network ("A ready", "B ready", …). */
  async ready(runs: number): Promise<void> {
    for (const letter of ['A', 'B', 'C', 'D'].slice(0, runs)) {
      await this.page
        .getByRole('tab', { name: new RegExp(`^${letter}\\b.*\\bready$`) })
        .waitFor({ timeout: READY_MS });
    }
  }

  /** Ticks every box under "Choose panels", so every chart the run has is drawn. */
  async showEveryPanel(): Promise<void> {
    await this.page.getByText('Choose panels', { exact: true }).click();
    const boxes = this.page.getByRole('group', { name: 'Panels to show' }).getByRole('checkbox');
    for (const box of await boxes.all()) await box.check();
  }

  /**
   * Makes the viewport as tall as the page, so every chart is on screen at once: chart cards skip
   * rendering while scrolled out of view, and measuring with them off screen would flatter the main
   * thread. Charts appear as the runs' first data arrives, which on a loaded machine can come seconds
   * after Train: a page fitted before that grows afterwards and pushes its later charts below the
   * viewport. So this waits for the first step on screen, then fits again until the page's height and
   * its number of charts have held still for a second.
   */
  async fitViewportToPage(): Promise<{ width: number; height: number }> {
    await answer(
      this.page.waitForFunction(
        () => window.__normlabProbe?.stepRenders.some((r) => r.step > 0) === true,
        undefined,
        { timeout: READY_MS },
      ),
      READY_MS + ANSWER_MS,
      'with its first step',
    );
    const width = this.page.viewportSize()?.width ?? 1280;
    let height = this.page.viewportSize()?.height ?? 0;
    let previous: string | undefined;
    const deadline = Date.now() + READY_MS;
    while (Date.now() < deadline) {
      const layout = await answer(
        this.page.evaluate(() => ({
          height: document.documentElement.scrollHeight,
          charts: document.querySelectorAll('canvas').length,
        })),
        ANSWER_MS,
        'with its height',
      );
      const current = `${layout.height} px, ${layout.charts} charts`;
      if (current === previous) break;
      previous = current;
      if (layout.height !== height) {
        height = layout.height;
        await this.page.setViewportSize({ width, height });
      }
      await this.page.waitForTimeout(1000);
    }
    return { width, height };
  }

  /** How many chart canvases the page has; fails when one of them is not on screen. */
  async chartsOnScreen(): Promise<number> {
    return answer(
      this.page.evaluate(() => {
        const canvases = [...document.querySelectorAll('canvas')];
        const offScreen = canvases.filter((c) => {
          const box = c.getBoundingClientRect();
          return box.bottom > window.innerHeight || box.top < 0 || box.height === 0;
        });
        if (offScreen.length > 0) {
          throw new Error(
            `bench:ui: ${offScreen.length} of ${canvases.length} charts are off screen`,
          );
        }
        return canvases.length;
      }),
      ANSWER_MS,
      'with its charts',
    );
  }

  /**
   * Once `runs` runs are ready: every panel ticked, Train pressed, and once the charts have come with
   * the first data, the viewport fitted to the page, so every chart is on screen.
   */
  async trainWithEveryChartOnScreen(runs: number): Promise<{ width: number; height: number }> {
    await this.ready(runs);
    await this.showEveryPanel();
    await this.press('Train');
    const viewport = await this.fitViewportToPage();
    await this.page.waitForTimeout(500);
    return viewport;
  }

  /** The page's performance.now(). */
  now(): Promise<number> {
    return answer(
      this.page.evaluate(() => performance.now()),
      ANSWER_MS,
      'with its clock',
    );
  }

  async press(name: 'Train' | 'Pause'): Promise<void> {
    try {
      await this.page.getByRole('button', { name, exact: true }).click({ timeout: ANSWER_MS });
    } catch (error) {
      if (!(error instanceof errors.TimeoutError)) throw error;
      throw new UnresponsiveError(
        `the page did not take the ${name} click within ${ANSWER_MS / 1000} s`,
        {
          cause: error,
        },
      );
    }
  }

  /** Pause if the page lets us; the context is closed next anyway. */
  async pauseIfAnswering(): Promise<void> {
    await this.press('Pause').catch(() => undefined);
  }

  /** Everything inPageProbe.js recorded, or UnresponsiveError when the page cannot answer. */
  probe(what: string): Promise<ProbeData> {
    return answer(
      this.page.evaluate(() => {
        const data = window.__normlabProbe;
        if (!data) throw new Error('the in-page probe did not load');
        return data;
      }),
      ANSWER_MS,
      what,
    );
  }

  /** Waits `seconds` of wall time after the Train click, then reads the probe. */
  async probeAfterTrain(
    seconds: number,
    what: string,
  ): Promise<ProbeData & { trainPressedAt: number }> {
    await this.page.waitForTimeout(seconds * 1000);
    const data = await this.probe(what);
    if (data.trainPressedAt === undefined)
      throw new Error('bench:ui: the Train click was not seen');
    return { ...data, trainPressedAt: data.trainPressedAt };
  }

  /**
   * Each training worker's own accounting (src/worker/workerLoad.ts), read through its global; with
   * `reset`, each starts counting afresh. Workers that do not answer (the chart worker) are left out.
   */
  async workerLoads(reset = false): Promise<WorkerLoadReport[]> {
    const reports = await Promise.all(
      this.page.workers().map((worker) =>
        answer(
          worker.evaluate(
            (fresh) =>
              (
                self as unknown as { __normlabWorkerLoad?: (r: boolean) => WorkerLoadReport }
              ).__normlabWorkerLoad?.(fresh),
            reset,
          ),
          ANSWER_MS,
          'with its workers',
        ).catch(() => undefined),
      ),
    );
    // The depth probe's worker ("Signal at initialization") is a training worker too, but never trains.
    return reports.filter((r): r is WorkerLoadReport => r !== undefined && r.tasks > 0);
  }

  close(): Promise<void> {
    return this.context.close();
  }
}

export interface FirstLossResult {
  /** Milliseconds from the Train click to the first training loss in the Loss chart, per repetition. */
  readonly samples: readonly number[];
}

/** Time from pressing Train to the first loss point drawn, on a fresh Lab each time. */
export async function timeToFirstLoss(
  browser: Browser,
  baseUrl: string,
  repetitions: number,
): Promise<FirstLossResult> {
  const samples: number[] = [];
  for (let i = 0; i < repetitions; i++) {
    const lab = await openLab(browser, baseUrl, '');
    try {
      await lab.ready(1);
      await lab.press('Train');
      await answer(
        lab.page.waitForFunction(() => window.__normlabProbe?.firstLossAt !== undefined),
        ANSWER_MS,
        'with a first loss point',
      );
      const probe = await lab.probe('after the first loss point');
      if (probe.trainPressedAt === undefined || probe.firstLossAt === undefined) {
        throw new Error('bench:ui: the Train click or the first loss point was not seen');
      }
      samples.push(probe.firstLossAt - probe.trainPressedAt);
    } finally {
      await lab.close();
    }
  }
  return { samples };
}

export interface TrainingWindow {
  readonly seconds: number;
  readonly steps: number;
  /** Main-thread tasks over 50 ms that started in the window (null: the browser does not report them). */
  readonly longTasks: readonly number[] | null;
  /** What each of those tasks was made of (longFrames.ts), in the same order. */
  readonly longTaskCauses: readonly string[];
  readonly framesPerSecond: number;
  readonly stepRendersPerSecond: number;
  readonly lossRendersPerSecond: number;
  /** Each chart (by its heading): how often its text summary changed, per second. */
  readonly chartRendersPerSecond: Readonly<Record<string, number>>;
  /** Chart canvases on screen during the window (all of them). */
  readonly chartsOnScreen: number;
  /** The viewport the page had: as tall as the page with every panel shown. */
  readonly viewport: { readonly width: number; readonly height: number };
  /** Each training worker's own accounting over the window. */
  readonly workers: readonly WorkerLoadReport[];
}

function within(times: readonly number[], start: number, end: number): number {
  return times.filter((t) => t >= start && t < end).length;
}

/**
 * Trains the runs a Lab link describes, with every chart panel shown, and records the main thread over
 * `seconds` (after one second of warm-up).
 */
export async function trainingWindow(
  browser: Browser,
  baseUrl: string,
  query: string,
  runs: number,
  seconds: number,
): Promise<TrainingWindow> {
  const lab = await openLab(browser, baseUrl, query);
  try {
    const viewport = await lab.trainWithEveryChartOnScreen(runs);
    await lab.workerLoads(true);
    const start = await lab.now();
    await lab.page.waitForTimeout(seconds * 1000);
    const probe = await lab.probe('while four runs train');
    const workers = await lab.workerLoads();
    const chartsOnScreen = await lab.chartsOnScreen();
    await lab.pauseIfAnswering();
    const end = start + seconds * 1000;
    const span = seconds;
    const inWindow =
      probe.longTasks === null
        ? null
        : probe.longTasks.filter((t) => t.start >= start && t.start < end);
    return {
      seconds: span,
      steps: stepAt(probe.stepRenders, end) - stepAt(probe.stepRenders, start),
      longTasks: inWindow === null ? null : inWindow.map((t) => t.duration),
      longTaskCauses: (inWindow ?? []).map((t) =>
        probe.longFrames === null
          ? `${t.duration.toFixed(0)} ms (this browser reports no long animation frames)`
          : describeLongTask(t, probe.longFrames),
      ),
      framesPerSecond: within(probe.frames, start, end) / span,
      stepRendersPerSecond:
        within(
          probe.stepRenders.map((r) => r.time),
          start,
          end,
        ) / span,
      lossRendersPerSecond: within(probe.lossRenders, start, end) / span,
      chartRendersPerSecond: Object.fromEntries(
        Object.entries(probe.chartRenders).map(([title, times]) => [
          title,
          within(times, start, end) / span,
        ]),
      ),
      chartsOnScreen,
      viewport,
      workers,
    };
  } finally {
    await lab.close();
  }
}

export interface MemorySample {
  readonly step: number;
  readonly seconds: number;
  /** JS heap of the page after a forced garbage collection, in MB. */
  readonly heapMB: number;
}

export interface MemoryResult {
  readonly samples: readonly MemorySample[];
  readonly reachedStep: number;
  readonly targetStep: number;
}

/**
 * One run trained to `targetStep` (or until `maxSeconds`), with the page's JS heap measured after a
 * forced garbage collection at each quarter of the way.
 */
export async function memoryOverRun(
  browser: Browser,
  baseUrl: string,
  targetStep: number,
  maxSeconds: number,
): Promise<MemoryResult> {
  const lab = await openLab(browser, baseUrl, '');
  const cdp = await lab.context.newCDPSession(lab.page);
  const heapMB = async (): Promise<number> => {
    await answer(cdp.send('HeapProfiler.collectGarbage'), ANSWER_MS, 'a garbage collection');
    const { usedSize } = await answer(cdp.send('Runtime.getHeapUsage'), ANSWER_MS, 'its heap size');
    return usedSize / 2 ** 20;
  };
  try {
    await lab.ready(1);
    const started = Date.now();
    const samples: MemorySample[] = [{ step: 0, seconds: 0, heapMB: await heapMB() }];
    await lab.press('Train');
    let next = 1;
    let step = 0;
    while (step < targetStep && Date.now() - started < maxSeconds * 1000) {
      await lab.page.waitForTimeout(500);
      const probe = await lab.probe('while one run trains');
      step = stepAt(probe.stepRenders, Number.POSITIVE_INFINITY);
      if (step >= (targetStep * next) / 4) {
        samples.push({ step, seconds: (Date.now() - started) / 1000, heapMB: await heapMB() });
        next = Math.floor((step * 4) / targetStep) + 1;
      }
    }
    await lab.pauseIfAnswering();
    return { samples, reachedStep: step, targetStep };
  } finally {
    await lab.close();
  }
}

export interface LabRate {
  readonly stepsPerSecond: number;
  readonly seconds: number;
  /** The run's worker's own accounting over the same seconds (undefined: it did not answer). */
  readonly worker: WorkerLoadReport | undefined;
}

/** Steps per second of one Lab run (training worker, probes and charts included), from its step counter. */
export async function labTrainingRate(
  browser: Browser,
  baseUrl: string,
  query: string,
  seconds: number,
): Promise<LabRate> {
  const lab = await openLab(browser, baseUrl, query);
  try {
    await lab.ready(1);
    await lab.press('Train');
    await lab.page.waitForTimeout(1000);
    await lab.workerLoads(true);
    const probe = await lab.probeAfterTrain(seconds, 'while the mlp-bn run trains');
    const worker = (await lab.workerLoads()).sort((a, b) => b.step - a.step)[0];
    await lab.pauseIfAnswering();
    const start = probe.trainPressedAt + 1000;
    const steps =
      stepAt(probe.stepRenders, start + seconds * 1000) - stepAt(probe.stepRenders, start);
    return { stepsPerSecond: steps / seconds, seconds, worker };
  } finally {
    await lab.close();
  }
}
