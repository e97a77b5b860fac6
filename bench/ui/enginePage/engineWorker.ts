/// <reference lib="webworker" />
/**
 * The Node benchmark's training loop (bench/ourModels.ts, bench/measure.ts), unchanged, in a browser
 * worker: the same model, batch, seed and timing harness, so the two figures differ only by runtime.
 */
import { gemmFastBackend } from '../../../src/engine/kernels/gemmFast';
import { DEFAULT_MEASURE, measure } from '../../measure';
import { createOurTrainer, createSetup } from '../../ourModels';
import { REFERENCE_MODELS, REFERENCE_NAMES, type ReferenceName } from '../../referenceModels';
import type { EngineBenchReply, EngineBenchRequest } from './messages';

declare const self: DedicatedWorkerGlobalScope;

/** bench/index.ts's seed, so the first-step loss can be compared with the Node run's. */
const SEED = 2024;

function bench(name: ReferenceName): EngineBenchReply {
  const trainer = createOurTrainer(createSetup(REFERENCE_MODELS[name], SEED));
  const firstLoss = trainer.step();
  let lastLoss = firstLoss;
  const rate = measure(() => {
    lastLoss = trainer.step();
  }, DEFAULT_MEASURE);
  return { ok: true, name, backend: gemmFastBackend, rate, firstLoss, lastLoss };
}

function isReferenceName(name: string): name is ReferenceName {
  return (REFERENCE_NAMES as readonly string[]).includes(name);
}

self.onmessage = (event: MessageEvent<EngineBenchRequest>) => {
  const { name } = event.data;
  if (!isReferenceName(name)) {
    self.postMessage({ ok: false, message: `unknown model '${name}'` } satisfies EngineBenchReply);
    return;
  }
  try {
    self.postMessage(bench(name));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    self.postMessage({ ok: false, message } satisfies EngineBenchReply);
  }
};
