import { describe, expect, it } from 'vitest';
import { loadMnistNode } from '../../src/data/loadMnistNode';
import { scratch } from '../../src/engine/layers/scratch';
import { DEFAULT_RUN_SETTINGS } from '../../src/lab/labSettings';
import { toWorkerSetup } from '../../src/lab/settings';
import { createDatasetLoader } from '../../src/worker/loadDataset';
import type { FromWorker } from '../../src/worker/protocol';
import { TrainingSession } from '../../src/worker/trainingSession';

describe('a run that has been opened but not trained', () => {
  it('holds no gradients handed down and sends no training step', async () => {
    const messages: FromWorker[] = [];
    const session = new TrainingSession({
      post: (message) => messages.push(message),
      loadDataset: createDatasetLoader((resolution, standardize) =>
        Promise.resolve(loadMnistNode(resolution, { standardize })),
      ),
    });
    const settings = {
      ...DEFAULT_RUN_SETTINGS,
      dataset: 'mnist14' as const,
      architecture: 'cnn' as const,
      depth: 2,
      width: 8,
      norm: 'batchNorm' as const,
    };
    await session.handle({ type: 'configure', setup: toWorkerSetup(settings, 0) });
    // Opening a link: the worker builds the run, draws its views and validates it once.
    while (!messages.some((m) => m.type === 'snapshot' && m.validation)) {
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    expect(messages.some((m) => m.type === 'error')).toBe(false);
    // Forward passes only: no backward ran, so the shared gradient scratch is still empty.
    expect(scratch.bytes()).toBe(0);
    expect(messages.some((m) => m.type === 'snapshot' && m.steps.length > 0)).toBe(false);
    // One step later the scratch is in use: the check above can fail.
    await session.handle({ type: 'step', count: 1 });
    while (!messages.some((m) => m.type === 'snapshot' && m.steps.length > 0)) {
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    expect(scratch.bytes()).toBeGreaterThan(0);
  });
});
