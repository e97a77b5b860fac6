import { runLegend } from '../lab/describeDifferences';
import { RUN_LETTERS } from '../lab/labSettings';
import { selectedRun, type LabRun } from './labRun';
import type { AppState } from './appState';

/** Selectors live here, at module scope, so components subscribe to stable functions. */

export const selectRuns = (s: AppState): readonly LabRun[] => s.runs;
export const selectSpeed = (s: AppState) => s.speed;
export const selectPanels = (s: AppState) => s.panels;
export const selectUrlNotices = (s: AppState) => s.urlNotices;
export const selectSelectedRunId = (s: AppState): string | undefined => s.selectedRunId;
export const selectAnyRunning = (s: AppState): boolean =>
  s.runs.some((r) => r.status === 'running');
/** The Lab's "Stop at", or null. */
export const selectStopAt = (s: AppState) => s.stopAt;
export const selectCanAddRun = (s: AppState): boolean => s.runs.length < RUN_LETTERS.length;

/** The selected run, or run A when the selection is gone (removed) or was never made. */
export const selectSelectedRun = (s: AppState): LabRun | undefined =>
  selectedRun(s.runs, s.selectedRunId);

/** The selected run's letter ('A'–'D'). */
export const selectSelectedLetter = (s: AppState): string => {
  const selected = selectSelectedRun(s);
  return RUN_LETTERS[selected ? s.runs.indexOf(selected) : 0] ?? '?';
};

/** The selected run's settings (the same object until a setting changes, so cheap to watch). */
export const selectSelectedSettings = (s: AppState) => selectSelectedRun(s)?.settings;

/** 'A'–'D': a run's letter is its position. */
export function runLetter(runs: readonly LabRun[], id: string): string {
  return RUN_LETTERS[runs.findIndex((r) => r.id === id)] ?? '?';
}

/** The last labels made, and the runs' ids and settings they were made from. */
let lastLabels:
  | { ids: readonly string[]; settings: readonly object[]; labels: ReadonlyMap<string, string> }
  | undefined;

/**
 * The legend label of each run, by id: "A", "B: BatchNorm". A label depends only on the runs' order
 * and settings, which stay the same objects while they train, yet the run tabs, the run panel and
 * the Loss chart asked for them again with every snapshot (describing every run's differences from
 * run A each time); so the last labels are kept and handed out again while the ids and settings are
 * the same.
 */
export function runLabels(runs: readonly LabRun[]): ReadonlyMap<string, string> {
  const last = lastLabels;
  if (
    last !== undefined &&
    last.ids.length === runs.length &&
    runs.every((run, i) => run.id === last.ids[i] && run.settings === last.settings[i])
  ) {
    return last.labels;
  }
  const baseline = runs[0];
  const labels = new Map<string, string>();
  runs.forEach((run, i) => {
    const letter = RUN_LETTERS[i] ?? '?';
    labels.set(run.id, baseline ? runLegend(letter, baseline.settings, run.settings) : letter);
  });
  lastLabels = {
    ids: runs.map((run) => run.id),
    settings: runs.map((run) => run.settings),
    labels,
  };
  return labels;
}
