/**
 * Four workers post up to 12.5 snapshots a second each. Applying them one by one would re-render the
 * page 50 times a second and copy each run's history as often; instead, a message that arrives within
 * BATCH_WINDOW_MS of the previous store update waits and joins the next one. The first message after
 * a quiet spell is applied at once, so the first loss point is not delayed.
 *
 * Every store update costs the browser a frame of style, layout and paint. At 60 ms (at most 16.7
 * updates a second) two snapshots of the same run seldom share an update, so the selected run's
 * charts redraw with nearly every one of its 12.5 snapshots a second, while most frames stay free.
 */
export const BATCH_WINDOW_MS = 60;

let windowMs = BATCH_WINDOW_MS;

/** Tests set 0: every message is applied synchronously. */
export function setMessageBatchWindow(ms: number | undefined): void {
  windowMs = ms ?? BATCH_WINDOW_MS;
}

export function messageBatchWindow(): number {
  return windowMs;
}

/** Collects items and hands them to `apply` in batches, at most once per window. */
export function createBatcher<T>(apply: (items: T[]) => void): {
  push(item: T): void;
  /** Drops everything still waiting (the runs they belong to are gone). */
  clear(): void;
} {
  let waiting: T[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  let lastFlush = -Infinity;
  const flush = (): void => {
    timer = undefined;
    lastFlush = performance.now();
    const items = waiting;
    waiting = [];
    if (items.length > 0) apply(items);
  };
  return {
    push(item) {
      waiting.push(item);
      if (timer !== undefined) return;
      const wait = lastFlush + windowMs - performance.now();
      if (windowMs <= 0 || wait <= 0) flush();
      else timer = setTimeout(flush, wait);
    },
    clear() {
      waiting = [];
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
    },
  };
}
