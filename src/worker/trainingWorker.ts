/// <reference lib="webworker" />
import { loadDataset } from './loadDataset';
import { Pacer } from './pacer';
import type { ToWorker } from './protocol';
import { channelSchedule } from './taskScheduler';
import { TrainingSession } from './trainingSession';
import { WorkerLoad, type WorkerLoadReport } from './workerLoad';

declare const self: DedicatedWorkerGlobalScope & {
  /** bench:ui reads where this worker's time went (true: start counting afresh). */
  __normlabWorkerLoad?: (reset?: boolean) => WorkerLoadReport;
};

const now = () => performance.now();
const pacer = new Pacer(now);
const load = new WorkerLoad(now, pacer);
const session = new TrainingSession({
  post: (message, transfer) =>
    load.post(message.type === 'snapshot' ? message.step : undefined, () =>
      self.postMessage(message, transfer),
    ),
  loadDataset,
  schedule: load.schedule(channelSchedule()),
  now,
  pacer,
});
self.onmessage = (event: MessageEvent<ToWorker>) =>
  load.message(() => void session.handle(event.data));
self.__normlabWorkerLoad = (reset = false) => {
  if (reset) load.reset();
  return load.report();
};
