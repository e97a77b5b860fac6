import { formatShape, type Tensor } from '../tensor';
import {
  checkEps,
  checkPositiveInteger,
  DEFAULT_EPS,
  GroupedNorm,
  type GroupLayout,
  type NormOptions,
} from './normCore';

/**
 * nn.GroupNorm on [N, C, *] (any rank ≥ 2): each group of C/G consecutive channels of a sample,
 * with all their positions, is normalised with its own mean and biased variance; then
 * y = γ_c x̂ + β_c per channel. Independent of the batch, so train and eval are the same.
 */
export class GroupNorm extends GroupedNorm {
  readonly kind = 'groupNorm';
  readonly label: string;

  constructor(
    readonly numGroups: number,
    readonly numChannels: number,
    options: NormOptions = {},
  ) {
    const label = `GroupNorm(${numGroups}, ${numChannels})`;
    checkPositiveInteger(numGroups, 'numGroups', label);
    checkPositiveInteger(numChannels, 'numChannels', label);
    if (numChannels % numGroups !== 0) {
      const divisors = [];
      for (let g = 1; g <= numChannels; g++) if (numChannels % g === 0) divisors.push(g);
      throw new Error(
        `GroupNorm: ${numGroups} groups do not divide ${numChannels} channels; choose G among ${divisors.join(', ')}`,
      );
    }
    super([numChannels], checkEps(options.eps ?? DEFAULT_EPS, label));
    this.label = label;
  }

  protected layoutOf(x: Tensor): GroupLayout {
    if (x.shape.length < 2 || x.shape[1] !== this.numChannels) {
      throw new Error(
        `${this.label}: expected an input [N, ${this.numChannels}, ...] (rank ≥ 2, ${this.numChannels} channels in dim 1), got shape ${formatShape(x.shape)}`,
      );
    }
    const samples = x.shape[0]!;
    return {
      samples,
      groups: this.numGroups,
      channelsPerGroup: this.numChannels / this.numGroups,
      spatial: samples === 0 ? 0 : x.data.length / (samples * this.numChannels),
    };
  }
}
