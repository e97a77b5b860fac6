import { numel, type Shape, type Tensor } from '../tensor';
import {
  checkEps,
  DEFAULT_EPS,
  GroupedNorm,
  samplesOverTrailingDims,
  trailingDimsLabel,
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
    const label = trailingDimsLabel('LayerNorm', normalizedShape);
    super(normalizedShape, checkEps(options.eps ?? DEFAULT_EPS, label));
    this.label = label;
    this.normalizedShape = [...normalizedShape];
    this.normalizedSize = numel(normalizedShape);
  }

  protected layoutOf(x: Tensor): GroupLayout {
    return {
      samples: samplesOverTrailingDims(x, this.normalizedShape, this.label),
      groups: 1,
      channelsPerGroup: this.normalizedSize,
      spatial: 1,
    };
  }
}
