import { useEffect, useMemo, useRef, useState } from 'react';
import type { ExperimentRun } from '../experimentRun';
import type { ExperimentPhase, RunDefinition } from '../useExperimentRuns';
import {
  decodeExperiment,
  encodeExperiment,
  experimentFingerprint,
  type RestoredExperiment,
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
 * Saves the runs each time the experiment finishes, and forgets them when it trains again or is
 * reset (so a reload never brings back runs the learner threw away).
 */
export function useSaveFinishedRuns(
  saved: SavedRuns,
  runs: readonly ExperimentRun[],
  phase: ExperimentPhase,
): void {
  const { key, fingerprint, restored } = saved;
  const pending = useRef<(() => void) | undefined>(undefined);

  // Declared first so that, on unmount, it runs after the effect below has cleaned up: a learner who
  // opens the Lab the moment the runs finish still finds them on coming back.
  useEffect(() => {
    const flush = pending;
    return () => flush.current?.();
  }, []);

  useEffect(() => {
    if (phase === 'running' || phase === 'idle') {
      RECORDS.remove(key);
      return;
    }
    if (phase !== 'finished' || runs === restored?.runs) return;
    const save = (): void => {
      pending.current = undefined;
      const text = encodeExperiment(runs, fingerprint, new Date(), SAVED_RUNS_LIMITS.recordChars);
      if (text === undefined || !RECORDS.write(key, text)) RECORDS.remove(key);
    };
    pending.current = save;
    // After the frame that shows the finished runs: encoding a large experiment takes a while.
    const timer = setTimeout(save, 0);
    return () => {
      clearTimeout(timer);
      if (pending.current === save) pending.current = undefined;
    };
  }, [key, fingerprint, runs, phase, restored]);
}
