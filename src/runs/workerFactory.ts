import {
  createSweepWorker as createRealSweepWorker,
  type SweepWorker,
  type SweepWorkerFactory,
} from '../worker/sweepClient';
import { createRunWorker, type RunWorker, type RunWorkerFactory } from '../worker/workerClient';

/**
 * Where every worker of the app comes from: the training workers of the Lab's runs and of lesson
 * experiments, the workers that only answer depth probes, and the depth sweep's. The one seam for
 * tests, which swap in fakes.
 */
const defaultFactory: RunWorkerFactory = () => createRunWorker();
let runFactory: RunWorkerFactory = defaultFactory;
let probeFactory: RunWorkerFactory = defaultFactory;
const defaultSweepFactory: SweepWorkerFactory = () => createRealSweepWorker();
let sweepFactory: SweepWorkerFactory = defaultSweepFactory;

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

/** The depth sweep's worker (lesson 5's widget): many short runs, one after another. */
export function setSweepWorkerFactory(next: SweepWorkerFactory | undefined): void {
  sweepFactory = next ?? defaultSweepFactory;
}

export function createSweepWorker(): SweepWorker {
  return sweepFactory();
}
