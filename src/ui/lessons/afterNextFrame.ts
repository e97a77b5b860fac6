/**
 * Runs a callback once the browser has begun its next frame (a `requestAnimationFrame`): work the
 * callback starts (a React transition, rendered in tasks after the frame) is then laid out in a
 * later frame than whatever was committed before it. The lesson page paces its batches with it
 * (useRevealedSegments.ts), so that no frame lays out two of them.
 *
 * A hidden tab draws no frames (and runs its timers at most once a second): there the callback runs at
 * once, as nothing is laid out before the tab is shown. A page that is shown but draws no frame for
 * FALLBACK_MS (a second tab of a headless browser, or a tab hidden while waiting) runs it anyway.
 */

/** At most this long without a frame before the callback runs anyway. */
const FALLBACK_MS = 200;

let paced = true;

/**
 * For component tests: without pacing the callback runs at once, so `act` (which waits for React's
 * work but not for frames) shows a whole lesson. `undefined` restores pacing.
 */
export function setFramePacing(on: boolean | undefined): void {
  paced = on ?? true;
}

/** Calls `callback` at the next frame; returns a function that cancels it. */
export function afterNextFrame(callback: () => void): () => void {
  if (!paced || document.visibilityState === 'hidden') {
    callback();
    return () => undefined;
  }
  let done = false;
  const run = (): void => {
    if (done) return;
    done = true;
    cancelAnimationFrame(frame);
    clearTimeout(timer);
    callback();
  };
  const frame = requestAnimationFrame(run);
  const timer = setTimeout(run, FALLBACK_MS);
  return () => {
    done = true;
    cancelAnimationFrame(frame);
    clearTimeout(timer);
  };
}
