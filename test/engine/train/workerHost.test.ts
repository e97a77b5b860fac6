import { describe, expect, it } from 'vitest';
import type { Dataset } from '../../../src/engine/data/dataset';
import { engineWasmKernels } from '../../../src/engine/kernels/wasmKernels';
import { TrainingRun } from '../../../src/engine/train/trainingRun';
import { thisWorker } from '../../../src/engine/train/workerHost';
import { DEFAULT_RUN_SETTINGS } from '../../../src/lab/labSettings';
import { toRunConfig } from '../../../src/lab/settings';

const points: Dataset = {
  name: 'points',
  x: Float32Array.from({ length: 128 }, (_, i) => Math.sin(i)),
  y: Int32Array.from({ length: 64 }, (_, i) => i % 2),
  count: 64,
  sampleShape: [2],
  numClasses: 2,
};

describe('this worker as a run host', () => {
  it('reports the wasm memory it holds, and a new run gives back what an earlier one grew', () => {
    const kernels = engineWasmKernels!;
    // A big product of an earlier run left the module's memory grown by 100 MB.
    kernels.heap(kernels.exports.memory.buffer.byteLength + 1600 * 65536);
    expect(thisWorker().heldWasm).toBeGreaterThan(100_000_000);
    const run = new TrainingRun(
      toRunConfig({ ...DEFAULT_RUN_SETTINGS, dataset: 'spiral', depth: 2, width: 8 }),
      points,
      { testCount: 0 },
    );
    expect(thisWorker().heldWasm).toBeLessThan(10_000_000);
    expect(run.memory.parts.wasm).toBeLessThan(10_000_000);
    expect(run.step().status).toBe('ok');
  });
});
