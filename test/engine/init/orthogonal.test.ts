import { describe, expect, it } from 'vitest';
import { initWeight } from '../../../src/engine/init/initialize';
import { fillOrthogonal, signCorrectedQ } from '../../../src/engine/init/orthogonal';
import { createRng } from '../../../src/engine/rng';
import { numel, tensor } from '../../../src/engine/tensor';

/** G = M Mᵀ (ofRows) or Mᵀ M for a row-major rows×cols matrix, in float64. */
function gram(m: Float32Array, rows: number, cols: number, ofRows: boolean): Float64Array {
  const k = ofRows ? rows : cols;
  const g = new Float64Array(k * k);
  for (let a = 0; a < k; a++) {
    for (let b = 0; b < k; b++) {
      let sum = 0;
      const len = ofRows ? cols : rows;
      for (let t = 0; t < len; t++) {
        sum += ofRows ? m[a * cols + t]! * m[b * cols + t]! : m[t * cols + a]! * m[t * cols + b]!;
      }
      g[a * k + b] = sum;
    }
  }
  return g;
}

function expectScaledIdentity(g: Float64Array, k: number, scale: number): void {
  for (let a = 0; a < k; a++) {
    for (let b = 0; b < k; b++) {
      const want = a === b ? scale : 0;
      expect(Math.abs(g[a * k + b]! - want), `G[${a}, ${b}]`).toBeLessThan(
        1e-5 * Math.max(1, scale),
      );
    }
  }
}

/**
 * An independent reference: the same N(0, 1) draws as fillOrthogonal, orthonormalised by
 * Gram-Schmidt (run twice for accuracy). Gram-Schmidt's R has a positive diagonal by
 * construction, which is exactly the Q that PyTorch's sign correction selects.
 */
function gramSchmidtOrthogonal(shape: number[], gain: number, seed: number): Float64Array {
  const rng = createRng(seed);
  const rows = shape[0]!;
  const cols = numel(shape) / rows;
  const transpose = rows < cols;
  const m = transpose ? cols : rows;
  const n = transpose ? rows : cols;
  const columns = Array.from({ length: n }, () => new Float64Array(m));
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) {
      const z = rng.normal();
      if (transpose) columns[i]![j] = z;
      else columns[j]![i] = z;
    }
  }
  for (let j = 0; j < n; j++) {
    const v = columns[j]!;
    for (let pass = 0; pass < 2; pass++) {
      for (let p = 0; p < j; p++) {
        const q = columns[p]!;
        let dot = 0;
        for (let i = 0; i < m; i++) dot += q[i]! * v[i]!;
        for (let i = 0; i < m; i++) v[i]! -= dot * q[i]!;
      }
    }
    let norm = 0;
    for (let i = 0; i < m; i++) norm += v[i]! * v[i]!;
    norm = Math.sqrt(norm);
    for (let i = 0; i < m; i++) v[i]! /= norm;
  }
  const out = new Float64Array(rows * cols);
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) {
      out[i * cols + j] = gain * (transpose ? columns[i]![j]! : columns[j]![i]!);
    }
  }
  return out;
}

describe('signCorrectedQ', () => {
  it('hand-worked 2×2: Q of [[3, 1], [4, 2]] with a positive-diagonal R', () => {
    // q₁ = (3, 4)/5 = (0.6, 0.8); (1, 2) − 2.2·q₁ = (−0.32, 0.24), norm 0.4 → q₂ = (−0.8, 0.6)
    const q = signCorrectedQ(Float64Array.from([3, 1, 4, 2]), 2, 2);
    const want = [0.6, -0.8, 0.8, 0.6];
    want.forEach((w, i) => expect(q[i]).toBeCloseTo(w, 14));
  });

  it('hand-worked tall 3×2 with a negative leading entry: the sign follows R, not the reflector', () => {
    // column 1 = (−2, 0, 0) → q₁ = (−1, 0, 0) since R₁₁ = +2
    // column 2 = (5, 3, 4): minus (q₁·c₂)q₁ = −5·q₁ → (0, 3, 4), norm 5 → q₂ = (0, 0.6, 0.8)
    const q = signCorrectedQ(Float64Array.from([-2, 5, 0, 3, 0, 4]), 3, 2);
    const want = [-1, 0, 0, 0.6, 0, 0.8];
    want.forEach((w, i) => expect(q[i]).toBeCloseTo(w, 14));
  });

  it('throws for a wide matrix', () => {
    expect(() => signCorrectedQ(new Float64Array(6), 2, 3)).toThrow(/needs a tall matrix/);
  });
});

describe('orthogonal init', () => {
  it('tall [50, 20]: WᵀW = gain²·I', () => {
    const w = tensor([50, 20]);
    initWeight(w, { kind: 'orthogonal', gain: 2 }, createRng(11));
    expectScaledIdentity(gram(w.data, 50, 20, false), 20, 4);
  });

  it('wide conv [16, 8, 3, 3] flattens to 16×72 with orthonormal rows: WWᵀ = gain²·I', () => {
    const w = tensor([16, 8, 3, 3]);
    initWeight(w, { kind: 'orthogonal', gain: 0.5 }, createRng(12));
    expectScaledIdentity(gram(w.data, 16, 72, true), 16, 0.25);
  });

  it('square [24, 24]: both WᵀW and WWᵀ are the identity', () => {
    const w = tensor([24, 24]);
    initWeight(w, { kind: 'orthogonal', gain: 1 }, createRng(13));
    expectScaledIdentity(gram(w.data, 24, 24, false), 24, 1);
    expectScaledIdentity(gram(w.data, 24, 24, true), 24, 1);
  });

  it('equals the positive-diagonal-R QR of the same Gaussian draws (PyTorch sign correction)', () => {
    for (const [shape, seed] of [
      [[9, 5], 21],
      [[5, 9], 22],
      [[4, 3, 2, 2], 23],
      [[7, 7], 24],
    ] as const) {
      const out = new Float32Array(numel(shape));
      fillOrthogonal(out, shape, 1.25, createRng(seed));
      const want = gramSchmidtOrthogonal([...shape], 1.25, seed);
      for (let i = 0; i < out.length; i++) {
        expect(
          Math.abs(out[i]! - want[i]!),
          `shape [${shape.join(', ')}] element ${i}`,
        ).toBeLessThan(1e-6);
      }
    }
  });

  it('same seed gives identical bits; another seed gives another matrix', () => {
    const a = tensor([10, 30]);
    const b = tensor([10, 30]);
    const c = tensor([10, 30]);
    initWeight(a, { kind: 'orthogonal', gain: 1 }, createRng(5));
    initWeight(b, { kind: 'orthogonal', gain: 1 }, createRng(5));
    initWeight(c, { kind: 'orthogonal', gain: 1 }, createRng(6));
    expect(b.data).toEqual(a.data);
    expect(c.data).not.toEqual(a.data);
  });
});
