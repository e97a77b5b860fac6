import { describe, expect, it } from 'vitest';
import type { PlotSeries } from '../../../src/ui/charts/plotScene';
import { nearestIndex, seriesReadout } from '../../../src/ui/charts/plotReadout';
import { pixelMap } from '../../../src/ui/charts/plotScale';

describe('nearestIndex', () => {
  it('finds the nearest x on either side', () => {
    const xs = [10, 20, 40, 80];
    expect(nearestIndex(xs, 0)).toBe(0);
    expect(nearestIndex(xs, 14)).toBe(0);
    expect(nearestIndex(xs, 16)).toBe(1);
    expect(nearestIndex(xs, 61)).toBe(3);
    expect(nearestIndex(xs, 500)).toBe(3);
  });

  it('answers -1 for an empty series or a NaN position', () => {
    expect(nearestIndex([], 3)).toBe(-1);
    expect(nearestIndex([1, 2], Number.NaN)).toBe(-1);
  });
});

describe('seriesReadout', () => {
  // steps 0..1000 over 500 px: 2 steps per pixel
  const xMap = pixelMap({ kind: 'linear', domain: [0, 1000] }, 0, 500);
  const series: PlotSeries[] = [
    { name: 'Run A training', color: '#0072B2', xs: [0, 500, 1000], ys: [2.3, 0.61, 0.42] },
    { name: 'Run B training', color: '#D55E00', xs: [0, 500, 1000], ys: [2.3, 0.9, Number.NaN] },
    { name: 'Run A validation', color: '#0072B2', xs: [0, 1000], ys: [2.25, 0.5] },
  ];
  const options = { formatX: (x: number) => `Step ${x}`, formatY: (y: number) => y.toFixed(2) };

  it('snaps to the nearest logged step and lists every series with a value there', () => {
    expect(seriesReadout(series, 530, xMap, options)).toEqual({
      x: 500,
      title: 'Step 500',
      rows: [
        { label: 'Run A training', color: '#0072B2', value: '0.61' },
        { label: 'Run B training', color: '#D55E00', value: '0.90' },
      ],
    });
  });

  it('leaves out series whose value there is not a number', () => {
    const readout = seriesReadout(series, 990, xMap, options);
    expect(readout?.rows.map((r) => r.label)).toEqual(['Run A training', 'Run A validation']);
  });

  it('answers null without any point', () => {
    expect(seriesReadout([], 10, xMap, options)).toBeNull();
  });
});
