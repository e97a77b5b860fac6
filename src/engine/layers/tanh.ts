import { Elementwise } from './elementwise';

/** nn.Tanh. */
export class Tanh extends Elementwise {
  readonly kind = 'tanh';
  readonly label = 'Tanh';

  protected apply(x: Float32Array, y: Float32Array): void {
    for (let i = 0; i < x.length; i++) y[i] = Math.tanh(x[i]!);
  }

  // dx = dy · (1 − y²)
  protected derive(_x: Float32Array, y: Float32Array, dy: Float32Array, dx: Float32Array): void {
    for (let i = 0; i < y.length; i++) {
      const t = y[i]!;
      dx[i] = dy[i]! * (1 - t * t);
    }
  }
}
