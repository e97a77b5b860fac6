import { formatShape, numel, type Shape, type Tensor } from '../tensor';
import {
  checkEps,
  checkPositiveInteger,
  DEFAULT_EPS,
  GroupedNorm,
  type GroupLayout,
  type NormOptions,
} from './normCore';

/**
 * nn.LayerNorm(normalizedShape): each sample is normalised over its trailing dims (e.g. [C] of
 * [N, C], or [C, H, W] of [N, C, H, W]) with its own mean and biased variance; then an elementwise
 * affine y = γ ⊙ x̂ + β with γ, β of shape normalizedShape. Train and eval are the same.
 */
export class LayerNorm extends GroupedNorm {
  readonly kind = 'layerNorm';
  readonly label: string;
  readonly normalizedShape: Shape;
  private readonly normalizedSize: number;

  constructor(normalizedShape: readonly number[], options: NormOptions = {}) {
    const label =
      normalizedShape.length === 1
        ? `LayerNorm(${normalizedShape[0]})`
        : `LayerNorm(${formatShape(normalizedShape)})`;
    if (normalizedShape.length === 0) {
      throw new Error('LayerNorm: normalizedShape must name at least one trailing dim, got []');
    }
    for (const d of normalizedShape) checkPositiveInteger(d, 'every normalizedShape dim', label);
    super(normalizedShape, checkEps(options.eps ?? DEFAULT_EPS, label));
    this.label = label;
    this.normalizedShape = [...normalizedShape];
    this.normalizedSize = numel(normalizedShape);
  }

  protected layoutOf(x: Tensor): GroupLayout {
    const k = this.normalizedShape.length;
    const trailing = x.shape.slice(x.shape.length - k);
    if (x.shape.length < k || trailing.some((d, i) => d !== this.normalizedShape[i])) {
      throw new Error(
        `${this.label}: the trailing dims of the input must be ${formatShape(this.normalizedShape)}, got shape ${formatShape(x.shape)}`,
      );
    }
    return {
      samples: x.data.length / this.normalizedSize,
      groups: 1,
      channelsPerGroup: this.normalizedSize,
      spatial: 1,
    };
  }
}
