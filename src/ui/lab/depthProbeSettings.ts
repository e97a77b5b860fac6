import type { DepthProbeOptions } from '../../engine/probes/depthProbe';
import type { LabRunSettings } from '../../lab/labSettings';
import { toInitScheme } from '../../lab/settings';
import { settingValueLabel } from '../../lab/settingsRegistry';

/** Samples pushed through the untrained network: enough for stable statistics, quick to answer. */
export const PROBE_BATCH = 64;

export type DepthProbeRequest =
  | { readonly ok: true; readonly options: DepthProbeOptions; readonly setting: string }
  | { readonly ok: false; readonly reason: string };

/**
 * The depth probe for a run's network at initialization: the same depth, width, activation, init and
 * (when the probe supports it) normalization, on N(0, 1) inputs.
 */
export function depthProbeRequest(s: LabRunSettings): DepthProbeRequest {
  if (s.architecture !== 'mlp') {
    return {
      ok: false,
      reason:
        'The signal probe measures plain fully connected networks. Switch the architecture to MLP to see how the signal changes with depth.',
    };
  }
  if (s.norm === 'groupNorm' || s.norm === 'instanceNorm') {
    return {
      ok: false,
      reason: `The signal probe measures no normalization, BatchNorm, LayerNorm or RMSNorm, not ${settingValueLabel('norm', s.norm)}.`,
    };
  }
  const norm = s.norm === 'none' ? 'no normalization' : settingValueLabel('norm', s.norm);
  return {
    ok: true,
    options: {
      depth: s.depth,
      width: s.width,
      batchSize: PROBE_BATCH,
      activation: s.activation,
      init: toInitScheme(s),
      norm: s.norm,
      seed: s.seed,
    },
    setting: `${s.depth} ${s.depth === 1 ? 'layer' : 'layers'} of width ${s.width}, ${settingValueLabel('activation', s.activation)}, ${settingValueLabel('init', s.init)} init, ${norm}`,
  };
}
