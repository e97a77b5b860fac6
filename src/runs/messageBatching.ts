/**
 * Four workers post up to 12.5 snapshots a second each. Applying them one by one would re-render the
 * page 50 times a second and copy each run's history as often; instead, messages wait and are
 * applied together, in arrival order, in one store update. Every store update costs the browser a
 * frame of style, layout and paint, and, without a GPU, compositing every chart that changed.
 *
 * A message that leads (in the Lab: one of the selected run's, whose panels fill the page, or any
 * message that changes a run's status) is applied at once, or LEAD_GAP_MS after the previous update,
 * and takes every waiting message with it. Any other message waits at most its window for a leading
 * one to ride with. So the selected run sets the pace: each of its snapshots is drawn in an update
 * of its own, never merged with the next one, and the other runs' points arrive with it, instead
 * of in updates between its own that the selected run's charts would have to wait behind.
 *
 * Without leading messages (a lesson's runs, shown alike) this is a plain window: the first message
 * after a quiet spell is applied at once, so the first loss point is not delayed, and the rest wait
 * for the window to pass.
 *
 * A lesson's window is 200 ms, five updates a second. A lesson experiment's page (lesson 5's
 * plain-vs-resnet, every thread of Chromium but the training workers, blockThreads.ts, 2026-12-04
 * 10:41–11:07 UTC, load 4–11, builds alternated, 6–7 rounds each) costs 27–37 ms of CPU an update
 * (its main thread 12–14: React, layout, paint, posting the charts' scenes; then raster and GC
 * helper threads, the compositors, the chart worker), part of it fixed. With the 125 ms window it
 * used 0.16–0.25 of a core at the 6–7.5 updates a second a loaded machine allowed and 0.30 at 8.4 a
 * second (the one round at load 6 that got them, start-up included in its 7.6 s): more than the
 * quarter a lesson leaves its page (cpuShare.ts), so the page's threads took the rest from the
 * training workers, which pace themselves by the wall clock. With 200 ms: 0.14–0.19 of a core at 4–5
 * updates a second, the main thread 0.06–0.08 of a core instead of 0.07–0.11. The progress lines and
 * the loss curve still move five times a second, and what ends a run (its last step's snapshot, a
 * status, divergence or an error: useExperimentRuns's `leads`) is shown at once. (The 60 ms window
 * before 2026-12-03 made 14–16 updates a second.)
 */
export const BATCH_WINDOW_MS = 200;
/**
 * How long a message that does not lead waits in the Lab: longer than the 80 ms between the selected
 * run's snapshots, so it normally rides with one, short enough that the other runs' curves still
 * move ten times a second when the selected run stands still.
 */
export const FOLLOW_WINDOW_MS = 100;
/** Leading messages closer together than this share an update. */
export const LEAD_GAP_MS = 25;

let windowOverride: number | undefined;

/** Tests set 0: every message is applied synchronously. Any other value replaces every window. */
export function setMessageBatchWindow(ms: number | undefined): void {
  windowOverride = ms;
}

export interface Batcher<T> {
  /** Queues `item`; `leads` applies it (and everything waiting) as soon as the gap allows. */
  push(item: T, leads?: boolean): void;
  /** Drops everything still waiting (the runs they belong to are gone). */
  clear(): void;
}

/** Collects items and hands them to `apply` in batches; `windowMs` is how long a follower waits. */
export function createBatcher<T>(
  apply: (items: T[]) => void,
  windowMs: number = BATCH_WINDOW_MS,
): Batcher<T> {
  let waiting: T[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  let timerAt = Infinity;
  let lastFlush = -Infinity;
  const cancelTimer = (): void => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    timerAt = Infinity;
  };
  const flush = (): void => {
    cancelTimer();
    lastFlush = performance.now();
    const items = waiting;
    waiting = [];
    if (items.length > 0) apply(items);
  };
  /** Flushes at `at` (a performance.now() time), unless a flush is already due sooner. */
  const flushAt = (at: number): void => {
    const now = performance.now();
    if (at <= now) {
      flush();
      return;
    }
    if (at >= timerAt) return;
    cancelTimer();
    timerAt = at;
    timer = setTimeout(flush, at - now);
  };
  return {
    push(item, leads = false) {
      waiting.push(item);
      const follow = windowOverride ?? windowMs;
      const gap = Math.min(LEAD_GAP_MS, windowOverride ?? LEAD_GAP_MS);
      if (follow <= 0) flush();
      else flushAt(lastFlush + (leads ? gap : follow));
    },
    clear() {
      waiting = [];
      cancelTimer();
    },
  };
}

/**
 * `runs` with a batch's messages applied, in arrival order, each to the run it is addressed to
 * (`keyOf` gives a run's address: its id in the Lab, its place in a lesson's experiment).
 */
export function applyBatch<R, K, M>(
  runs: readonly R[],
  batch: readonly (readonly [K, M])[],
  keyOf: (run: R, index: number) => K,
  apply: (run: R, message: M) => R,
): R[] {
  return runs.map((run, i) => {
    const key = keyOf(run, i);
    let next = run;
    for (const [to, message] of batch) if (to === key) next = apply(next, message);
    return next;
  });
}
