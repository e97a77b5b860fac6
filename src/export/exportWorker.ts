/// <reference lib="webworker" />
import { loadDataset } from '../worker/loadDataset';
import { exportBundle } from './exportBundle';
import type { ExportReply, ExportRequest } from './exportProtocol';

declare const self: DedicatedWorkerGlobalScope;

// Loading MNIST and deflating it take a second or two: off the main thread, the page stays responsive.
self.onmessage = async (event: MessageEvent<ExportRequest>) => {
  const { id, runs, name } = event.data;
  try {
    const zip = await exportBundle(runs, name, loadDataset);
    const reply: ExportReply = { id, ok: true, zip };
    self.postMessage(reply, [zip.buffer]);
  } catch (error) {
    const reply: ExportReply = {
      id,
      ok: false,
      message: error instanceof Error ? error.message : String(error),
    };
    self.postMessage(reply);
  }
};
