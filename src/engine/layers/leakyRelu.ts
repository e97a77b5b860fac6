import { Elementwise } from './elementwise';

/** nn.LeakyReLU: y = x for x > 0, else slope·x. The gradient at exactly 0 is the slope, as in PyTorch. */
export class LeakyReLU extends Elementwise {
  readonly kind = 'leakyRelu';
  readonly label: string;

  constructor(readonly negativeSlope = 0.01) {
    super();
    if (!Number.isFinite(negativeSlope)) {
      throw new Error(`LeakyReLU: negativeSlope must be a finite number, got ${negativeSlope}`);
    }
    this.label = `LeakyReLU(${negativeSlope})`;
  }

  protected apply(x: Float32Array, y: Float32Array): void {
    const slope = this.negativeSlope;
    for (let i = 0; i < x.length; i++) {
      const v = x[i]!;
      y[i] = v > 0 ? v : v * slope;
    }
  }

  // dx = dy · (x > 0 ? 1 : slope)
  protected derive(x: Float32Array, _y: Float32Array, dy: Float32Array, dx: Float32Array): void {
    const slope = this.negativeSlope;
    for (let i = 0; i < x.length; i++) dx[i] = x[i]! > 0 ? dy[i]! : dy[i]! * slope;
  }
}
