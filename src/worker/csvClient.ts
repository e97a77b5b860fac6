import { CsvError } from '../data/csv/csvError';
import type { CsvTable } from '../data/csv/csvTable';
import type { CsvReply, CsvRequest } from './csvProtocol';

/** Reads a CSV file into columns (tests pass one that parses in place). */
export type CsvReader = (file: Blob, fileName: string) => Promise<CsvTable>;

let nextId = 1;

/** Parses the file in a worker of its own, started for the file and ended with it. */
export const readCsvInWorker: CsvReader = (file, fileName) =>
  new Promise((resolve, reject) => {
    // This exact `new Worker(new URL(…), …)` form lets Vite bundle the worker as its own chunk.
    const worker = new Worker(new URL('./csvWorker.ts', import.meta.url), { type: 'module' });
    const id = nextId++;
    worker.addEventListener('message', (event: MessageEvent<CsvReply>) => {
      const reply = event.data;
      if (reply.id !== id) return;
      worker.terminate();
      if (reply.ok) resolve(reply.table);
      else if (reply.kind === 'unexpected') reject(new Error(reply.message));
      else {
        const where = {
          ...(reply.line !== undefined ? { line: reply.line } : {}),
          ...(reply.column !== undefined ? { column: reply.column } : {}),
        };
        reject(new CsvError(reply.kind, reply.message, where));
      }
    });
    worker.addEventListener('error', (event) => {
      event.preventDefault();
      worker.terminate();
      reject(
        new Error(
          `The file could not be read${event.message ? ` (${event.message})` : ''}: it may be too large for this device's memory.`,
        ),
      );
    });
    const request: CsvRequest = { id, file, fileName };
    worker.postMessage(request);
  });
