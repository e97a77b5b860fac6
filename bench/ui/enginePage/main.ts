import type { EngineBenchReply, EngineBenchRequest } from './messages';

window.normlabEngineBench = (name) =>
  new Promise<EngineBenchReply>((done) => {
    const worker = new Worker(new URL('./engineWorker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (event: MessageEvent<EngineBenchReply>) => {
      worker.terminate();
      done(event.data);
    };
    worker.onerror = (event) => {
      worker.terminate();
      done({ ok: false, message: `the worker failed: ${event.message}` });
    };
    worker.postMessage({ name } satisfies EngineBenchRequest);
  });
