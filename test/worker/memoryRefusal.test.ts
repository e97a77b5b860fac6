import { describe, expect, it } from 'vitest';
import { loadMnistNode } from '../../src/data/loadMnistNode';
import { DEFAULT_RUN_SETTINGS, type LabRunSettings } from '../../src/lab/labSettings';
import { toWorkerSetup } from '../../src/lab/settings';
import { createDatasetLoader } from '../../src/worker/loadDataset';
import type { FromWorker } from '../../src/worker/protocol';
import { TrainingSession } from '../../src/worker/trainingSession';

async function configure(settings: LabRunSettings): Promise<FromWorker[]> {
  const messages: FromWorker[] = [];
  const session = new TrainingSession({
    post: (message) => messages.push(message),
    loadDataset: createDatasetLoader((resolution, standardize) =>
      Promise.resolve(loadMnistNode(resolution, { standardize })),
    ),
  });
  await session.handle({ type: 'configure', setup: toWorkerSetup(settings, 0) });
  return messages;
}

describe('a configuration over the memory budget', () => {
  it('is refused before training, as a refusal naming the setting to lower', async () => {
    // Past the registry's caps (a script or an old worker could still ask): 16 blocks × 64 channels
    // at batch 512 on MNIST 14×14.
    const messages = await configure({
      ...DEFAULT_RUN_SETTINGS,
      dataset: 'mnist14',
      architecture: 'cnn',
      depth: 16,
      width: 64,
      batchSize: 512,
    });
    const errors = messages.filter((m) => m.type === 'error');
    expect(errors).toEqual([
      {
        type: 'error',
        step: 0,
        refused: true,
        message: expect.stringMatching(
          /^This network needs about [\d,]+ MB of memory to train, more than the 256 MB a run may use\. Lower the batch size to \d+ or less/,
        ) as unknown,
      },
    ]);
    expect(messages.some((m) => m.type === 'ready')).toBe(false);
  });

  it('is not confused with a run that fits', async () => {
    const messages = await configure({ ...DEFAULT_RUN_SETTINGS, dataset: 'mnist14' });
    expect(messages.some((m) => m.type === 'error')).toBe(false);
    expect(messages.some((m) => m.type === 'ready')).toBe(true);
  });
});
