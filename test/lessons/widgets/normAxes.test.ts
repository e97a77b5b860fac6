import { describe, expect, it } from 'vitest';
import { BatchNorm2d } from '../../../src/engine/layers/batchNorm';
import { GroupNorm } from '../../../src/engine/layers/groupNorm';
import { InstanceNorm2d } from '../../../src/engine/layers/instanceNorm2d';
import type { Layer } from '../../../src/engine/layers/layer';
import { LayerNorm } from '../../../src/engine/layers/layerNorm';
import { tensor } from '../../../src/engine/tensor';
import {
  cubeIndices,
  flatIndex,
  reducedAxesSentence,
  sharedWith,
  statisticsCount,
  validGroupCounts,
  type CubeIndex,
  type CubeShape,
  type NormMethod,
} from '../../../src/lessons/widgets/normAxes';
import { randomTensor } from '../../helpers/gradcheck';

const SHAPE: CubeShape = { n: 3, c: 4, h: 2, w: 3 };

function engineLayer(method: NormMethod, shape: CubeShape, groups: number): Layer {
  switch (method) {
    case 'batchNorm':
      return new BatchNorm2d(shape.c);
    case 'layerNorm':
      return new LayerNorm([shape.c, shape.h, shape.w]);
    case 'instanceNorm':
      return new InstanceNorm2d(shape.c);
    case 'groupNorm':
      return new GroupNorm(groups, shape.c);
  }
}

/**
 * The elements whose output changes when the input at `anchor` changes: under a normalization, that is
 * exactly the elements that share the anchor's mean and variance (the engine decides, not the widget).
 */
function engineSharedWith(
  method: NormMethod,
  shape: CubeShape,
  groups: number,
  anchor: CubeIndex,
): Set<number> {
  const dims = [shape.n, shape.c, shape.h, shape.w];
  const x = randomTensor(dims, 7, 1);
  const before = Float32Array.from(engineLayer(method, shape, groups).forward(x, 'train').data);
  const bumped = tensor(dims, Array.from(x.data));
  bumped.data[flatIndex(shape, anchor)]! += 0.5;
  const after = engineLayer(method, shape, groups).forward(bumped, 'train').data;
  const changed = new Set<number>();
  for (let i = 0; i < before.length; i++)
    if (Math.abs(after[i]! - before[i]!) > 1e-6) changed.add(i);
  return changed;
}

const anchors: CubeIndex[] = [
  { n: 0, c: 0, h: 0, w: 0 },
  { n: 2, c: 3, h: 1, w: 2 },
  { n: 1, c: 2, h: 0, w: 1 },
];

describe('sharedWith agrees with the engine layers', () => {
  const cases: [NormMethod, number][] = [
    ['batchNorm', 1],
    ['layerNorm', 1],
    ['instanceNorm', 1],
    ['groupNorm', 1],
    ['groupNorm', 2],
    ['groupNorm', 4],
  ];
  for (const [method, groups] of cases) {
    it(`${method}${method === 'groupNorm' ? ` with G = ${groups}` : ''}`, () => {
      for (const anchor of anchors) {
        expect([...sharedWith(method, SHAPE, groups, anchor)].sort((a, b) => a - b)).toEqual(
          [...engineSharedWith(method, SHAPE, groups, anchor)].sort((a, b) => a - b),
        );
      }
    });
  }
});

describe('the axes picture', () => {
  it('groups as many elements as the reduced axes hold', () => {
    const anchor = { n: 1, c: 1, h: 0, w: 0 };
    // BN: N·H·W = 18; LN: C·H·W = 24; IN: H·W = 6; GN(G = 2): (C/G)·H·W = 12
    expect(sharedWith('batchNorm', SHAPE, 1, anchor).size).toBe(18);
    expect(sharedWith('layerNorm', SHAPE, 1, anchor).size).toBe(24);
    expect(sharedWith('instanceNorm', SHAPE, 1, anchor).size).toBe(6);
    expect(sharedWith('groupNorm', SHAPE, 2, anchor).size).toBe(12);
  });

  it('makes GroupNorm with G = 1 LayerNorm and with G = C InstanceNorm', () => {
    for (const anchor of cubeIndices(SHAPE)) {
      expect(sharedWith('groupNorm', SHAPE, 1, anchor)).toEqual(
        sharedWith('layerNorm', SHAPE, 1, anchor),
      );
      expect(sharedWith('groupNorm', SHAPE, 4, anchor)).toEqual(
        sharedWith('instanceNorm', SHAPE, 1, anchor),
      );
    }
  });

  it('counts the statistics each method computes', () => {
    expect(statisticsCount('batchNorm', SHAPE, 1)).toBe(4);
    expect(statisticsCount('layerNorm', SHAPE, 1)).toBe(3);
    expect(statisticsCount('instanceNorm', SHAPE, 1)).toBe(12);
    expect(statisticsCount('groupNorm', SHAPE, 2)).toBe(6);
  });

  it('names the reduced axes in one sentence per method', () => {
    expect(reducedAxesSentence('batchNorm', SHAPE, 1)).toMatch(
      /^BatchNorm reduces over N, H and W/,
    );
    expect(reducedAxesSentence('layerNorm', SHAPE, 1)).toMatch(
      /^LayerNorm reduces over C, H and W/,
    );
    expect(reducedAxesSentence('instanceNorm', SHAPE, 1)).toMatch(
      /^InstanceNorm reduces over H and W only/,
    );
    expect(reducedAxesSentence('groupNorm', SHAPE, 2)).toBe(
      'GroupNorm reduces over H, W and the 2 channels of a group: each sample gets one mean and variance per group (G = 2, 6 statistics here).',
    );
    expect(reducedAxesSentence('groupNorm', SHAPE, 4)).toContain('With G = C it is InstanceNorm.');
  });

  it('refuses a group count that does not divide the channels, listing the ones that do', () => {
    expect(validGroupCounts(6)).toEqual([1, 2, 3, 6]);
    expect(() => statisticsCount('groupNorm', SHAPE, 3)).toThrow(
      'GroupNorm: 3 groups do not divide 4 channels; choose G among 1, 2, 4',
    );
  });
});
