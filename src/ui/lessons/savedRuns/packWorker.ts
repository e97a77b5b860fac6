/// <reference lib="webworker" />
import type { ProbeSnapshot } from '../../../engine/probes/probe';
import type { PackMessage, PackReply } from './packProtocol';
import { packRecord } from './savedExperiment';

declare const self: DedicatedWorkerGlobalScope;

/** The frames received so far for each record still to pack, by run. */
const frames = new Map<number, ProbeSnapshot[][]>();

/**
 * Packs a finished experiment's record off the page's thread: JSON, deflate and base64 of every
 * probe histogram took the lesson page's main thread 1–3 s of CPU when a large experiment finished
 * (npm run bench:lessons), in the very task that was to show its claim. A frame is kept until its
 * record comes; the record is answered packed.
 */
export function receive(message: PackMessage): PackReply | undefined {
  if (message.type === 'frame') {
    const runs = frames.get(message.id) ?? [];
    (runs[message.run] ??= []).push(message.frame);
    frames.set(message.id, runs);
    return undefined;
  }
  const received = frames.get(message.id) ?? [];
  frames.delete(message.id);
  const record = {
    ...message.record,
    runs: message.record.runs.map((run, i) => ({ ...run, probeHistory: received[i] ?? [] })),
  };
  return { id: message.id, text: packRecord(record, message.maxChars) };
}

self.onmessage = (event: MessageEvent<PackMessage>) => {
  const reply = receive(event.data);
  if (reply) self.postMessage(reply);
};
