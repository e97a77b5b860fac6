import { nextTask } from './inStages';

/**
 * Whether the page on screen is still putting itself together: its code arriving in stages (the
 * Suspense fallback) or a lesson adding its segments a batch a frame (useRevealedSegments.ts). Work
 * that can wait, such as downloading the other pages' code (App.tsx), waits until it has settled and
 * the browser is idle: the Lab's code, preloaded 1.5 s after the app started, was evaluated in the
 * middle of a lesson's loading, one task of 100–120 ms with the CPU throttled 4×, between the
 * lesson's own layout frames (docs/PERFORMANCE.md, issue 17).
 */

let busy = 0;
let waiting: (() => void)[] = [];

/** How long an idle callback may wait for an idle moment before it runs anyway. */
const IDLE_TIMEOUT_MS = 2000;

/**
 * Marks the page as settling until the returned function is called (once; later calls do nothing).
 * A component calls it in an effect and returns the result as the effect's cleanup.
 */
export function markSettling(): () => void {
  busy++;
  let ended = false;
  return () => {
    if (ended) return;
    ended = true;
    busy--;
    // One commit can end one mark and begin the next (a page replacing its Suspense fallback, a
    // lesson's batches): look again in a later task, and wake the waiters only if still settled.
    if (busy === 0) setTimeout(wakeIfSettled, 0);
  };
}

function wakeIfSettled(): void {
  if (busy > 0) return;
  const woken = waiting;
  waiting = [];
  for (const wake of woken) wake();
}

/** Resolves once no page is settling (at once when none is). */
export function whenSettled(): Promise<void> {
  if (busy === 0) return Promise.resolve();
  return new Promise((resolve) => waiting.push(resolve));
}

/**
 * Resolves in an idle period of the main thread (`requestIdleCallback`), or after IDLE_TIMEOUT_MS
 * if none comes; in a later task where the browser has no idle callbacks.
 */
export function whenIdle(): Promise<void> {
  return new Promise((resolve) => {
    if (typeof requestIdleCallback === 'function') {
      requestIdleCallback(() => resolve(), { timeout: IDLE_TIMEOUT_MS });
    } else void nextTask().then(resolve);
  });
}
