import type { DepthProbeOptions } from '../../../src/engine/probes/depthProbe';
import { KAIMING_RELU } from '../model/specFixtures';

/**
 * The depth probe's plain baseline: a ReLU stack with Kaiming-normal weights and no normalization,
 * which keeps its signal level at any depth. A caller gives the sizes and the seed.
 */
export function reluProbe(
  size: Pick<DepthProbeOptions, 'depth' | 'width' | 'batchSize' | 'seed'>,
): DepthProbeOptions {
  return { ...size, activation: 'relu', init: KAIMING_RELU, norm: 'none' };
}
