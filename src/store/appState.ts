import type { NoticesSlice } from './noticesSlice';
import type { OwnDataSlice } from './ownDataSlice';
import type { PreferencesSlice } from './preferencesSlice';
import type { ProgressSlice } from './progressSlice';
import type { RunsSlice } from './runsSlice';

/**
 * The app's whole store (the Lab's runs, preferences, notices, lesson progress, the learner's own
 * data): one slice per concern.
 */
export type AppState = RunsSlice & PreferencesSlice & NoticesSlice & ProgressSlice & OwnDataSlice;
