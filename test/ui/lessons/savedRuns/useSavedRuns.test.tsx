// @vitest-environment jsdom
import { renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_RUN_SETTINGS } from '../../../../src/lab/labSettings';
import { freshExperimentRun, type ExperimentRun } from '../../../../src/ui/lessons/experimentRun';
import type { RecordPacker } from '../../../../src/ui/lessons/savedRuns/packClient';
import { packRecord, type SavedRecord } from '../../../../src/ui/lessons/savedRuns/savedExperiment';
import {
  useSavedRuns,
  useSaveFinishedRuns,
} from '../../../../src/ui/lessons/savedRuns/useSavedRuns';
import type { ExperimentPhase } from '../../../../src/ui/lessons/useExperimentRuns';
import { historyOf } from '../../../runs/runFixtures';

const definitions = [{ label: 'Net', settings: DEFAULT_RUN_SETTINGS }];
const KEY = 'lesson/experiment';

function finishedRun(): ExperimentRun {
  return {
    ...freshExperimentRun('Net', DEFAULT_RUN_SETTINGS),
    status: 'done',
    step: 3,
    target: 3,
    history: historyOf([Math.fround(0.5), Math.fround(0.25), Math.fround(0.125)]),
  };
}

/** A packer that answers only when the test says so, as the page's worker answers later. */
function laterPacker() {
  const jobs: { record: SavedRecord; answer: () => void }[] = [];
  const pack: RecordPacker = (record, maxChars, done) => {
    jobs.push({ record, answer: () => done(packRecord(record, maxChars)) });
  };
  return { pack, jobs };
}

function render(
  pack: RecordPacker | undefined,
  runs: readonly ExperimentRun[],
  phase: ExperimentPhase,
) {
  return renderHook(
    ({ runs, phase }: { runs: readonly ExperimentRun[]; phase: ExperimentPhase }) => {
      const saved = useSavedRuns(KEY, definitions, 3, 1);
      useSaveFinishedRuns(saved, runs, phase, pack);
      return saved;
    },
    { initialProps: { runs, phase } },
  );
}

/** What a lesson page opened now would restore. */
function restoredNow(): readonly ExperimentRun[] | undefined {
  const { result, unmount } = renderHook(() => useSavedRuns(KEY, definitions, 3, 1));
  unmount();
  return result.current.restored?.runs;
}

afterEach(() => sessionStorage.clear());

describe('saving finished runs', () => {
  it('hands the finished runs to the packer and keeps the text it answers with', () => {
    const { pack, jobs } = laterPacker();
    render(pack, [finishedRun()], 'finished');
    expect(jobs).toHaveLength(1);
    expect(jobs[0]!.record.runs[0]!.losses).toEqual(Float32Array.from([0.5, 0.25, 0.125]));
    expect(restoredNow()).toBeUndefined();
    jobs[0]!.answer();
    const restored = restoredNow();
    expect(restored?.[0]?.history.losses).toEqual([0.5, 0.25, 0.125]);
    expect(restored?.[0]?.status).toBe('done');
  });

  it('packs at once when the lesson is left before the answer came, and drops the answer', () => {
    const { pack, jobs } = laterPacker();
    const { unmount } = render(pack, [finishedRun()], 'finished');
    unmount();
    expect(restoredNow()?.[0]?.history.losses).toEqual([0.5, 0.25, 0.125]);
    sessionStorage.clear();
    jobs[0]!.answer();
    expect(restoredNow()).toBeUndefined();
  });

  it('drops an answer that comes after the runs trained again', () => {
    const { pack, jobs } = laterPacker();
    const { rerender } = render(pack, [finishedRun()], 'finished');
    rerender({ runs: [freshExperimentRun('Net', DEFAULT_RUN_SETTINGS)], phase: 'running' });
    jobs[0]!.answer();
    expect(restoredNow()).toBeUndefined();
  });

  it('keeps only the newest of two finished experiments when the older answer comes last', () => {
    const { pack, jobs } = laterPacker();
    const first = [finishedRun()];
    const second = [{ ...finishedRun(), history: historyOf([Math.fround(2), Math.fround(1)]) }];
    const { rerender } = render(pack, first, 'finished');
    rerender({ runs: second, phase: 'finished' });
    expect(jobs).toHaveLength(2);
    jobs[1]!.answer();
    jobs[0]!.answer();
    expect(restoredNow()?.[0]?.history.losses).toEqual([2, 1]);
  });

  it('packs on this thread where there are no workers (this DOM), so the runs are kept at once', () => {
    expect(typeof Worker).toBe('undefined');
    const { unmount } = render(undefined, [finishedRun()], 'finished');
    unmount();
    expect(restoredNow()?.[0]?.history.losses).toEqual([0.5, 0.25, 0.125]);
  });
});
