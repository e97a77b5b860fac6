import { planRunMemory } from '../engine/train/memoryPlan';
import { NORM_KINDS, NORM_PLACEMENTS } from '../engine/model/spec';
import { makeCoherent } from './coherence';
import type { DatasetId } from './datasets';
import {
  DEFAULT_RUN_SETTINGS,
  OPTIMIZERS,
  type Architecture,
  type LabRunSettings,
} from './labSettings';
import { LAB_DATA_SIZES } from './memoryLimits';
import { toRunConfig } from './settings';
import { SETTINGS, settingLimits } from './settingsRegistry';

/**
 * Every setting's largest value the Lab allows, settled in the registry's order as the Lab form and
 * links settle them: the deepest network, then the widest at that depth, GroupNorm's most groups,
 * then the largest batch for all of that; then the registry settles BatchNorm's ghost batches, the
 * smallest of which (the most statistics) is asked, at that batch.
 */
export function atLargest(s: LabRunSettings): LabRunSettings {
  let out = s;
  for (const key of ['depth', 'width', 'groups', 'batchSize'] as const) {
    if (key === 'groups') out = { ...out, groups: out.width };
    else out = { ...out, [key]: settingLimits(key, out).max };
  }
  return makeCoherent(out).settings;
}

/**
 * Each network the Lab allows for an architecture and dataset at its largest: every normalization,
 * placement, residual choice and optimizer, with depth, width, groups and batch at their largest
 * allowed values (`atLargest`), with what costs the most memory on top: standardized weights (a copy
 * of every hidden weight) with any normalization, and BatchNorm's smallest ghost batches.
 */
export function largestSettings(architecture: Architecture, dataset: DatasetId): LabRunSettings[] {
  const cnn = architecture === 'cnn';
  const network = { ...DEFAULT_RUN_SETTINGS, dataset, architecture };
  const out: LabRunSettings[] = [];
  for (const norm of NORM_KINDS) {
    if (SETTINGS.norm.unavailable?.(norm, network)) continue;
    for (const placement of NORM_PLACEMENTS) {
      for (const residual of cnn ? [true, false] : [true]) {
        for (const optimizer of OPTIMIZERS) {
          out.push(
            atLargest({
              ...network,
              norm,
              placement,
              residual,
              // The branch init that adds the most layers: Fixup's scalars without a norm, α with one.
              branchInit: norm === 'none' ? 'fixup' : 'skipInit',
              weightStandardization: norm !== 'none',
              ghostBatch: norm === 'batchNorm' ? 2 : 0,
              optimizer,
            }),
          );
        }
      }
    }
  }
  return out;
}

/**
 * The most memory-hungry run the Lab allows for an architecture and dataset: of `largestSettings`, the
 * one whose plan is largest. The memory benchmark trains it.
 */
export function largestSetting(architecture: Architecture, dataset: DatasetId): LabRunSettings {
  const total = (s: LabRunSettings) => planRunMemory(toRunConfig(s), LAB_DATA_SIZES[dataset]).total;
  return largestSettings(architecture, dataset).reduce((a, b) => (total(b) > total(a) ? b : a));
}
