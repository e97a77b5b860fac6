// @vitest-environment jsdom
import { act, renderHook } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { DEFAULT_RUN_SETTINGS } from '../../../src/lab/labSettings';
import {
  endsRun,
  useExperimentRuns,
  type RunDefinition,
} from '../../../src/ui/lessons/useExperimentRuns';
import { snapshotOf } from '../../store/fakeRunWorker';
import { setTaskSplitting } from '../../../src/ui/lessons/afterThisTask';
import {
  createdWorkers,
  emit,
  setupLessonTests,
  SPIRAL_READY,
  workerAt,
} from './lessonTestEnvironment';

setupLessonTests();

const STEPS = 10;
const DEFINITIONS: readonly RunDefinition[] = [
  { label: 'A', settings: { ...DEFAULT_RUN_SETTINGS, dataset: 'spiral' } },
];

/** One run of STEPS steps, started, its worker ready and through step `step`. */
function trainedTo(step: number) {
  const hook = renderHook(() =>
    useExperimentRuns(DEFINITIONS, { steps: STEPS, validationEvery: 5, charts: ['loss'] }),
  );
  act(() => hook.result.current.start());
  emit(0, SPIRAL_READY);
  emit(0, snapshotOf(1, step));
  expect(hook.result.current.phase).toBe('running');
  return hook;
}

/** The step counts the run's worker was told to take, in order. */
const stepCounts = () =>
  workerAt(0).sent.flatMap((message) => (message.type === 'step' ? [message.count] : []));

describe('Pause and Resume of a lesson experiment, against its worker’s late answers', () => {
  it('a Pause answered after the next Resume leaves the run training, and it finishes', () => {
    const { result } = trainedTo(4);
    act(() => result.current.pause());
    act(() => result.current.resume());
    expect(stepCounts()).toEqual([STEPS, STEPS - 4]);
    // The worker's answer to the Pause (its last snapshot, then 'not running') was on its way
    // while Resume was pressed; the worker then took the Resume's steps.
    emit(0, snapshotOf(5, 5));
    emit(0, { type: 'status', running: false });
    expect(result.current.phase).toBe('running');
    expect(result.current.runs[0]!.status).toBe('running');
    emit(0, snapshotOf(6, STEPS));
    expect(result.current.runs[0]!.status).toBe('done');
    expect(result.current.phase).toBe('finished');
  });

  it('a Pause that reaches the worker after its last step leaves the run finished: Resume trains nothing past the target', () => {
    const { result } = trainedTo(4);
    act(() => result.current.pause());
    expect(result.current.phase).toBe('paused');
    // The worker had already taken every step when the Pause left the page.
    emit(0, snapshotOf(5, STEPS));
    expect(result.current.runs[0]!.status).toBe('done');
    expect(result.current.phase).toBe('finished');
    act(() => result.current.resume());
    expect(stepCounts()).toEqual([STEPS]);
  });

  it('a Pause answered in time leaves the run paused where its worker stopped', () => {
    const { result } = trainedTo(4);
    act(() => result.current.pause());
    emit(0, snapshotOf(5, 6));
    emit(0, { type: 'status', running: false });
    expect(result.current.runs[0]).toMatchObject({ status: 'paused', step: 6 });
    act(() => result.current.resume());
    expect(stepCounts()).toEqual([STEPS, STEPS - 6]);
    expect(result.current.phase).toBe('running');
  });
});

describe('Run creates its workers in a task after the click’s', () => {
  const render = () =>
    renderHook(() =>
      useExperimentRuns(DEFINITIONS, { steps: STEPS, validationEvery: 5, charts: ['loss'] }),
    );
  const nextTask = () => new Promise<void>((done) => setTimeout(done, 0));

  it('creates and starts no worker inside the press, and does in the next task', async () => {
    setTaskSplitting(true);
    const { result } = render();
    act(() => result.current.start());
    expect(createdWorkers).toHaveLength(0);
    expect(result.current.phase).toBe('running');
    await act(nextTask);
    expect(createdWorkers).toHaveLength(1);
    expect(workerAt(0).types()).toEqual(['configure', 'setViews', 'setProbeSpacing', 'step']);
  });

  it('a Pause pressed before that task starts the worker first, so it hears the Pause last', () => {
    setTaskSplitting(true);
    const { result } = render();
    act(() => result.current.start());
    act(() => result.current.pause());
    expect(workerAt(0).types().slice(-2)).toEqual(['step', 'pause']);
    expect(result.current.phase).toBe('paused');
  });

  it('an experiment gone before that task starts no worker', async () => {
    setTaskSplitting(true);
    const { result, unmount } = render();
    act(() => result.current.start());
    unmount();
    await act(nextTask);
    expect(createdWorkers).toHaveLength(0);
  });
});

describe('what a lesson page applies at once instead of waiting for its window', () => {
  it('a run’s last step and the validation after it, and what ends or answers a run', () => {
    expect(endsRun(snapshotOf(1, STEPS - 1), STEPS)).toBe(false);
    expect(endsRun(snapshotOf(1, STEPS), STEPS)).toBe(true);
    // the final validation comes in a snapshot of the same step, after it
    expect(endsRun(snapshotOf(STEPS + 1, STEPS), STEPS)).toBe(true);
    // a run with no target yet (not started) waits as any other
    expect(endsRun(snapshotOf(1, 3), 0)).toBe(false);
    expect(endsRun({ type: 'status', running: false, finished: true }, STEPS)).toBe(true);
    expect(endsRun({ type: 'diverged', step: 3, reason: 'NaN' }, STEPS)).toBe(true);
    expect(endsRun({ type: 'error', message: 'x', step: 3 }, STEPS)).toBe(true);
    // a worker ready with its run is news the next update brings
    expect(endsRun(SPIRAL_READY, STEPS)).toBe(false);
  });
});
