import { describe, expect, it } from 'vitest';
import { computeFans } from '../../../src/engine/init/fans';
import { initFormulas } from './initFixture';

describe('computeFans', () => {
  it('matches PyTorch fan_in / fan_out exactly for the init_formulas shapes', () => {
    const f = initFormulas();
    const shapes = f.config['shapes'] as number[][];
    const fanIn = shapes.map((s) => computeFans(s).fanIn);
    const fanOut = shapes.map((s) => computeFans(s).fanOut);
    expect(fanIn).toEqual(f.outputs['fan_in']!.data);
    expect(fanOut).toEqual(f.outputs['fan_out']!.data);
  });

  it('Linear [out, in]: fanIn = in, fanOut = out', () => {
    expect(computeFans([7, 3])).toEqual({ fanIn: 3, fanOut: 7 });
  });

  it('Conv [out, in, kh, kw]: both fans include the kernel area', () => {
    // in·kh·kw = 5·3·2 = 30, out·kh·kw = 4·3·2 = 24
    expect(computeFans([4, 5, 3, 2])).toEqual({ fanIn: 30, fanOut: 24 });
  });

  it('throws for rank < 2, naming the shape', () => {
    expect(() => computeFans([5])).toThrow(/rank ≥ 2.*got shape \[5\]/);
    expect(() => computeFans([])).toThrow(/got shape \[\]/);
  });

  it('throws for a zero or fractional dimension', () => {
    expect(() => computeFans([4, 0])).toThrow(/dimension 1 of shape \[4, 0\] is 0/);
    expect(() => computeFans([2.5, 3])).toThrow(/dimension 0 .* is 2.5/);
  });
});
