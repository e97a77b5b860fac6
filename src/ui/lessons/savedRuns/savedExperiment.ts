import type { ProbeSnapshot } from '../../../engine/probes/probe';
import type { LabRunSettings } from '../../../lab/labSettings';
import { decodeLab, encodeLab } from '../../../lab/urlState';
import type {
  DatasetInfo,
  DecisionBoundary,
  DigitPredictions,
  ValidationPoint,
} from '../../../worker/protocol';
import { thinFrames, type LiveRun, type LiveStatus } from '../liveRun';
import { packJson, unpackJson } from './packJson';

/**
 * A finished experiment as text, and back: what the learner's runs showed (losses, validation,
 * probes, boundary, digits) and the settings they were trained with. Only settled runs are kept;
 * a restored run is never "running".
 */

const VERSION = 1;

const SETTLED: readonly LiveStatus[] = ['idle', 'done', 'diverged', 'error'];

interface SavedRun {
  readonly label: string;
  readonly status: LiveStatus;
  readonly message: string | null;
  readonly step: number;
  readonly target: number;
  readonly steps: Int32Array;
  readonly losses: Float32Array;
  readonly validation: readonly ValidationPoint[];
  readonly divergedAt: number | null;
  readonly probes: ProbeSnapshot | null;
  readonly probeHistory: readonly ProbeSnapshot[];
  readonly boundary: DecisionBoundary | null;
  readonly digits: DigitPredictions | null;
  readonly dataset: DatasetInfo | null;
}

interface SavedRecord {
  readonly version: number;
  /** What the lesson defined when the runs were saved: a changed lesson never gets stale runs. */
  readonly fingerprint: string;
  readonly savedAt: string;
  /** Every run's settings as a Lab query (read back with the Lab's own validating parser). */
  readonly settings: string;
  readonly runs: readonly SavedRun[];
}

export interface RestoredExperiment {
  readonly runs: readonly LiveRun[];
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

export function isSettledStatus(status: LiveStatus): boolean {
  return SETTLED.includes(status);
}

function toSaved(run: LiveRun, probeFrames: number): SavedRun {
  let history = run.probeHistory;
  while (history.length > probeFrames) history = thinFrames(history);
  return {
    label: run.label,
    status: run.status,
    message: run.message ?? null,
    step: run.step,
    target: run.target,
    steps: Int32Array.from(run.steps),
    // The worker sends losses as float32, so this keeps them exactly.
    losses: Float32Array.from(run.losses),
    validation: run.validation,
    divergedAt: run.divergedAt ?? null,
    probes: run.probes ?? null,
    probeHistory: history,
    boundary: run.boundary ?? null,
    digits: run.digits ?? null,
    dataset: run.dataset ?? null,
  };
}

/**
 * The runs as text of at most `maxChars` characters, or undefined when even a thinned copy is larger.
 * Probe frames over time are thinned (every other one, the newest kept) until the text fits.
 */
export function encodeExperiment(
  runs: readonly LiveRun[],
  fingerprint: string,
  savedAt: Date,
  maxChars: number,
): string | undefined {
  let frames = Math.max(0, ...runs.map((r) => r.probeHistory.length));
  for (;;) {
    const record: SavedRecord = {
      version: VERSION,
      fingerprint,
      savedAt: savedAt.toISOString(),
      settings: encodeLab(runs.map((r) => r.settings)),
      runs: runs.map((r) => toSaved(r, frames)),
    };
    const text = packJson(record);
    if (text.length <= maxChars) return text;
    if (frames <= 1) return undefined;
    frames = Math.ceil(frames / 2);
  }
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
  const runs = record.runs.map((run, i): LiveRun => ({
    label: run.label,
    settings: decoded.runs[i]!,
    status: run.status,
    message: run.message ?? undefined,
    awaitingReady: false,
    step: run.step,
    target: run.target,
    steps: Array.from(run.steps),
    losses: Array.from(run.losses),
    validation: run.validation,
    divergedAt: run.divergedAt ?? undefined,
    probes: run.probes ?? undefined,
    probeHistory: run.probeHistory,
    boundary: run.boundary ?? undefined,
    digits: run.digits ?? undefined,
    dataset: run.dataset ?? undefined,
  }));
  return { runs, savedAt: record.savedAt };
}
