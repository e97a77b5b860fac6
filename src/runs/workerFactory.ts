import { createRunWorker, type RunWorker, type RunWorkerFactory } from '../worker/workerClient';

/**
 * Where every training worker of the app comes from: the runs of the Lab and of lesson experiments,
 * and the workers that only answer depth probes. The one seam for tests, which swap in fakes.
 */
const defaultFactory: RunWorkerFactory = () => createRunWorker();
let runFactory: RunWorkerFactory = defaultFactory;
let probeFactory: RunWorkerFactory = defaultFactory;

export function setRunWorkerFactory(next: RunWorkerFactory | undefined): void {
  runFactory = next ?? defaultFactory;
}

/** Workers that only answer depth probes (kept apart so they never delay a run's training). */
export function setProbeWorkerFactory(next: RunWorkerFactory | undefined): void {
  probeFactory = next ?? defaultFactory;
}

export function createTrainingWorker(): RunWorker {
  return runFactory();
}

export function createProbeWorker(): RunWorker {
  return probeFactory();
}
