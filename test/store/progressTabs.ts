import { afterEach, beforeEach, vi } from 'vitest';
import { createStore } from 'zustand/vanilla';
import type { Progress } from '../../src/lessons/progress/schema';
import type { Track } from '../../src/lessons/track';
import { createProgressSlice, type ProgressSlice } from '../../src/store/progressSlice';
import { PROGRESS_STORAGE_KEY } from '../../src/store/progressStorage';

/** One browser tab: its own progress store over the shared localStorage, opened on `track`. */
export function openTab(track: Track) {
  const store = createStore<ProgressSlice>()((set, get) => createProgressSlice(set, get));
  store.getState().loadProgress(track);
  return store;
}

/** The progress as localStorage holds it now. */
export const savedProgress = (): Progress =>
  JSON.parse(localStorage.getItem(PROGRESS_STORAGE_KEY) ?? 'null');

/** Every test of the calling suite starts with empty storage, the clock (Date only) at `now`. */
export function tabsStartEmptyAt(now: Date): void {
  beforeEach(() => {
    vi.useFakeTimers({ now, toFake: ['Date'] });
    localStorage.clear();
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
  });
}
