/**
 * How much of the main thread's time goes to long tasks (over 50 ms), where the browser reports them
 * (PerformanceObserver 'longtask': Chromium). Elsewhere `available` is false and callers fall back to
 * their own estimate.
 */
let total = 0;
let observing = false;

function startObserving(): boolean {
  if (observing) return true;
  if (
    typeof PerformanceObserver === 'undefined' ||
    !PerformanceObserver.supportedEntryTypes?.includes('longtask')
  ) {
    return false;
  }
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) total += entry.duration;
  }).observe({ type: 'longtask' });
  observing = true;
  return true;
}

export const longTasks = {
  get available(): boolean {
    return startObserving();
  },
  /** Milliseconds of long tasks since the page started observing. */
  get total(): number {
    return total;
  },
};
