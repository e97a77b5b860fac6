import { describe, expect, it } from 'vitest';
import { DEFAULT_RUN_SETTINGS, type LabRunSettings } from '../../src/lab/labSettings';
import { createDatasetLoader } from '../../src/worker/loadDataset';
import type { FromSweepWorker } from '../../src/worker/sweepProtocol';
import { SweepSession } from '../../src/worker/sweepSession';

const loadDataset = createDatasetLoader(() =>
  Promise.reject(new Error('this test trains on the 2-D sets only')),
);

function setup() {
  const posted: FromSweepWorker[] = [];
  const session = new SweepSession({
    post: (m) => posted.push(m),
    loadDataset,
    schedule: (task) => void Promise.resolve().then(task),
  });
  return { posted, session };
}

const settings = (changes: Partial<LabRunSettings>): LabRunSettings => ({
  ...DEFAULT_RUN_SETTINGS,
  dataset: 'blobs',
  ...changes,
});

describe('SweepSession', () => {
  it('trains every cell for the given steps and reports each, then done', async () => {
    const { posted, session } = setup();
    await session.handle({
      type: 'start',
      id: 1,
      cells: [settings({ depth: 1 }), settings({ depth: 3 })],
      steps: 60,
    });
    const cells = posted.filter((m) => m.type === 'cell');
    expect(cells.map((m) => m.cell)).toEqual([0, 1]);
    for (const m of cells) {
      expect(m.result.steps).toBe(60);
      expect(m.result.finalLoss).toBeLessThan(m.result.startLoss!);
      expect(m.result.accuracy).toBeGreaterThan(0.8); // three well-separated blobs
    }
    expect(posted[posted.length - 1]).toEqual({ type: 'done', id: 1 });
  });

  it('reports a diverging cell with its step and keeps going', async () => {
    const { posted, session } = setup();
    await session.handle({
      type: 'start',
      id: 2,
      cells: [
        settings({ init: 'custom', initMultiplier: 10, initGain: 10, depth: 8, learningRate: 10 }),
        settings({}),
      ],
      steps: 200,
    });
    const [first, second] = posted.filter((m) => m.type === 'cell');
    expect(first!.result.divergedAt).toBeGreaterThan(0);
    expect(first!.result.finalLoss).toBeUndefined();
    expect(second!.result.steps).toBe(200);
  });

  it('explains a cell the engine cannot train instead of stopping the sweep', async () => {
    const { posted, session } = setup();
    await session.handle({
      type: 'start',
      id: 3,
      cells: [settings({ norm: 'batchNorm', batchSize: 1 }), settings({})],
      steps: 30,
    });
    const [first, second] = posted.filter((m) => m.type === 'cell');
    expect(first!.result.error).toMatch(/^BatchNorm cannot train with a batch size of 1/);
    expect(second!.result.steps).toBe(30);
    expect(posted[posted.length - 1]).toEqual({ type: 'done', id: 3 });
  });

  it('stops a cancelled sweep without reporting more cells', async () => {
    const { posted, session } = setup();
    const running = session.handle({
      type: 'start',
      id: 4,
      cells: [settings({}), settings({})],
      steps: 5000,
    });
    await session.handle({ type: 'cancel', id: 4 });
    await running;
    expect(posted.filter((m) => m.type === 'cell' || m.type === 'done')).toEqual([]);
  });

  it('lets a new sweep replace the running one', async () => {
    const { posted, session } = setup();
    const first = session.handle({ type: 'start', id: 5, cells: [settings({})], steps: 5000 });
    const second = session.handle({ type: 'start', id: 6, cells: [settings({})], steps: 20 });
    await Promise.all([first, second]);
    expect(
      posted.filter((m) => m.type !== 'progress').map((m) => `${m.type}:${'id' in m ? m.id : ''}`),
    ).toEqual(['cell:6', 'done:6']);
  });
});
