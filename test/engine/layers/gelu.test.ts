import { describe, expect, it } from 'vitest';
import { GELU } from '../../../src/engine/layers/gelu';
import { tensor } from '../../../src/engine/tensor';
import { itIsASmoothActivation } from './activationParity';

// Φ(1) = 0.8413447460685429, φ(1) = e^(−1/2)/√(2π) = 0.24197072451914337
const PHI_1 = 0.8413447460685429;
const PDF_1 = 0.24197072451914337;

describe('GELU', () => {
  it('forward and backward: hand-worked values of the exact erf form', () => {
    const layer = new GELU();
    // y = x·Φ(x): GELU(1) = Φ(1), GELU(−1) = −Φ(−1) = −(1 − Φ(1)), GELU(0) = 0
    const y = layer.forward(tensor([3], [1, -1, 0]), 'train');
    expect(y.data[0]).toBeCloseTo(PHI_1, 7);
    expect(y.data[1]).toBeCloseTo(-(1 - PHI_1), 7);
    expect(y.data[2]).toBe(0);
    // GELU′(x) = Φ(x) + x·φ(x): at 1 → Φ(1) + φ(1); at −1 → 1 − Φ(1) − φ(1); at 0 → 1/2
    const dx = layer.backward(tensor([3], [1, 2, 4]));
    expect(dx.data[0]).toBeCloseTo(PHI_1 + PDF_1, 6);
    expect(dx.data[1]).toBeCloseTo(2 * (1 - PHI_1 - PDF_1), 6);
    expect(dx.data[2]).toBe(2);
  });

  it('keeps the tiny negative tail instead of cancelling it to 0', () => {
    const layer = new GELU();
    // GELU(−10) = −10·Φ(−10) = −7.619853024160593e-23 (1 + erf(−10/√2) would round to 0)
    const y = layer.forward(tensor([2], [-10, -40]), 'train');
    expect(Math.abs(y.data[0]! / -7.619853024160593e-23 - 1)).toBeLessThan(1e-6);
    expect(Math.abs(y.data[1]!)).toBe(0); // −40·Φ(−40) ≈ −1e-350 underflows
    const dx = layer.backward(tensor([2], [1, 1]));
    expect(Array.from(dx.data).every(Number.isFinite)).toBe(true);
  });

  itIsASmoothActivation(() => new GELU(), 'gelu', 'act_gelu', 15);
});
