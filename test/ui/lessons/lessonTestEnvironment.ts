import { act, cleanup } from '@testing-library/react';
import { afterEach, beforeEach, vi } from 'vitest';
import type { Track } from '../../../src/lessons/track';
import { resetAppStore, useAppStore } from '../../../src/store/appStore';
import { setMessageBatchWindow } from '../../../src/runs/messageBatching';
import { setProbeWorkerFactory, setRunWorkerFactory } from '../../../src/runs/workerFactory';
import type { FromWorker, Snapshot } from '../../../src/worker/protocol';
import { FakeRunWorker, snapshotOf } from '../../store/fakeRunWorker';
import { setFramePacing } from '../../../src/ui/lessons/afterNextFrame';
import { setTaskSplitting } from '../../../src/ui/lessons/afterThisTask';
import { stubResizeObserver } from '../fixedSizeResizeObserver';

/**
 * Shared set-up for the lesson UI tests: jsdom without layout (a fixed width for charts, no canvas),
 * empty localStorage and sessionStorage, a fresh store for every test, and the address at the start
 * page, a lesson page's batches added at once. Every training worker the app asks src/runs/workerFactory for is a FakeRunWorker, kept in
 * creation order in `createdWorkers`; tests play them through `workerAt` and `emit`.
 */

export const createdWorkers: FakeRunWorker[] = [];

function createFakeWorker(): FakeRunWorker {
  const worker = new FakeRunWorker();
  createdWorkers.push(worker);
  return worker;
}

export function setupLessonTests(): void {
  beforeEach(() => {
    createdWorkers.length = 0;
    setRunWorkerFactory(createFakeWorker);
    setProbeWorkerFactory(createFakeWorker);
    localStorage.clear();
    sessionStorage.clear();
    window.history.replaceState(null, '', '/#/');
    stubResizeObserver(640);
    // Tests play the workers message by message and look at once: no batching window.
    setMessageBatchWindow(0);
    // A lesson page adds a batch per frame; `act` waits for React, not frames: all batches at once.
    setFramePacing(false);
    // Run's workers are created at once, not in a task after the click's.
    setTaskSplitting(false);
    vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(null);
  });
  afterEach(() => {
    cleanup();
    setMessageBatchWindow(undefined);
    setFramePacing(undefined);
    setTaskSplitting(undefined);
    resetAppStore();
    setRunWorkerFactory(undefined);
    setProbeWorkerFactory(undefined);
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
    vi.useRealTimers();
  });
}

/** Loads progress for `track` as the app does on start. */
export function loadProgressFor(track: Track): void {
  act(() => useAppStore.getState().loadProgress(track));
}

export function workerAt(index: number): FakeRunWorker {
  const worker = createdWorkers[index];
  if (!worker) throw new Error(`no worker ${index}; ${createdWorkers.length} were created`);
  return worker;
}

export function emit(index: number, message: FromWorker): void {
  act(() => workerAt(index).emit(message));
}

/** A worker's 'ready' for a small 2-D run, as the fixture lessons' experiments get. */
export const SPIRAL_READY = {
  type: 'ready',
  dataset: { id: 'spiral', trainCount: 10, testCount: 10, sampleShape: [2], numClasses: 2 },
  parameterCount: 10,
  layers: [],
} as const;

/** The final validation a worker posts after the last step: no training points, one eval-mode validation. */
export function validationAt(step: number, accuracy: number, loss = 0.5): Snapshot {
  return {
    ...snapshotOf(step, step),
    steps: new Int32Array(0),
    losses: new Float32Array(0),
    accuracies: new Float32Array(0),
    validation: { step, loss, accuracy, mode: 'eval' },
  };
}

/**
 * Run `index` gets ready, trains steps 1 to 100 in one snapshot (loss 1/step) and is validated at
 * step 100 with accuracy 0.9 and `validationLoss`.
 */
export function trainToTheEnd(index: number, validationLoss = 0.5): void {
  emit(index, SPIRAL_READY);
  emit(index, snapshotOf(1, 100));
  emit(index, validationAt(100, 0.9, validationLoss));
}
