import { describe, expect, it } from 'vitest';
import { depthProbe } from '../../../src/engine/probes/depthProbe';
import { checkProbeShape } from '../../../src/engine/probes/depthProbeQuery';
import { reluProbe } from './reluProbe';

const shape = { depth: 10, width: 16, batchSize: 8 };

describe('checkProbeShape', () => {
  it('accepts the edges of what is allowed', () => {
    expect(() => checkProbeShape({ depth: 1, width: 1, batchSize: 2 })).not.toThrow();
    expect(() => checkProbeShape({ depth: 200, width: 4096, batchSize: 2 })).not.toThrow();
  });

  it.each([
    [{ depth: 0 }, 'depth must be a whole number from 1 to 200, got 0'],
    [{ depth: 2.5 }, 'depth must be a whole number from 1 to 200, got 2.5'],
    [{ width: 4097 }, 'width must be a whole number from 1 to 4096, got 4097'],
    [{ batchSize: 1 }, 'batch size must be a whole number of at least 2, got 1'],
  ])('refuses %o, saying what is allowed', (change, message) => {
    expect(() => checkProbeShape({ ...shape, ...change })).toThrow(message);
  });

  it('guards the residual MLP probe too, before it builds anything', () => {
    const residualMlp = { normPlacement: 'before', branchInit: 'standard', bias: false } as const;
    expect(() =>
      depthProbe({ ...reluProbe({ ...shape, seed: 1 }), depth: 0, residualMlp }),
    ).toThrow('depth must be a whole number from 1 to 200, got 0');
    expect(() =>
      depthProbe({ ...reluProbe({ ...shape, seed: 1 }), batchSize: 1, residualMlp }),
    ).toThrow('batch size must be a whole number of at least 2, got 1');
  });
});
