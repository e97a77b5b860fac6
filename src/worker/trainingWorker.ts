/// <reference lib="webworker" />
import { loadDataset } from './loadDataset';
import type { ToWorker } from './protocol';
import { channelSchedule } from './taskScheduler';
import { TrainingSession } from './trainingSession';

declare const self: DedicatedWorkerGlobalScope;

const session = new TrainingSession({
  post: (message, transfer) => self.postMessage(message, transfer),
  loadDataset,
  schedule: channelSchedule(),
});
self.onmessage = (event: MessageEvent<ToWorker>) => void session.handle(event.data);
