import { useEffect, useMemo, useRef, useState } from 'react';
import type { ExperimentRun } from '../experimentRun';
import type { ExperimentPhase, RunDefinition } from '../useExperimentRuns';
import { packOffThread, type RecordPacker } from './packClient';
import {
  decodeExperiment,
  experimentFingerprint,
  experimentRecord,
  packRecord,
  type RestoredExperiment,
  type SavedRecord,
} from './savedExperiment';
import { SAVED_RUNS_LIMITS, SessionRecords } from './sessionRecords';

const RECORDS = new SessionRecords('normlab.runs.', SAVED_RUNS_LIMITS);

export interface SavedRuns {
  /** The progress key of the experiment ("lesson/experiment"), which names its record. */
  readonly key: string;
  readonly fingerprint: string;
  /** The finished runs saved earlier in this tab, read once when the experiment mounts. */
  readonly restored: RestoredExperiment | undefined;
}

/** What was saved for this experiment in this tab (after "Open in Lab" and Back, or a reload). */
export function useSavedRuns(
  key: string,
  definitions: readonly RunDefinition[],
  steps: number,
  validationEvery: number,
): SavedRuns {
  const fingerprint = useMemo(
    () => experimentFingerprint(definitions, steps, validationEvery),
    [definitions, steps, validationEvery],
  );
  const [restored] = useState(() => {
    const text = RECORDS.read(key);
    if (text === undefined) return undefined;
    return decodeExperiment(
      text,
      fingerprint,
      definitions.map((d) => d.label),
    );
  });
  return { key, fingerprint, restored };
}

/**
 * Which save of each record is the latest: a packed text that arrives after the runs trained again
 * or were reset is dropped, so a reload never brings back runs the learner threw away.
 */
const latestSave = new Map<string, number>();
let saves = 0;

/**
 * Saves the runs each time the experiment finishes, and forgets them when it trains again or is
 * reset. Packing a large experiment takes seconds, so `pack` does it off the page's thread (tests
 * pass one that answers later). A learner who leaves the lesson (Open in Lab) before the answer
 * has come finds the runs on coming back: leaving packs them at once, here, and drops the answer.
 */
export function useSaveFinishedRuns(
  saved: SavedRuns,
  runs: readonly ExperimentRun[],
  phase: ExperimentPhase,
  pack: RecordPacker = packOffThread,
): void {
  const { key, fingerprint, restored } = saved;
  const pending = useRef<{ readonly token: number; readonly record: SavedRecord } | undefined>(
    undefined,
  );

  useEffect(() => {
    const waiting = pending;
    return () => {
      const left = waiting.current;
      if (left === undefined || latestSave.get(key) !== left.token) return;
      latestSave.set(key, ++saves);
      store(key, packRecord(left.record, SAVED_RUNS_LIMITS.recordChars));
    };
  }, [key]);

  useEffect(() => {
    const token = ++saves;
    if (phase === 'running' || phase === 'idle') {
      latestSave.set(key, token);
      pending.current = undefined;
      RECORDS.remove(key);
      return;
    }
    if (phase !== 'finished' || runs === restored?.runs) return;
    latestSave.set(key, token);
    const record = experimentRecord(runs, fingerprint, new Date());
    pending.current = { token, record };
    pack(record, SAVED_RUNS_LIMITS.recordChars, (text) => {
      if (pending.current?.token === token) pending.current = undefined;
      if (latestSave.get(key) === token) store(key, text);
    });
  }, [key, fingerprint, runs, phase, restored, pack]);
}

/** Keeps the packed runs, or forgets the record when they were too large for it or for storage. */
function store(key: string, text: string | undefined): void {
  if (text === undefined || !RECORDS.write(key, text)) RECORDS.remove(key);
}
