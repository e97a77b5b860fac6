import { expectRank, formatShape, type Tensor } from '../tensor';
import {
  checkEps,
  checkPositiveInteger,
  DEFAULT_EPS,
  GroupedNorm,
  type GroupLayout,
  type NormOptions,
} from './normCore';

/**
 * nn.InstanceNorm2d(C, affine=True, track_running_stats=False) on [N, C, H, W]: each channel of each
 * sample is normalised over its H·W positions, then y = γ_c x̂ + β_c. It is GroupNorm with one group
 * per channel. No running statistics, so train and eval are the same.
 */
export class InstanceNorm2d extends GroupedNorm {
  readonly kind = 'instanceNorm';
  readonly label: string;

  constructor(
    readonly numFeatures: number,
    options: NormOptions = {},
  ) {
    const label = `InstanceNorm2d(${numFeatures})`;
    checkPositiveInteger(numFeatures, 'numFeatures', label);
    super([numFeatures], checkEps(options.eps ?? DEFAULT_EPS, label));
    this.label = label;
  }

  protected layoutOf(x: Tensor): GroupLayout {
    expectRank(x, 4, this.label);
    const [n, channels, h, w] = x.shape as [number, number, number, number];
    if (channels !== this.numFeatures) {
      throw new Error(
        `${this.label}: expected ${this.numFeatures} channels (dim 1), got shape ${formatShape(x.shape)}`,
      );
    }
    return { samples: n, groups: channels, channelsPerGroup: 1, spatial: h * w };
  }
}
