import { describe, expect, it } from 'vitest';
import type { NormStats } from '../../../src/engine/probes/probe';
import {
  compareNormStats,
  sharedAxis,
  summarizeNormStats,
} from '../../../src/ui/charts/batchNormData';

const f32 = (values: number[]) => Float32Array.from(values);

const trained: NormStats = {
  name: 'norm1',
  runningMean: f32([0.5, -0.25, 1]),
  runningVar: f32([1, 2, 0.5]),
  batchMean: f32([0.75, -0.25, 0.875]),
  batchVar: f32([1.5, 2, 0.25]),
};

describe('compareNormStats', () => {
  it('pairs every channel and finds the largest gaps', () => {
    const c = compareNormStats(trained);
    expect(c.channels).toBe(3);
    expect(c.mean).toEqual([
      { channel: 0, batch: 0.75, running: 0.5 },
      { channel: 1, batch: -0.25, running: -0.25 },
      { channel: 2, batch: 0.875, running: 1 },
    ]);
    // mean gaps |0.5 − 0.75| = 0.25, 0, 0.125 → channel 0; variance gaps 0.5, 0, 0.25 → channel 0
    expect(c.meanGap).toEqual({ channel: 0, gap: 0.25 });
    expect(c.varianceGap).toEqual({ channel: 0, gap: 0.5 });
  });

  it('draws at most maxChannels but measures gaps over all of them', () => {
    const c = compareNormStats(trained, 2);
    expect(c.shown).toBe(2);
    expect(c.mean).toHaveLength(2);
    expect(c.meanGap).toEqual({ channel: 0, gap: 0.25 });
  });

  it('has no points before the first training batch', () => {
    const fresh: NormStats = { name: 'bn', runningMean: f32([0, 0]), runningVar: f32([1, 1]) };
    const c = compareNormStats(fresh);
    expect(c.mean).toBeNull();
    expect(c.meanGap).toBeNull();
    expect(c.runningVarianceRange).toEqual([1, 1]);
  });
});

describe('sharedAxis', () => {
  it('gives both axes the same round-ended range', () => {
    // values span −1 to 3 (width 4) → step 1, ends −1 and 3
    expect(
      sharedAxis([
        { channel: 0, batch: -1, running: 0 },
        { channel: 1, batch: 2, running: 3 },
      ]),
    ).toEqual({ domain: [-1, 3], ticks: [-1, 0, 1, 2, 3] });
  });

  it('keeps the axis shown while the points fit it and span at least half of it', () => {
    const shown = { domain: [-1, 3] as [number, number], ticks: [-1, 0, 1, 2, 3] };
    const within = [
      { channel: 0, batch: -0.5, running: 0 },
      { channel: 1, batch: 1.5, running: 1.2 },
    ];
    expect(sharedAxis(within, shown)).toBe(shown);
    // a point outside it, or points huddled in less than half of it, get an axis of their own
    const outside = [...within, { channel: 2, batch: 3.5, running: 3 }];
    expect(sharedAxis(outside, shown).domain).toEqual([-1, 4]);
    const huddled = [
      { channel: 0, batch: 0.1, running: 0.2 },
      { channel: 1, batch: 0.9, running: 0.8 },
    ];
    expect(sharedAxis(huddled, shown).domain).toEqual([0, 1]);
  });

  it('never collapses to zero width for a single point', () => {
    // 2 ± 0.2 → step 0.1, ends 1.8 and 2.2
    expect(sharedAxis([{ channel: 0, batch: 2, running: 2 }]).domain).toEqual([1.8, 2.2]);
    expect(sharedAxis([{ channel: 0, batch: 0, running: 0 }]).domain).toEqual([-1, 1]);
  });
});

describe('summarizeNormStats', () => {
  it('gives the gap sizes and where they are', () => {
    expect(summarizeNormStats([compareNormStats(trained)], 50)).toBe(
      "At step 50: norm1 (3 channels): the running mean is within 0.25 of the last batch's mean (largest gap at channel 0); " +
        'the running variance is within 0.5 of the batch variance (channel 0).',
    );
  });

  it('says when only part of the layer is drawn', () => {
    expect(summarizeNormStats([compareNormStats(trained, 2)], undefined)).toContain(
      'The plot shows the first 2 channels.',
    );
  });

  it('describes a layer that has seen no batch yet', () => {
    const fresh: NormStats = { name: 'bn1', runningMean: f32([0]), runningVar: f32([1]) };
    expect(summarizeNormStats([compareNormStats(fresh)], undefined)).toBe(
      'bn1 (1 channel): no training batch yet, so there are only running statistics. Running means span 0 to 0, variances 1 to 1.',
    );
  });
});
