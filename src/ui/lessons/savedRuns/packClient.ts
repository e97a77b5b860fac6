import type { PackMessage, PackReply } from './packProtocol';
import { packRecord, type SavedRecord } from './savedExperiment';

/** Packs a record and hands the text to `done` (undefined: too large to keep). */
export type RecordPacker = (
  record: SavedRecord,
  maxChars: number,
  done: (text: string | undefined) => void,
) => void;

/**
 * How long one task may spend posting probe frames: structured-cloning a frame of a 50-layer network
 * takes about 3 ms of CPU at 4× throttling, and a record holds up to 200 a run.
 */
const SLICE_MS = 8;

let worker: Worker | undefined;
let nextId = 1;
const waiting = new Map<number, (text: string | undefined) => void>();

function packWorker(): Worker {
  if (worker) return worker;
  // This exact `new Worker(new URL(…), …)` form lets Vite bundle the worker as its own chunk.
  const started = new Worker(new URL('./packWorker.ts', import.meta.url), { type: 'module' });
  started.addEventListener('message', (event: MessageEvent<PackReply>) => {
    const done = waiting.get(event.data.id);
    waiting.delete(event.data.id);
    done?.(event.data.text);
  });
  started.addEventListener('error', (event) => {
    // A worker that cannot start or ran out of memory: nothing is kept, as when storage is full.
    event.preventDefault();
    for (const done of waiting.values()) done(undefined);
    waiting.clear();
    started.terminate();
    if (worker === started) worker = undefined;
  });
  worker = started;
  return started;
}

/**
 * In one worker for the page, kept for the next experiment: a record is packed after the learner
 * may have left the lesson (Open in Lab), and is still saved then. Where there are no workers (the
 * unit tests' DOM) it packs right away, on this thread. The probe frames go first, posted in slices
 * of at most SLICE_MS, each slice a task of its own, then the rest of the record (packProtocol.ts).
 */
export const packOffThread: RecordPacker = (record, maxChars, done) => {
  if (typeof Worker === 'undefined') {
    done(packRecord(record, maxChars));
    return;
  }
  const id = nextId++;
  waiting.set(id, done);
  const target = packWorker();
  const post = (message: PackMessage): void => target.postMessage(message);
  const queue = record.runs.flatMap((run, index) =>
    run.probeHistory.map((frame) => ({ run: index, frame })),
  );
  let next = 0;
  const postSlice = (): void => {
    const start = performance.now();
    while (next < queue.length) {
      if (performance.now() - start >= SLICE_MS) {
        setTimeout(postSlice, 0);
        return;
      }
      const { run, frame } = queue[next++]!;
      post({ type: 'frame', id, run, frame });
    }
    const runs = record.runs.map((run) => ({ ...run, probeHistory: [] }));
    post({ type: 'pack', id, record: { ...record, runs }, maxChars });
  };
  postSlice();
};
