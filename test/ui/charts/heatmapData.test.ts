import { describe, expect, it } from 'vitest';
import {
  binEdgeTicks,
  heatmapRgba,
  stepTicks,
  summarizeHeatmap,
  toHeatmapCells,
  type HistogramTrack,
} from '../../../src/ui/charts/heatmapData';
import { hist } from './probeFixtures';

describe('toHeatmapCells', () => {
  it('lays frames out as columns with the highest bin on top and log intensities', () => {
    // two frames of three bins over [−3, 3]; the largest count is 7
    const cells = toHeatmapCells([
      { step: 10, histogram: hist([1, 0, 7], -3, 3) },
      { step: 20, histogram: hist([0, 3, 0], -3, 3) },
    ])!;
    expect(cells.columns).toBe(2);
    expect(cells.bins).toBe(3);
    expect(cells.steps).toEqual([10, 20]);
    expect(cells.maxCount).toBe(7);
    const l = (c: number) => Math.log1p(c) / Math.log1p(7);
    // row 0 = bin 2 (top): [7, 0]; row 1 = bin 1: [0, 3]; row 2 = bin 0: [1, 0]
    const expected = [l(7), 0, 0, l(3), l(1), 0];
    expected.forEach((v, i) => expect(cells.intensity[i]).toBeCloseTo(v, 6));
  });

  it('drops frames whose bins differ from the latest one and counts them', () => {
    const cells = toHeatmapCells([
      { step: 0, histogram: hist([5, 5], -1, 1) },
      { step: 5, histogram: hist([1, 2, 3], -2, 2) },
      { step: 9, histogram: hist([3, 2, 1], -2, 2) },
    ])!;
    expect(cells.steps).toEqual([5, 9]);
    expect(cells.skipped).toBe(1);
  });

  it('keeps an all-zero history at zero intensity instead of dividing by zero', () => {
    const cells = toHeatmapCells([{ step: 1, histogram: hist([0, 0, 0, 0]) }])!;
    expect(Array.from(cells.intensity)).toEqual([0, 0, 0, 0]);
    expect(Array.from(heatmapRgba(cells))).toEqual(new Array(16).fill(0));
  });

  it('returns null for no frames', () => {
    expect(toHeatmapCells([])).toBeNull();
  });
});

describe('heatmapRgba', () => {
  it('makes empty cells transparent and filled cells opaque', () => {
    const cells = toHeatmapCells([{ step: 1, histogram: hist([0, 4]) }])!;
    const rgba = heatmapRgba(cells);
    // row 0 = bin 1 (count 4, the darkest), row 1 = bin 0 (empty)
    expect(rgba[3]).toBe(255);
    expect(rgba[0]).toBeLessThan(40); // dark blue end of the ramp
    expect(rgba[7]).toBe(0);
  });
});

describe('binEdgeTicks', () => {
  it('labels every 8th of 40 edges from min to max', () => {
    const ticks = binEdgeTicks(-2, 2, 40);
    expect(ticks.map((t) => +t.value.toFixed(6))).toEqual([-2, -1.2, -0.4, 0.4, 1.2, 2]);
    expect(ticks.map((t) => t.fraction)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
  });

  it('skips an edge that would crowd the max label', () => {
    // 7 bins, stride 2: edges 0, 2, 4, 6 — edge 6 is half a stride from 7, so only 0, 2, 4 and max
    expect(binEdgeTicks(0, 7, 7).map((t) => t.value)).toEqual([0, 2, 4, 7]);
  });
});

describe('stepTicks', () => {
  it('centres each tick on its column', () => {
    expect(stepTicks([100, 200])).toEqual([
      { value: 100, fraction: 0.25 },
      { value: 200, fraction: 0.75 },
    ]);
  });

  it('labels fixed places along a long history with the step of the column beneath', () => {
    // 10 columns: 0 and 1/3 fall on columns 0 and 3, 2/3 on column 6, the right end on the last
    const steps = Array.from({ length: 10 }, (_, i) => i * 50);
    expect(stepTicks(steps)).toEqual([
      { value: 0, fraction: 0 },
      { value: 150, fraction: 1 / 3 },
      { value: 300, fraction: 2 / 3 },
      { value: 450, fraction: 1 },
    ]);
  });

  it('keeps the labels in place as the history grows', () => {
    const history = (n: number) => Array.from({ length: n }, (_, i) => i * 10);
    const places = (n: number) => stepTicks(history(n)).map((t) => t.fraction);
    expect(places(11)).toEqual(places(12));
    expect(stepTicks(history(12)).map((t) => t.value)).toEqual([0, 40, 80, 110]);
  });
});

describe('summarizeHeatmap', () => {
  const track: HistogramTrack = {
    name: 'act1',
    label: 'ReLU',
    frames: [
      { step: 0, histogram: hist([1, 9, 2, 0]) },
      { step: 2400, histogram: hist([0, 2, 8, 1], -2, 2, 0, 3) },
    ],
  };

  it('gives the span, the range and where most values are now', () => {
    expect(summarizeHeatmap(track, toHeatmapCells(track.frames))).toBe(
      'act1 · ReLU: 2 snapshots from step 0 to 2,400, values binned from −2 to 2. ' +
        'At step 2,400 the most common values lie between 0 and 1. 3 values fell outside it.',
    );
  });

  it('describes a single all-zero snapshot', () => {
    const one: HistogramTrack = {
      name: 'act1',
      label: 'ReLU',
      frames: [{ step: 7, histogram: hist([0, 0]) }],
    };
    expect(summarizeHeatmap(one, toHeatmapCells(one.frames))).toBe(
      'act1 · ReLU: 1 snapshot at step 7, values binned from −2 to 2. At step 7 no value fell inside the range.',
    );
  });
});
