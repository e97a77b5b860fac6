import type { ExportRun } from './exportBundle';
import type { ExportReply, ExportRequest } from './exportProtocol';

/** What the export button needs: the zip for some runs (tests pass a fake). */
export type ExportZipper = (runs: readonly ExportRun[], name: string) => Promise<Uint8Array>;

let nextId = 1;

/** Builds the zip in a worker of its own, started for the request and ended with it. */
export const zipInWorker: ExportZipper = (runs, name) =>
  new Promise((resolve, reject) => {
    // This exact `new Worker(new URL(…), …)` form lets Vite bundle the worker as its own chunk.
    const worker = new Worker(new URL('./exportWorker.ts', import.meta.url), { type: 'module' });
    const id = nextId++;
    const finish = () => worker.terminate();
    worker.addEventListener('message', (event: MessageEvent<ExportReply>) => {
      const reply = event.data;
      if (reply.id !== id) return;
      finish();
      if (reply.ok) resolve(reply.zip);
      else reject(new Error(reply.message));
    });
    worker.addEventListener('error', (event) => {
      event.preventDefault();
      finish();
      reject(
        new Error(`The export stopped unexpectedly${event.message ? ` (${event.message})` : ''}.`),
      );
    });
    const request: ExportRequest = { id, runs, name };
    worker.postMessage(request);
  });

/** Saves bytes as a file through the browser's download (the PyTorch zip, a progress record). */
export function downloadFile(bytes: Uint8Array, fileName: string, type = 'application/zip'): void {
  // a copy with a plain ArrayBuffer behind it, which is what Blob accepts
  const url = URL.createObjectURL(new Blob([new Uint8Array(bytes)], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // Some browsers start the download after the click returns: release the URL a little later.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
