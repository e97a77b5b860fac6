import { erfc } from '../math/erf';
import { Elementwise } from './elementwise';

const INV_SQRT2 = Math.SQRT1_2;
const INV_SQRT_2PI = 1 / Math.sqrt(2 * Math.PI);

/**
 * nn.GELU with approximate='none': y = x·Φ(x), Φ the standard normal CDF, Φ(x) = ½·erfc(−x/√2).
 * Writing Φ with erfc rather than ½(1 + erf(x/√2)) keeps it accurate for large negative x.
 */
export class GELU extends Elementwise {
  readonly kind = 'gelu';
  readonly label = 'GELU';

  protected apply(x: Float32Array, y: Float32Array): void {
    for (let i = 0; i < x.length; i++) {
      const v = x[i]!;
      y[i] = v * 0.5 * erfc(-v * INV_SQRT2);
    }
  }

  // dx = dy · (Φ(x) + x·φ(x)),  φ(x) = e^(−x²/2) / √(2π)
  protected derive(x: Float32Array, _y: Float32Array, dy: Float32Array, dx: Float32Array): void {
    for (let i = 0; i < x.length; i++) {
      const v = x[i]!;
      const cdf = 0.5 * erfc(-v * INV_SQRT2);
      const pdf = Math.exp(-0.5 * v * v) * INV_SQRT_2PI;
      dx[i] = dy[i]! * (cdf + v * pdf);
    }
  }
}
