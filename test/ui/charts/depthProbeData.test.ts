import { describe, expect, it } from 'vitest';
import type { DepthProbeResult } from '../../../src/engine/probes/depthProbe';
import {
  depthRows,
  layerRanges,
  summarizeDepthProbe,
  unplottableLayers,
} from '../../../src/ui/charts/depthProbeData';

const result: DepthProbeResult = {
  inputStd: 0.998,
  layers: [
    { layer: 1, activationMean: 0.01, activationStd: 0.63, gradNorm: 0.0012, weightGradNorm: 0.02 },
    { layer: 2, activationMean: 0, activationStd: 0.4, gradNorm: 0.005, weightGradNorm: 0.011 },
    { layer: 3, activationMean: 0, activationStd: 0, gradNorm: 0.03, weightGradNorm: 0.004 },
  ],
};

describe('depthRows', () => {
  it('keeps loggable values and turns zeros into gaps', () => {
    expect(depthRows(result)).toEqual([
      { layer: 1, activationStd: 0.63, gradNorm: 0.0012, weightGradNorm: 0.02 },
      { layer: 2, activationStd: 0.4, gradNorm: 0.005, weightGradNorm: 0.011 },
      { layer: 3, activationStd: null, gradNorm: 0.03, weightGradNorm: 0.004 },
    ]);
  });
});

describe('unplottableLayers', () => {
  it('finds the layers a log axis must leave out', () => {
    expect(unplottableLayers(result, 'activationStd').map((l) => l.layer)).toEqual([3]);
    expect(unplottableLayers(result, 'gradNorm')).toEqual([]);
  });
});

describe('layerRanges', () => {
  it('folds consecutive layers into ranges', () => {
    expect(layerRanges([3, 4, 5, 6])).toBe('3–6');
    expect(layerRanges([2, 4, 6, 7, 8, 9])).toBe('2, 4 and 6–9');
    expect(layerRanges([5])).toBe('5');
  });
});

describe('summarizeDepthProbe', () => {
  it('states how both measures change from the first to the last layer', () => {
    expect(summarizeDepthProbe(result, '3 tanh layers, Xavier normal, no normalization')).toBe(
      '3 tanh layers, Xavier normal, no normalization: activation std goes from 0.63 at layer 1 to 0 at layer 3; ' +
        "the gradient at each layer's output goes from 0.0012 at layer 1 to 0.03 at layer 3; " +
        'the weight gradient goes from 0.02 at layer 1 to 0.004 at layer 3. Input std 0.998.',
    );
  });

  it('reads naturally for a single layer', () => {
    const one: DepthProbeResult = { inputStd: 1, layers: [result.layers[0]!] };
    expect(summarizeDepthProbe(one, '1 layer')).toBe(
      "1 layer: activation std 0.63 at layer 1; the gradient at each layer's output 0.0012 at layer 1; " +
        'the weight gradient 0.02 at layer 1. Input std 1.',
    );
  });
});
