import { FakeRunWorker } from '../../store/fakeRunWorker';

/**
 * Stands in for src/worker/workerClient in the lesson UI tests:
 *   vi.mock('../../../src/worker/workerClient', () => import('./fakeWorkerClient'));
 * Every worker the app creates is a FakeRunWorker, kept in creation order for the test to play.
 */
export const createdWorkers: FakeRunWorker[] = [];

export function createRunWorker(): FakeRunWorker {
  const worker = new FakeRunWorker();
  createdWorkers.push(worker);
  return worker;
}
