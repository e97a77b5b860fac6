import { Elementwise } from './elementwise';

/** nn.Sigmoid: y = 1 / (1 + e^−x), evaluated so that e^(·) never overflows for large |x|. */
export class Sigmoid extends Elementwise {
  readonly kind = 'sigmoid';
  readonly label = 'Sigmoid';

  protected apply(x: Float32Array, y: Float32Array): void {
    for (let i = 0; i < x.length; i++) {
      const v = x[i]!;
      if (v >= 0) {
        y[i] = 1 / (1 + Math.exp(-v));
      } else {
        // e^x / (1 + e^x): the same value, with e^x ≤ 1
        const e = Math.exp(v);
        y[i] = e / (1 + e);
      }
    }
  }

  // dx = dy · y (1 − y)
  protected derive(_x: Float32Array, y: Float32Array, dy: Float32Array, dx: Float32Array): void {
    for (let i = 0; i < y.length; i++) {
      const s = y[i]!;
      dx[i] = dy[i]! * s * (1 - s);
    }
  }
}
