/// <reference lib="webworker" />
import { loadDataset } from './loadDataset';
import type { ToSweepWorker } from './sweepProtocol';
import { SweepSession } from './sweepSession';

declare const self: DedicatedWorkerGlobalScope;

const session = new SweepSession({ post: (message) => self.postMessage(message), loadDataset });
self.onmessage = (event: MessageEvent<ToSweepWorker>) => void session.handle(event.data);
