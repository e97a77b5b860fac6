import type { ParamStats } from '../../engine/probes/probe';
import { theoreticalSpread } from '../../engine/init/spread';
import type { LabRunSettings } from '../../lab/labSettings';
import { toInitScheme } from '../../lab/settings';
import { settingValueLabel } from '../../lab/settingsRegistry';
import type { WeightTheoryByName } from '../charts/weightHistogramsData';

/**
 * What the run's init scheme promises for each weight tensor, to draw on the weight histograms.
 * PyTorch's default and the other fan-scaled schemes depend on the tensor's shape, so this is per name.
 */
export function weightTheory(
  settings: LabRunSettings,
  params: readonly ParamStats[],
): WeightTheoryByName {
  const scheme = toInitScheme(settings);
  const theory: Record<string, { std: number; bound?: number; mean: number }> = {};
  for (const p of params) {
    if (p.role !== 'weight') continue;
    const spread = theoreticalSpread(scheme, p.shape);
    theory[p.name] =
      spread.bound === undefined
        ? { std: spread.std, mean: spread.mean }
        : { std: spread.std, mean: spread.mean, bound: spread.bound };
  }
  return theory;
}

export function initLabel(settings: LabRunSettings): string {
  return `${settingValueLabel('init', settings.init)} init`;
}
