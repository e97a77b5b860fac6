import { create } from 'zustand';
import { createNoticesSlice } from './noticesSlice';
import { createOwnDataSlice } from './ownDataSlice';
import { createPreferencesSlice } from './preferencesSlice';
import { createProgressSlice } from './progressSlice';
import { createRunsSlice } from './runsSlice';
import type { AppState } from './appState';

export type { AppState } from './appState';

export const useAppStore = create<AppState>()((set, get) => ({
  ...createRunsSlice(set, get),
  ...createPreferencesSlice(set, get),
  ...createNoticesSlice(set),
  ...createOwnDataSlice(set, get),
  ...createProgressSlice(set, get),
}));

const initialState = useAppStore.getState();

/** Back to a fresh app: one default Lab run, no workers (tests call this after each test). */
export function resetAppStore(): void {
  useAppStore.getState().disconnect();
  useAppStore.setState(initialState, true);
}
