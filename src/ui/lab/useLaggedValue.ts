import { useEffect, useRef, useState } from 'react';

/**
 * How far apart, in milliseconds, the groups of the Lab's panels take up a new snapshot
 * (chartPanels.tsx): two animation frames, so each group is composited on its own.
 */
export const PANEL_STAGGER_MS = 33;

let staggerOverride: number | undefined;

/** Tests set 0: every panel shows a new value at once. */
export function setPanelStagger(ms: number | undefined): void {
  staggerOverride = ms;
}

/** How long panel group `group` waits before it shows a new value (group 0: not at all). */
export function panelLag(group: number): number {
  return group * (staggerOverride ?? PANEL_STAGGER_MS);
}

/**
 * `value`, as it was `lagMs` ago: every value is shown, in order, each `lagMs` after it arrived (none
 * is skipped, so a lagging panel redraws as often as one that is not). With a lag of 0 this is
 * `value` itself.
 */
export function useLaggedValue<T>(value: T, lagMs: number): T {
  const [shown, setShown] = useState(value);
  const timers = useRef(new Set<ReturnType<typeof setTimeout>>());

  useEffect(() => {
    if (lagMs <= 0) return;
    const pending = timers.current;
    const timer = setTimeout(() => {
      pending.delete(timer);
      setShown(() => value);
    }, lagMs);
    pending.add(timer);
  }, [value, lagMs]);

  useEffect(() => {
    const pending = timers.current;
    return () => {
      for (const timer of pending) clearTimeout(timer);
      pending.clear();
    };
  }, []);

  return lagMs <= 0 ? value : shown;
}
