/// <reference lib="webworker" />
import { loadDataset } from './loadDataset';
import type { ToSweepWorker } from './sweepProtocol';
import { channelSchedule } from './taskScheduler';
import { SweepSession } from './sweepSession';

declare const self: DedicatedWorkerGlobalScope;

const schedule = channelSchedule();
const session = new SweepSession({
  post: (message) => self.postMessage(message),
  loadDataset,
  schedule: (task) => schedule(task, 0),
});
self.onmessage = (event: MessageEvent<ToSweepWorker>) => void session.handle(event.data);
