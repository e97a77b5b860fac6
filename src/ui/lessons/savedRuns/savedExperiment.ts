import type { ProbeSnapshot } from '../../../engine/probes/probe';
import type { LabRunSettings } from '../../../lab/labSettings';
import { decodeLab, encodeLab } from '../../../lab/urlState';
import { boundedListOf } from '../../../runs/boundedList';
import type { RunStatus } from '../../../runs/runState';
import type { ValidationPoint } from '../../../worker/protocol';
import type { ExperimentRun } from '../experimentRun';
import { packJson, unpackJson } from './packJson';

/**
 * A finished experiment as text, and back: what the learner's runs showed (losses, validation,
 * probes, boundary, digits) and the settings they were trained with. Only settled runs are kept;
 * a restored run is never "running".
 */

/** 2: the one run state of src/runs (version 1 had a lesson-only copy of it). */
const VERSION = 2;

const SETTLED: readonly RunStatus[] = ['idle', 'done', 'diverged', 'error'];

/**
 * A run as saved: its state as it is, but for the settings (saved for all runs at once, as a Lab
 * query) and its histories, which are stored as plain arrays (the losses as the float32 the worker
 * sent, so they come back exactly). A lesson's history is complete, so nothing is lost by that.
 */
type SavedRun = Omit<
  ExperimentRun,
  'settings' | 'awaitingReady' | 'statusBeforeError' | 'history' | 'validation' | 'probeHistory'
> & {
  readonly steps: Int32Array;
  readonly losses: Float32Array;
  readonly accuracies: Float32Array;
  readonly validation: readonly ValidationPoint[];
  readonly probeHistory: readonly ProbeSnapshot[];
};

export interface SavedRecord {
  readonly version: number;
  /** What the lesson defined when the runs were saved: a changed lesson never gets stale runs. */
  readonly fingerprint: string;
  readonly savedAt: string;
  /** Every run's settings as a Lab query (read back with the Lab's own validating parser). */
  readonly settings: string;
  readonly runs: readonly SavedRun[];
}

export interface RestoredExperiment {
  readonly runs: readonly ExperimentRun[];
  /** When the runs were saved (ISO 8601). */
  readonly savedAt: string;
}

/** The lesson's own definition of an experiment, to tell its saved runs from another version's. */
export function experimentFingerprint(
  definitions: readonly { readonly label: string; readonly settings: LabRunSettings }[],
  steps: number,
  validationEvery: number,
): string {
  return JSON.stringify({
    version: VERSION,
    labels: definitions.map((d) => d.label),
    settings: encodeLab(definitions.map((d) => d.settings)),
    steps,
    validationEvery,
  });
}

export function isSettledStatus(status: RunStatus): boolean {
  return SETTLED.includes(status);
}

/** Every other frame, always keeping the newest, so the over-time charts still end at the latest step. */
function thinFrames<T>(frames: readonly T[]): T[] {
  const last = frames.length - 1;
  return frames.filter((_, i) => i % 2 === 1 || i === last);
}

function toSaved(run: ExperimentRun): SavedRun {
  const {
    settings: _settings,
    // Waiting for a worker's answer is not a run's state: a restored run never waits.
    awaitingReady: _awaiting,
    statusBeforeError: _statusBeforeError,
    history,
    validation,
    probeHistory,
    ...rest
  } = run;
  return {
    ...rest,
    steps: Int32Array.from(history.steps),
    // The worker sends losses as float32, so this keeps them exactly.
    losses: Float32Array.from(history.losses),
    accuracies: Float32Array.from(history.accuracies),
    validation: validation.items,
    probeHistory: probeHistory.items,
  };
}

/**
 * The record of the runs as plain data (typed arrays, plain objects: what a worker can be sent),
 * with every probe frame; `packRecord` thins and packs it. Quick: it copies the loss histories only.
 */
export function experimentRecord(
  runs: readonly ExperimentRun[],
  fingerprint: string,
  savedAt: Date,
): SavedRecord {
  return {
    version: VERSION,
    fingerprint,
    savedAt: savedAt.toISOString(),
    settings: encodeLab(runs.map((r) => r.settings)),
    runs: runs.map(toSaved),
  };
}

/**
 * The record as text of at most `maxChars` characters, or undefined when even a thinned copy is
 * larger. Probe frames over time are thinned (every other one, the newest kept) until the text fits.
 * This is the costly part (JSON, deflate, base64 of every histogram): the page runs it in a worker.
 */
export function packRecord(record: SavedRecord, maxChars: number): string | undefined {
  let frames = Math.max(0, ...record.runs.map((r) => r.probeHistory.length));
  for (;;) {
    const thinned: SavedRecord = {
      ...record,
      runs: record.runs.map((run) => {
        let kept = run.probeHistory;
        while (kept.length > frames) kept = thinFrames(kept);
        return { ...run, probeHistory: kept };
      }),
    };
    const text = packJson(thinned);
    if (text.length <= maxChars) return text;
    if (frames <= 1) return undefined;
    frames = Math.ceil(frames / 2);
  }
}

/** `experimentRecord` and `packRecord` in one call, on this thread. */
export function encodeExperiment(
  runs: readonly ExperimentRun[],
  fingerprint: string,
  savedAt: Date,
  maxChars: number,
): string | undefined {
  return packRecord(experimentRecord(runs, fingerprint, savedAt), maxChars);
}

const isNumber = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);

function validRun(run: SavedRun, label: string | undefined): boolean {
  return (
    run.label === label &&
    isSettledStatus(run.status) &&
    isNumber(run.step) &&
    isNumber(run.target) &&
    run.steps instanceof Int32Array &&
    run.losses instanceof Float32Array &&
    run.steps.length === run.losses.length &&
    run.accuracies instanceof Float32Array &&
    run.accuracies.length === run.losses.length &&
    Array.isArray(run.validation) &&
    run.validation.every((v) => isNumber(v.step) && typeof v.loss === 'number') &&
    Array.isArray(run.probeHistory)
  );
}

/**
 * The runs saved as `text`, if they were saved for this very experiment (same fingerprint, the same
 * run labels, settings the Lab's parser accepts in full); undefined for anything else.
 */
export function decodeExperiment(
  text: string,
  fingerprint: string,
  labels: readonly string[],
): RestoredExperiment | undefined {
  let record: SavedRecord;
  try {
    record = unpackJson(text) as SavedRecord;
  } catch {
    return undefined;
  }
  if (
    typeof record !== 'object' ||
    record === null ||
    record.version !== VERSION ||
    record.fingerprint !== fingerprint ||
    typeof record.savedAt !== 'string' ||
    typeof record.settings !== 'string' ||
    !Array.isArray(record.runs) ||
    record.runs.length !== labels.length ||
    !record.runs.every((run, i) => validRun(run, labels[i]))
  ) {
    return undefined;
  }
  const decoded = decodeLab(record.settings);
  if (decoded.notices.length > 0 || decoded.runs.length !== labels.length) return undefined;
  const runs = record.runs.map(
    ({ steps, losses, accuracies, validation, probeHistory, ...rest }, i): ExperimentRun => ({
      ...rest,
      settings: decoded.runs[i]!,
      awaitingReady: false,
      history: {
        steps: Array.from(steps),
        losses: Array.from(losses),
        accuracies: Array.from(accuracies),
        stride: 1,
        provisionalTail: false,
      },
      validation: boundedListOf(validation),
      probeHistory: boundedListOf(probeHistory),
    }),
  );
  return { runs, savedAt: record.savedAt };
}
