import { describe, expect, it } from 'vitest';
import { gemmBlocked } from '../../../src/engine/kernels/gemmBlocked';
import { gemmReference } from '../../../src/engine/kernels/gemmReference';
import { createRng } from '../../../src/engine/rng';

// The exhaustive shape sweep for every fast path is in gemmFast.test.ts; this pins the JS fallback on
// sizes that leave remainders in every 4×4 block direction.
describe('gemmBlocked', () => {
  it('matches the reference on 7×5×6 with remainders in every direction, all transposes', () => {
    const rng = createRng(3);
    const rand = (n: number) => Float32Array.from({ length: n }, () => rng.normal());
    const [M, K, N] = [7, 5, 6];
    const A = rand(M * K);
    const B = rand(K * N);
    for (const transA of [false, true]) {
      for (const transB of [false, true]) {
        const expected = new Float32Array(M * N);
        const actual = new Float32Array(M * N);
        gemmReference({ transA, transB, M, N, K, A, B, C: expected, accumulate: false });
        gemmBlocked({ transA, transB, M, N, K, A, B, C: actual, accumulate: false });
        actual.forEach((v, i) => expect(v).toBeCloseTo(expected[i]!, 4));
      }
    }
  });
});
