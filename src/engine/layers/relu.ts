import { Elementwise } from './elementwise';

/** nn.ReLU: y = max(0, x). The gradient at exactly 0 is 0, as in PyTorch. */
export class ReLU extends Elementwise {
  readonly kind = 'relu';
  readonly label = 'ReLU';

  protected apply(x: Float32Array, y: Float32Array): void {
    for (let i = 0; i < x.length; i++) {
      const v = x[i]!;
      y[i] = v > 0 ? v : 0;
    }
  }

  // dx = dy · [x > 0]
  protected derive(x: Float32Array, _y: Float32Array, dy: Float32Array, dx: Float32Array): void {
    for (let i = 0; i < x.length; i++) dx[i] = x[i]! > 0 ? dy[i]! : 0;
  }
}
