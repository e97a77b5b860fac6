import type { NoticesSlice } from './noticesSlice';
import type { PreferencesSlice } from './preferencesSlice';
import type { ProgressSlice } from './progressSlice';
import type { RunsSlice } from './runsSlice';

/** The Lab's whole store: one store, one slice per concern. */
export type LabState = RunsSlice & PreferencesSlice & NoticesSlice & ProgressSlice;
