import { create } from 'zustand';
import { createNoticesSlice } from './noticesSlice';
import { createPreferencesSlice } from './preferencesSlice';
import { createProgressSlice } from './progressSlice';
import { createRunsSlice } from './runsSlice';
import type { LabState } from './labState';

export type { LabState } from './labState';

export const useLabStore = create<LabState>()((...a) => ({
  ...createRunsSlice(...a),
  ...createPreferencesSlice(...a),
  ...createNoticesSlice(...a),
  ...createProgressSlice(a[0], a[1]),
}));

const initialState = useLabStore.getState();

/** Back to a fresh Lab: one default run, no workers (tests call this after each test). */
export function resetLabStore(): void {
  useLabStore.getState().disconnect();
  useLabStore.setState(initialState, true);
}
