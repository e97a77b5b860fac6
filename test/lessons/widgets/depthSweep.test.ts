import { describe, expect, it } from 'vitest';
import { DEFAULT_RUN_SETTINGS } from '../../../src/lab/labSettings';
import {
  cellOutcome,
  chanceLoss,
  deepestTrained,
  sweepCells,
  type DepthSweepWidget,
} from '../../../src/lessons/widgets/depthSweep';
import type { SweepCellResult } from '../../../src/worker/sweepProtocol';

const widget: DepthSweepWidget = {
  widget: 'depthSweep',
  expect: [],
  title: 'How deep can it go?',
  depths: [8, 2, 4],
  steps: 100,
  configs: [
    { label: 'Plain', settings: { dataset: 'mnist14', init: 'xavierNormal' } },
    { label: 'BatchNorm', settings: { dataset: 'mnist14', norm: 'batchNorm' } },
  ],
};

describe('sweepCells', () => {
  it('lays out every configuration at every depth, shallow to deep, over the Lab defaults', () => {
    const cells = sweepCells(widget);
    expect(cells.map((c) => `${c.label}@${c.depth}`)).toEqual([
      'Plain@2',
      'Plain@4',
      'Plain@8',
      'BatchNorm@2',
      'BatchNorm@4',
      'BatchNorm@8',
    ]);
    expect(cells[2]!.settings).toEqual({
      ...DEFAULT_RUN_SETTINGS,
      dataset: 'mnist14',
      init: 'xavierNormal',
      depth: 8,
    });
    expect(cells[3]!.settings.norm).toBe('batchNorm');
    expect(cells[3]!.configIndex).toBe(1);
  });

  it('lets the sweep depth win over a depth in the configuration', () => {
    const cells = sweepCells({
      ...widget,
      configs: [{ label: 'Deep', settings: { depth: 30 } }],
    });
    expect(cells.map((c) => c.settings.depth)).toEqual([2, 4, 8]);
  });
});

describe('judging a cell', () => {
  const cell = sweepCells(widget)[0]!; // MNIST: 10 classes, chance loss ln 10 = 2.303
  const ok = (finalLoss: number): SweepCellResult => ({ steps: 100, finalLoss, accuracy: 0.5 });

  it('counts a cell as trained when its loss is clearly below guessing (80% of ln classes)', () => {
    expect(chanceLoss(cell.settings)).toBeCloseTo(Math.log(10), 12);
    expect(cellOutcome(cell, ok(1.8))).toBe('trained'); // 1.8 ≤ 0.8 × 2.303 = 1.842
    expect(cellOutcome(cell, ok(1.9))).toBe('stalled');
  });

  it('tells divergence and failure apart from stalling', () => {
    expect(cellOutcome(cell, { steps: 12, divergedAt: 12 })).toBe('diverged');
    expect(
      cellOutcome(cell, { steps: 0, error: 'BatchNorm cannot train with a batch size of 1.' }),
    ).toBe('failed');
  });

  it('finds the deepest depth each configuration trained at', () => {
    const cells = sweepCells(widget);
    const results = new Map<number, SweepCellResult>([
      [0, ok(0.5)],
      [1, ok(1.0)],
      [2, ok(2.3)], // Plain stalls at depth 8
      [3, ok(0.4)],
      [5, ok(0.6)], // BatchNorm at depth 4 has not finished yet
    ]);
    expect(deepestTrained(cells, results, 0)).toBe(4);
    expect(deepestTrained(cells, results, 1)).toBe(8);
    expect(deepestTrained(cells, new Map(), 1)).toBeUndefined();
  });
});
