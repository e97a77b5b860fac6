/// <reference lib="webworker" />
import type { PackReply, PackRequest } from './packProtocol';
import { packRecord } from './savedExperiment';

declare const self: DedicatedWorkerGlobalScope;

/**
 * Packs a finished experiment's record off the page's thread: JSON, deflate and base64 of every
 * probe histogram took the lesson page's main thread 1–3 s of CPU when a large experiment finished
 * (npm run bench:lessons), in the very task that was to show its claim.
 */
export function answer(request: PackRequest): PackReply {
  return { id: request.id, text: packRecord(request.record, request.maxChars) };
}

self.onmessage = (event: MessageEvent<PackRequest>) => {
  self.postMessage(answer(event.data));
};
