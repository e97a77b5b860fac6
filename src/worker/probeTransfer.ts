import type { ProbeSnapshot } from '../engine/probes/probe';

/**
 * The buffers of a probe snapshot's typed arrays (every histogram's counts, BatchNorm's running and
 * batch statistics), for the transfer list of the snapshot that carries it: the worker makes them
 * afresh for each probe and never reads them again, so they can move to the page instead of being
 * copied by the structured clone. Each buffer once (a transfer list naming one twice is an error).
 */
export function probeTransferables(probes: ProbeSnapshot): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>();
  const add = (array: { readonly buffer: ArrayBufferLike } | undefined): void => {
    if (array !== undefined && array.buffer instanceof ArrayBuffer) buffers.add(array.buffer);
  };
  for (const a of probes.activations) add(a.histogram.counts);
  for (const p of probes.params) {
    add(p.gradHistogram.counts);
    add(p.weightHistogram.counts);
  }
  for (const n of probes.norms) {
    add(n.runningMean);
    add(n.runningVar);
    add(n.batchMean);
    add(n.batchVar);
  }
  return [...buffers];
}
