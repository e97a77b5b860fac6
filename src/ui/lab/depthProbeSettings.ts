import type { DepthProbeOptions } from '../../engine/probes/depthProbe';
import type { LabRunSettings } from '../../lab/labSettings';
import { toInitScheme, toModelSpec } from '../../lab/settings';
import { labRunProbe, PROBE_BATCH_SIZE, probeNormText } from '../../lab/probeSettings';
import { settingValueLabel } from '../../lab/settingsRegistry';

export type DepthProbeRequest =
  | { readonly ok: true; readonly options: DepthProbeOptions; readonly setting: string }
  | { readonly ok: false; readonly reason: string };

/**
 * The depth probe for a run's network at initialization: the same depth, width, activation, init and
 * (when the probe supports it) normalization, on N(0, 1) inputs. A residual MLP is probed block by
 * block, with the blocks the run builds (its norm placement, bias and branch init).
 */
export function depthProbeRequest(s: LabRunSettings): DepthProbeRequest {
  const probe = labRunProbe(s);
  if (!probe.ok) return probe;
  const spec = toModelSpec(s);
  const residualMlp =
    spec.family === 'mlp' && spec.residual === true
      ? {
          normPlacement: spec.normPlacement,
          branchInit: spec.branchInit ?? 'standard',
          bias: spec.bias,
        }
      : undefined;
  const shape = residualMlp
    ? `${s.depth} residual ${s.depth === 1 ? 'block' : 'blocks'} of two layers after a first layer, width ${s.width}`
    : `${s.depth} ${s.depth === 1 ? 'layer' : 'layers'} of width ${s.width}`;
  const start =
    residualMlp && residualMlp.branchInit !== 'standard'
      ? `, branch scale at init: ${settingValueLabel('branchInit', residualMlp.branchInit)}`
      : '';
  return {
    ok: true,
    options: {
      depth: s.depth,
      width: s.width,
      batchSize: PROBE_BATCH_SIZE,
      activation: s.activation,
      init: toInitScheme(s),
      norm: probe.norm,
      ...(residualMlp ? { residualMlp } : {}),
      seed: s.seed,
    },
    setting: `${shape}, ${settingValueLabel('activation', s.activation)}, ${settingValueLabel('init', s.init)} init, ${probeNormText(probe.norm)}${start}`,
  };
}
