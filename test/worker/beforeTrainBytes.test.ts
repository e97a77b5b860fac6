import { describe, expect, it } from 'vitest';
import type { Dataset } from '../../src/engine/data/dataset';
import { scratch } from '../../src/engine/layers/scratch';
import { createRng } from '../../src/engine/rng';
import { planRunMemory } from '../../src/engine/train/memoryPlan';
import { thisWorker } from '../../src/engine/train/workerHost';
import { LAB_DATASETS } from '../../src/lab/datasets';
import { DEFAULT_RUN_SETTINGS, type LabRunSettings } from '../../src/lab/labSettings';
import { toRunConfig, toWorkerSetup } from '../../src/lab/settings';
import { createDatasetLoader } from '../../src/worker/loadDataset';
import { BOUNDARY_SIZE, DIGIT_COUNT } from '../../src/worker/modelViews';
import type { FromWorker } from '../../src/worker/protocol';
import { TrainingSession } from '../../src/worker/trainingSession';
import { heldBytes } from '../engine/heldBytes';

/** Random samples of a dataset's shape: what a run holds depends on sizes only. */
function randomSet(count: number, sampleShape: readonly number[], numClasses: number): Dataset {
  const rng = createRng(11);
  const size = sampleShape.reduce((a, b) => a * b, 1);
  const x = new Float32Array(count * size);
  for (let i = 0; i < x.length; i++) x[i] = rng.normal();
  const y = new Int32Array(count);
  for (let i = 0; i < count; i++) y[i] = i % numClasses;
  return { name: 'random', x, y, count, sampleShape, numClasses };
}

const TRAIN = 300;
const TEST = 120;

/**
 * The input a chart pushes through the model at once, which the first layer keeps until the next
 * forward: the decision boundary's grid on the plane, the test digits on images.
 */
function viewInputBytes(s: LabRunSettings): number {
  const info = LAB_DATASETS[s.dataset];
  const size = info.sampleShape.reduce((a, b) => a * b, 1);
  return info.kind === 'image' ? DIGIT_COUNT * size * 4 : BOUNDARY_SIZE * BOUNDARY_SIZE * 2 * 4;
}

/**
 * A session that opened `s` as a link does: built, views drawn, validated once; no Train. MNIST comes
 * as random samples of its shape (reading the real files would only slow the test); the 2-D sets are
 * the real ones.
 */
async function opened(s: LabRunSettings) {
  scratch.clear();
  const info = LAB_DATASETS[s.dataset];
  const split = {
    train: randomSet(TRAIN, info.sampleShape, info.numClasses),
    test: randomSet(TEST, info.sampleShape, info.numClasses),
  };
  const messages: FromWorker[] = [];
  const session = new TrainingSession({
    post: (message) => messages.push(message),
    loadDataset: createDatasetLoader(() => Promise.resolve(split)),
  });
  await session.handle({ type: 'configure', setup: toWorkerSetup(s, 0) });
  while (!messages.some((m) => m.type === 'snapshot' && m.validation)) {
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  expect(messages.some((m) => m.type === 'error')).toBe(false);
  return { session, messages };
}

const settings = (over: Partial<LabRunSettings>): LabRunSettings => ({
  ...DEFAULT_RUN_SETTINGS,
  ...over,
});

describe('the bytes a run holds before Train is pressed', () => {
  it.each([
    [
      'an MLP with BatchNorm and Adam on MNIST 14×14',
      settings({ dataset: 'mnist14', depth: 3, width: 48, norm: 'batchNorm', optimizer: 'adam' }),
    ],
    [
      'a residual CNN with GroupNorm on MNIST 14×14',
      settings({
        dataset: 'mnist14',
        architecture: 'cnn',
        depth: 2,
        width: 8,
        norm: 'groupNorm',
        groups: 4,
        batchSize: 16,
      }),
    ],
    [
      'an MLP with SGD and momentum on the spiral',
      settings({ dataset: 'spiral', depth: 4, width: 32 }),
    ],
  ])('stay within the plan before training for %s', async (_, s) => {
    const { session, messages } = await opened(s);
    const ready = messages.find((m) => m.type === 'ready');
    if (ready?.type !== 'ready') throw new Error('the run was not built');
    const { trainCount, testCount } = ready.dataset;
    const plan = planRunMemory(toRunConfig(s), { trainCount, testCount }, thisWorker());
    // Everything the session holds (the data, the model, its outputs for the views and the
    // validation chunk) and the shared scratch; the wasm memory is no typed array of the session's.
    const held = heldBytes([session, scratch]);
    expect(held).toBeLessThanOrEqual(plan.beforeTraining - plan.parts.wasm + viewInputBytes(s));
    // What only training needs is not there yet: no optimizer state, no gradient handed down, and
    // the before-Train plan leaves out the optimizer, the training batch, the gradient scratch and
    // the probes' copies, so it is the smaller figure.
    const run = (session as unknown as { run: { optimizer: object; model: object } }).run;
    const modelBuffers = new Set<ArrayBufferLike>();
    const collect = (value: unknown, seen = new Set<unknown>()): void => {
      if (value === null || typeof value !== 'object' || seen.has(value)) return;
      seen.add(value);
      if (ArrayBuffer.isView(value)) modelBuffers.add(value.buffer);
      else for (const v of Object.values(value)) collect(v, seen);
    };
    collect(run.model);
    expect(heldBytes(run.optimizer, modelBuffers)).toBe(0);
    expect(scratch.bytes()).toBe(0);
    const { optimizer, gradientScratch, probes } = plan.parts;
    expect(plan.beforeTraining).toBeLessThanOrEqual(
      plan.total - optimizer - gradientScratch - probes,
    );
  });
});
