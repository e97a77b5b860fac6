import { cleanup } from '@testing-library/react';
import { afterEach, beforeEach, vi } from 'vitest';
import { resetAppStore } from '../../../src/store/appStore';
import { setMessageBatchWindow } from '../../../src/runs/messageBatching';
import { setProbeWorkerFactory, setRunWorkerFactory } from '../../../src/runs/workerFactory';
import { setPanelStagger } from '../../../src/ui/lab/useLaggedValue';
import { fakeWorkerFactory, type FakeRunWorker } from '../../store/fakeRunWorker';
import { stubResizeObserver } from '../fixedSizeResizeObserver';

/**
 * Every Lab UI test: fake workers (the test plays their part), a fresh store and address, and the
 * browser APIs jsdom lacks. `workers()` lists the runs' fakes in creation order, `probeWorkers()` the
 * depth-probe ones.
 */
export function setupLabTests(): {
  workers: () => FakeRunWorker[];
  /** The `i`th run worker made (0: run A's); throws when there is none. */
  worker: (i?: number) => FakeRunWorker;
  probeWorkers: () => FakeRunWorker[];
} {
  let made: FakeRunWorker[] = [];
  let probes: FakeRunWorker[] = [];
  beforeEach(() => {
    const factory = fakeWorkerFactory();
    made = factory.made;
    setRunWorkerFactory(factory.create);
    const probeFactory = fakeWorkerFactory();
    probes = probeFactory.made;
    setProbeWorkerFactory(probeFactory.create);
    setMessageBatchWindow(0);
    setPanelStagger(0);
    window.history.replaceState(null, '', '/#/lab');
    // jsdom has no layout: every element reports this width, so charts render.
    stubResizeObserver(600);
    vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(null);
  });
  afterEach(() => {
    cleanup();
    resetAppStore();
    setRunWorkerFactory(undefined);
    setProbeWorkerFactory(undefined);
    setMessageBatchWindow(undefined);
    setPanelStagger(undefined);
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });
  const worker = (i = 0): FakeRunWorker => {
    const found = made[i];
    if (!found) throw new Error(`no worker ${i}`);
    return found;
  };
  return { workers: () => made, worker, probeWorkers: () => probes };
}
