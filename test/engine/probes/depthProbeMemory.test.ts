import { describe, expect, it } from 'vitest';
import { formatCount } from '../../../src/engine/text/numberText';
import { scratch } from '../../../src/engine/layers/scratch';
import { buildDepthProbe, depthProbe } from '../../../src/engine/probes/depthProbe';
import { depthProbeMemory, depthProbeRefusal } from '../../../src/engine/probes/depthProbeMemory';
import { RUN_MEMORY_BUDGET } from '../../../src/engine/train/memoryPlan';
import { DEFAULT_RUN_SETTINGS } from '../../../src/lab/labSettings';
import { PROBE_BATCH_SIZE, PROBE_SETTINGS } from '../../../src/lab/probeSettings';
import { depthProbeRequest } from '../../../src/ui/lab/depthProbeSettings';
import { heldBytes } from '../heldBytes';
import { reluProbe } from './reluProbe';

const base = reluProbe({ depth: 12, width: 48, batchSize: 16, seed: 3 });

const NORMS = ['none', 'batchNorm', 'layerNorm', 'rmsNorm'] as const;
/** Every norm, in a plain stack and with skip connections. */
const SHAPES = NORMS.flatMap((norm) => [false, true].map((residual) => ({ norm, residual })));
/** The widest network the lessons' probe schema and the Lab's MLP width allow. */
const MAX_WIDTH = 512;

describe('the depth probe memory plan', () => {
  it('counts a small probe by hand: weights banked, one shared gradient, outputs per layer', () => {
    const plan = depthProbeMemory({ depth: 3, width: 8, batchSize: 4, norm: 'batchNorm' });
    const matrix = 8 * 8 * 4;
    const batch = 4 * 8 * 4;
    expect(plan.bankedLayers).toBe(3);
    expect(plan.parts.bank).toBe(3 * matrix);
    expect(plan.parts.spareWeight).toBe(0);
    expect(plan.parts.weightGradient).toBe(matrix);
    // x and r / N; per layer the Linear's, BatchNorm's and the activation's outputs, and BatchNorm's
    // 9 float32 and 5 float64 vectors of width 8 and its step counter.
    expect(plan.parts.activations).toBe(2 * batch + 3 * (3 * batch + 8 * (9 * 4 + 5 * 8) + 4));
    expect(plan.parts.gradientScratch).toBe(2 * batch);
    expect(plan.total).toBe(Object.values(plan.parts).reduce((a, b) => a + b, 0));
    // Skip connections keep each layer's sum and one gradient for the skip path besides.
    const skip = depthProbeMemory({
      depth: 3,
      width: 8,
      batchSize: 4,
      norm: 'batchNorm',
      residual: true,
    });
    expect(skip.parts.activations - plan.parts.activations).toBe(3 * batch + batch);
  });

  it('keeps the largest probe the Lab and lessons allow within a run budget', () => {
    // 200 layers of width 512 kept 630 MB before: a weight, its gradient and a bank copy per layer.
    const lab = depthProbeRequest(DEFAULT_RUN_SETTINGS);
    expect(lab.ok && lab.options.batchSize).toBe(PROBE_BATCH_SIZE);
    for (const { norm, residual } of SHAPES) {
      const shape = {
        depth: PROBE_SETTINGS.depth.max,
        width: MAX_WIDTH,
        batchSize: PROBE_BATCH_SIZE,
        norm,
        residual,
      };
      const plan = depthProbeMemory(shape);
      expect(plan.fits).toBe(true);
      expect(plan.total).toBeLessThanOrEqual(RUN_MEMORY_BUDGET);
      // The whole bank (210 MB) does not fit next to the layers' outputs: most of it does.
      expect(plan.bankedLayers).toBeLessThan(PROBE_SETTINGS.depth.max);
      expect(plan.bankedLayers).toBeGreaterThan(PROBE_SETTINGS.depth.max / 2);
      expect(plan.parts.spareWeight).toBe(MAX_WIDTH * MAX_WIDTH * 4);
      expect(depthProbeRefusal(shape)).toBeUndefined();
    }
  });

  it('refuses, before allocating, a probe too large for its budget, naming what to lower', () => {
    const shape = { depth: 200, width: 4096, batchSize: 64, norm: 'none' } as const;
    expect(depthProbeMemory(shape).fits).toBe(false);
    expect(depthProbeRefusal(shape)).toBe(
      `A probe of 200 layers of width 4096 needs about ${formatCount(Math.round(depthProbeMemory(shape).total / 1e6))} MB of memory, more than the 256 MB it may use. Lower the width or the depth.`,
    );
    expect(() => depthProbe({ ...base, ...shape })).toThrow('Lower the width or the depth.');
  });

  it.each(SHAPES)(
    'holds what it plans with norm $norm (skip connections: $residual), the bank full or partial',
    (shape) => {
      const options = { ...base, ...shape };
      const full = depthProbeMemory(options);
      // A budget with room for 5 of the 12 layers' weights besides everything else.
      const matrix = base.width * base.width * 4;
      const tight = full.total - (base.depth - 5) * matrix + matrix;
      for (const budget of [RUN_MEMORY_BUDGET, tight]) {
        scratch.clear();
        const probe = buildDepthProbe(options, budget);
        probe.run();
        const { wasm, ...typed } = probe.memory.parts;
        const planned = Object.values(typed).reduce((a, b) => a + b, 0);
        expect(heldBytes(probe.holds)).toBe(planned);
        expect(wasm).toBeGreaterThanOrEqual(0);
      }
      expect(depthProbeMemory(options, tight).bankedLayers).toBe(5);
    },
  );

  it('gives the same numbers whether the bank keeps every layer or redraws some', () => {
    for (const shape of SHAPES) {
      const options = { ...base, ...shape };
      const full = depthProbeMemory(options);
      const matrix = base.width * base.width * 4;
      const tight = full.total - (base.depth - 2) * matrix + matrix;
      expect(depthProbeMemory(options, tight).bankedLayers).toBe(2);
      expect(depthProbe(options, tight)).toEqual(depthProbe(options));
    }
  });
});
