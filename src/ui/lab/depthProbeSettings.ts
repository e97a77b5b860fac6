import type { DepthProbeOptions } from '../../engine/probes/depthProbe';
import type { LabRunSettings } from '../../lab/labSettings';
import { toInitScheme } from '../../lab/settings';
import { labRunProbe, PROBE_BATCH_SIZE, probeNormText } from '../../lab/probeSettings';
import { settingValueLabel } from '../../lab/settingsRegistry';

export type DepthProbeRequest =
  | { readonly ok: true; readonly options: DepthProbeOptions; readonly setting: string }
  | { readonly ok: false; readonly reason: string };

/**
 * The depth probe for a run's network at initialization: the same depth, width, activation, init and
 * (when the probe supports it) normalization, on N(0, 1) inputs.
 */
export function depthProbeRequest(s: LabRunSettings): DepthProbeRequest {
  const probe = labRunProbe(s);
  if (!probe.ok) return probe;
  return {
    ok: true,
    options: {
      depth: s.depth,
      width: s.width,
      batchSize: PROBE_BATCH_SIZE,
      activation: s.activation,
      init: toInitScheme(s),
      norm: probe.norm,
      seed: s.seed,
    },
    setting: `${s.depth} ${s.depth === 1 ? 'layer' : 'layers'} of width ${s.width}, ${settingValueLabel('activation', s.activation)}, ${settingValueLabel('init', s.init)} init, ${probeNormText(probe.norm)}`,
  };
}
