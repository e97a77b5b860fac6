/**
 * The worker's BatchNorm-after-training operations: fold and recalibrate a paused run, answered with
 * what was measured; refused with the reason while training or for a network without BatchNorm.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_RUN_SETTINGS, type LabRunSettings } from '../../src/lab/labSettings';
import { toWorkerSetup } from '../../src/lab/settings';
import { syntheticSplit } from '../../src/worker/loadDataset';
import type { AfterTrainingResult, FromWorker, ToWorker } from '../../src/worker/protocol';
import { TrainingSession } from '../../src/worker/trainingSession';

const withBatchNorm: LabRunSettings = {
  ...DEFAULT_RUN_SETTINGS,
  depth: 3,
  width: 16,
  norm: 'batchNorm',
  learningRate: 1,
};

/** A session whose scheduled work runs when the test says (no timers, no real time). */
async function session(settings: LabRunSettings) {
  const messages: FromWorker[] = [];
  const tasks: (() => void)[] = [];
  let clock = 0;
  const s = new TrainingSession({
    post: (message) => messages.push(message),
    loadDataset: () => Promise.resolve(syntheticSplit('spiral', settings.noise)),
    now: () => (clock += 0.01),
    schedule: (task) => tasks.push(task),
  });
  const send = (message: ToWorker) => s.handle(message);
  /** Runs scheduled work until there is none left. */
  const settle = () => {
    for (let i = 0; i < 100_000 && tasks.length > 0; i++) tasks.shift()!();
  };
  await send({ type: 'configure', setup: toWorkerSetup(settings, 0) });
  settle();
  const results = (): AfterTrainingResult[] =>
    messages.flatMap((m) => (m.type === 'afterTraining' ? [m.result] : []));
  const validations = () =>
    messages.flatMap((m) => (m.type === 'snapshot' && m.validation ? [m.validation] : []));
  return { send, settle, results, validations, messages };
}

describe('fold and recalibrate through the worker', () => {
  it('folds a paused BatchNorm run: same predictions, fewer layers', async () => {
    const h = await session(withBatchNorm);
    await h.send({ type: 'step', count: 30 });
    h.settle();
    await h.send({ type: 'foldBatchNorm' });
    const [result] = h.results();
    expect(result?.kind).toBe('fold');
    if (result?.kind !== 'fold') return;
    expect(result.step).toBe(30);
    expect(result.report.samples).toBe(500);
    expect(result.report.accuracyAfter).toBe(result.report.accuracyBefore);
    expect(result.report.maxDifference).toBeLessThan(1e-4 * Math.max(1, result.report.maxLogit));
    expect(result.report.layersAfter).toBe(result.report.layersBefore - 3);
  });

  it('recalibrates: reports eval loss before and after, and validates the run again with its new statistics', async () => {
    const h = await session(withBatchNorm);
    await h.send({ type: 'step', count: 15 });
    h.settle();
    const validatedBefore = h.validations().length;
    await h.send({ type: 'recalibrateBatchNorm', batches: 20 });
    const [result] = h.results();
    expect(result?.kind).toBe('recalibrate');
    if (result?.kind !== 'recalibrate') return;
    expect(result.report.batches).toBe(20);
    expect(result.report.after.loss).not.toBe(result.report.before.loss);
    h.settle();
    const latest = h.validations().at(-1);
    expect(h.validations().length).toBeGreaterThan(validatedBefore);
    expect(latest?.step).toBe(15);
    // The validation after recalibration is on the 500 test points, the report's on the same ones.
    expect(latest?.loss).toBeCloseTo(result.report.after.loss, 5);
  });

  it('recalibrates on shifted inputs (AdaBN) when asked: the report is on shifted test points', async () => {
    const shift = { contrast: 0.5, brightness: 1 };
    const plain = await session(withBatchNorm);
    const adapted = await session(withBatchNorm);
    for (const h of [plain, adapted]) {
      await h.send({ type: 'step', count: 40 });
      h.settle();
    }
    await plain.send({ type: 'recalibrateBatchNorm', batches: 20 });
    await adapted.send({ type: 'recalibrateBatchNorm', batches: 20, shift });
    const [clean] = plain.results();
    const [shifted] = adapted.results();
    if (clean?.kind !== 'recalibrate' || shifted?.kind !== 'recalibrate')
      throw new Error('expected two recalibrations');
    expect(shifted.report.shift).toEqual(shift);
    expect(clean.report.shift).toBeUndefined();
    // Same weights and statistics before: only the inputs differ.
    expect(shifted.report.before.loss).not.toBeCloseTo(clean.report.before.loss, 3);
    expect(shifted.report.before.count).toBe(clean.report.before.count);
  });

  it('refuses while training, and for a network without BatchNorm, saying why', async () => {
    const h = await session(withBatchNorm);
    await h.send({ type: 'train' });
    await h.send({ type: 'foldBatchNorm' });
    await h.send({ type: 'pause' });
    const plain = await session({ ...withBatchNorm, norm: 'layerNorm' });
    await plain.send({ type: 'foldBatchNorm' });
    await plain.send({ type: 'recalibrateBatchNorm', batches: 5 });
    expect(h.results()).toEqual([
      expect.objectContaining({
        kind: 'refused',
        operation: 'fold',
        message: expect.stringMatching(/Pause the run first/),
      }),
    ]);
    expect(plain.results()).toEqual([
      expect.objectContaining({
        kind: 'refused',
        operation: 'fold',
        message: expect.stringMatching(/needs BatchNorm/),
      }),
      expect.objectContaining({
        kind: 'refused',
        operation: 'recalibrate',
        message: expect.stringMatching(/no BatchNorm/),
      }),
    ]);
  });
});
