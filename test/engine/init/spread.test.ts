import { describe, expect, it } from 'vitest';
import { initWeight } from '../../../src/engine/init/initialize';
import { theoreticalSpread } from '../../../src/engine/init/spread';
import { createRng } from '../../../src/engine/rng';
import { tensor } from '../../../src/engine/tensor';
import { formulaCases, initFormulas, relClose } from './initFixture';

describe('theoreticalSpread', () => {
  it('gives the init_formulas bounds and stds (uniform std = bound/√3, normal has no bound)', () => {
    for (const c of formulaCases(initFormulas())) {
      const spread = theoreticalSpread(c.scheme, c.shape);
      expect(spread.mean).toBe(0);
      if (c.quantity === 'bound') {
        expect(relClose(spread.bound!, c.expected), `${c.what}: bound ${spread.bound}`).toBe(true);
        expect(spread.std).toBeCloseTo(spread.bound! / Math.sqrt(3), 15);
      } else {
        expect(relClose(spread.std, c.expected), `${c.what}: std ${spread.std}`).toBe(true);
        expect(spread.bound).toBeUndefined();
      }
    }
  });

  it('uniform(low, high): centre, half-width and std (high − low)/√12', () => {
    // U(−1, 3): mean 1, half-width 2, std 4/√12 = 2/√3
    expect(theoreticalSpread({ kind: 'uniform', low: -1, high: 3 }, [2, 2])).toEqual({
      mean: 1,
      std: expect.closeTo(2 / Math.sqrt(3), 14),
      bound: 2,
    });
  });

  it('normal, zeros and constant', () => {
    expect(theoreticalSpread({ kind: 'normal', mean: -0.5, std: 0.1 }, [3, 3])).toEqual({
      mean: -0.5,
      std: 0.1,
    });
    expect(theoreticalSpread({ kind: 'zeros' }, [3, 3])).toEqual({ mean: 0, std: 0 });
    expect(theoreticalSpread({ kind: 'constant', value: 0.7 }, [3, 3])).toEqual({
      mean: 0.7,
      std: 0,
    });
  });

  it('pytorchDefault: bound 1/√fanIn for a conv weight', () => {
    // [6, 4, 3, 3]: fanIn = 36, bound 1/6
    const s = theoreticalSpread({ kind: 'pytorchDefault' }, [6, 4, 3, 3]);
    expect(s.bound).toBeCloseTo(1 / 6, 14);
    expect(s.std).toBeCloseTo(1 / 6 / Math.sqrt(3), 14);
  });

  it('orthogonal: the root mean square of every draw is |gain|/√max(rows, cols)', () => {
    for (const shape of [
      [12, 30],
      [30, 12],
      [6, 2, 3, 3],
    ]) {
      const w = tensor(shape);
      initWeight(w, { kind: 'orthogonal', gain: -1.5 }, createRng(3));
      let sumSq = 0;
      for (const v of w.data) sumSq += v * v;
      const rms = Math.sqrt(sumSq / w.data.length);
      const s = theoreticalSpread({ kind: 'orthogonal', gain: -1.5 }, shape);
      expect(s.bound).toBeUndefined();
      expect(rms).toBeCloseTo(s.std, 5);
    }
    // [12, 30]: 1.5/√30
    expect(theoreticalSpread({ kind: 'orthogonal', gain: -1.5 }, [12, 30]).std).toBeCloseTo(
      1.5 / Math.sqrt(30),
      14,
    );
  });
});
