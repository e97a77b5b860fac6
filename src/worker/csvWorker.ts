/// <reference lib="webworker" />
import { CsvError } from '../data/csv/csvError';
import { decodeCsv, parseCsvTable } from '../data/csv/csvTable';
import type { CsvReply, CsvRequest } from './csvProtocol';

declare const self: DedicatedWorkerGlobalScope;

/** Reads a learner's CSV file off the page's thread: 50,000 rows take seconds to parse. */
async function read(request: CsvRequest): Promise<CsvReply> {
  const { id } = request;
  try {
    const bytes = new Uint8Array(await request.file.arrayBuffer());
    const table = parseCsvTable(decodeCsv(bytes), request.fileName);
    return { id, ok: true, table };
  } catch (error) {
    if (error instanceof CsvError) {
      return {
        id,
        ok: false,
        kind: error.kind,
        message: error.message,
        ...(error.line !== undefined ? { line: error.line } : {}),
        ...(error.column !== undefined ? { column: error.column } : {}),
      };
    }
    const text = error instanceof Error ? error.message : String(error);
    return { id, ok: false, kind: 'unexpected', message: `The file could not be read: ${text}.` };
  }
}

self.onmessage = (event: MessageEvent<CsvRequest>) => {
  void read(event.data).then((reply) => {
    const transfer = reply.ok
      ? reply.table.columns.flatMap((c) => [
          c.values.buffer,
          ...(c.labels ? [c.labels.codes.buffer] : []),
        ])
      : [];
    self.postMessage(reply, transfer);
  });
};
