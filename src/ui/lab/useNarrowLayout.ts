import { useSyncExternalStore } from 'react';
import { useLabView } from './labView';

/** Below this width the Lab stacks its controls above the charts (styles.css has the same 960 px). */
const NARROW = '(max-width: 959px)';

function query(): MediaQueryList | undefined {
  return typeof window.matchMedia === 'function' ? window.matchMedia(NARROW) : undefined;
}

function subscribe(listener: () => void): () => void {
  const list = query();
  list?.addEventListener('change', listener);
  return () => list?.removeEventListener('change', listener);
}

const narrow = (): boolean => query()?.matches ?? false;

/**
 * Whether the Lab is one column (a phone, or a laptop at 150 % zoom): then its settings fold away so
 * Train and the loss chart share the first screen.
 */
export function useNarrowLayout(): boolean {
  return useSyncExternalStore(subscribe, narrow, () => false);
}

/** Whether the Lab folds its settings away: in one column, unless a classroom link shows only a few. */
export function useSettingsFolded(): boolean {
  const narrow = useNarrowLayout();
  const chosen = useLabView((s) => s.shown !== null);
  return narrow && !chosen;
}
