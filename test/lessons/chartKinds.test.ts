import { describe, expect, it } from 'vitest';
import {
  CHART_KINDS,
  chartsShowViews,
  PROBE_FRAMES,
  probeSpacing,
} from '../../src/lessons/chartKinds';

describe('probeSpacing', () => {
  it('asks for no probes but the last step when no chart draws probes', () => {
    expect(probeSpacing(['loss', 'accuracy'], 300)).toBe(Infinity);
    expect(probeSpacing(['boundary', 'loss', 'digits'], 300)).toBe(Infinity);
  });

  it(`spaces probes so the run has about ${PROBE_FRAMES} of them for any chart drawn from probes`, () => {
    const fromProbes = CHART_KINDS.filter(
      (chart) => !['loss', 'accuracy', 'boundary', 'digits'].includes(chart),
    );
    expect(fromProbes).toEqual([
      'activations',
      'heatmap',
      'gradNorms',
      'weights',
      'updateRatio',
      'weightNorms',
      'bnStats',
      'percentiles',
    ]);
    // plain-vs-resnet: 300 steps, a probe at most every 10th
    for (const chart of fromProbes) expect(probeSpacing(['loss', chart], 300)).toBe(10);
    expect(probeSpacing(['gradNorms'], 1000)).toBe(33);
  });

  it('probes every step of a run shorter than the frames it asks for', () => {
    expect(probeSpacing(['gradNorms', 'updateRatio'], 1)).toBe(1);
    expect(probeSpacing(['activations'], 29)).toBe(1);
  });
});

describe('chartsShowViews', () => {
  it('is true only for the charts drawn from the boundary or the digit predictions', () => {
    expect(chartsShowViews(['loss', 'gradNorms'])).toBe(false);
    expect(chartsShowViews(['loss', 'digits'])).toBe(true);
    expect(chartsShowViews(['boundary'])).toBe(true);
  });
});
