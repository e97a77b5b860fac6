import { useEffect, useState } from 'react';
import { useLabStore, type LabState } from '../../store/labStore';
import { longTasks } from './mainThreadBusy';

export interface ThrottleOptions {
  /** Redraws may keep the main thread busy for at most 1/share of the time. */
  readonly share: number;
  readonly minIntervalMs: number;
  readonly maxIntervalMs: number;
  /** Delay added to the first redraw after a quiet spell, so panels do not all redraw in one task. */
  readonly offsetMs?: number;
}

/**
 * How long the main thread stays busy from now: until it is first idle where the browser can say so
 * (requestIdleCallback), else until two frames have been painted.
 */
function measureBusy(report: (ms: number) => void): void {
  const start = performance.now();
  if (typeof requestIdleCallback === 'function') {
    requestIdleCallback(() => report(performance.now() - start), { timeout: 10_000 });
  } else {
    requestAnimationFrame(() =>
      requestAnimationFrame(() => report(Math.max(0, performance.now() - start - 32))),
    );
  }
}

/**
 * Like useLabStore(selector), but re-renders only as often as the machine can afford. Workers report
 * ten times a second per run, and a chart library may need far longer than 100 ms to redraw (charts can
 * re-render themselves after mounting, so the whole busy time until the next paints is measured, not
 * just React's render). The interval adapts so that redrawing never makes the page unresponsive.
 * A change after a quiet spell shows at once.
 */
export function useThrottledLabState<T>(selector: (s: LabState) => T, options: ThrottleOptions): T {
  const [value, setValue] = useState(() => selector(useLabStore.getState()));
  const { share, minIntervalMs, maxIntervalMs, offsetMs = 0 } = options;
  useEffect(() => {
    let last = -Infinity;
    let interval = minIntervalMs;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let active = true;
    const useLongTasks = longTasks.available;
    let longTasksAtFlush = longTasks.total;
    const resize = (busy: number): void => {
      interval = Math.min(maxIntervalMs, Math.max(minIntervalMs, share * busy));
    };
    const flush = (): void => {
      timer = undefined;
      if (useLongTasks) {
        // Everything that blocked the page since the previous redraw, charts' own follow-up renders included.
        resize(longTasks.total - longTasksAtFlush);
        longTasksAtFlush = longTasks.total;
      }
      last = performance.now();
      setValue(selector(useLabStore.getState()));
      if (!useLongTasks) {
        measureBusy((busy) => {
          if (active) resize(busy);
        });
      }
    };
    // Catch up with anything that changed between the first render and this subscription.
    setValue(selector(useLabStore.getState()));
    const unsubscribe = useLabStore.subscribe((state, previous) => {
      if (timer !== undefined || selector(state) === selector(previous)) return;
      const wait = Math.max(offsetMs, last + interval - performance.now());
      if (wait <= 0) flush();
      else timer = setTimeout(flush, wait);
    });
    return () => {
      active = false;
      unsubscribe();
      if (timer !== undefined) clearTimeout(timer);
    };
  }, [selector, share, minIntervalMs, maxIntervalMs, offsetMs]);
  return value;
}
