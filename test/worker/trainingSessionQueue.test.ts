import { describe, expect, it } from 'vitest';
import { loadMnistNode } from '../../src/data/loadMnistNode';
import { DEFAULT_RUN_SETTINGS } from '../../src/lab/labSettings';
import { toWorkerSetup } from '../../src/lab/settings';
import { createDatasetLoader } from '../../src/worker/loadDataset';
import type { FromWorker } from '../../src/worker/protocol';
import { TrainingSession } from '../../src/worker/trainingSession';

const loader = createDatasetLoader((resolution, standardize) =>
  Promise.resolve(loadMnistNode(resolution, { standardize })),
);

describe('TrainingSession message queue', () => {
  it('reports an exception escaping one message and still runs the next', async () => {
    const messages: FromWorker[] = [];
    let failNextStatus = false;
    const session = new TrainingSession({
      post: (message) => {
        if (failNextStatus && message.type === 'status') {
          failNextStatus = false;
          throw new Error('postMessage failed');
        }
        messages.push(message);
      },
      loadDataset: loader,
      // Nothing runs between messages: the test drives the queue alone.
      schedule: () => {},
    });
    const setup = toWorkerSetup({ ...DEFAULT_RUN_SETTINGS, depth: 2, width: 8 }, 0);
    await session.handle({ type: 'configure', setup });
    await session.handle({ type: 'train' });
    failNextStatus = true;
    await session.handle({ type: 'pause' });
    expect(messages.at(-1)).toEqual({
      type: 'error',
      message:
        'Training stopped because of an unexpected problem: postMessage failed. Press Reset or change a setting to start again.',
      step: expect.any(Number),
    });
    const before = messages.length;
    await session.handle({ type: 'train' });
    expect(messages.slice(before)).toContainEqual({ type: 'status', running: true });
    await session.handle({ type: 'pause' });
    expect(messages.at(-1)).toEqual({ type: 'status', running: false });
  });
});
