import { datasetInfo } from './datasets';
import type { LabRunSettings, SettingKey } from './labSettings';
import { CNN_LIMITS } from './settingsTable';

/** One setting that had to change because of another one, and why. */
export interface CoherenceFix {
  readonly key: SettingKey;
  readonly reason: string;
}

/** The group counts GroupNorm accepts for `channels`: its divisors. */
export function groupChoices(channels: number): number[] {
  const out: number[] = [];
  for (let d = 1; d <= channels; d++) if (channels % d === 0) out.push(d);
  return out;
}

/**
 * Makes settings that are each valid also valid together: the CNN needs images, InstanceNorm needs a
 * CNN, the CNN has tighter size limits, and GroupNorm's groups must divide the width. Every change is
 * reported, so a link that asked for something impossible says what it got instead.
 */
export function makeCoherent(input: LabRunSettings): {
  settings: LabRunSettings;
  fixes: CoherenceFix[];
} {
  let s = input;
  const fixes: CoherenceFix[] = [];
  const change = <K extends SettingKey>(key: K, value: LabRunSettings[K], reason: string) => {
    s = { ...s, [key]: value };
    fixes.push({ key, reason });
  };

  const data = datasetInfo(s.dataset);
  if (s.architecture === 'cnn' && data.kind !== 'image') {
    change('architecture', 'mlp', `the CNN needs images, and ${data.label} has 2-D points`);
  }
  if (s.norm === 'instanceNorm' && s.architecture === 'mlp') {
    change('norm', 'none', 'InstanceNorm normalizes over image pixels, so it needs the CNN');
  }
  if (s.architecture === 'cnn' && s.depth > CNN_LIMITS.maxDepth) {
    change('depth', CNN_LIMITS.maxDepth, `the CNN has at most ${CNN_LIMITS.maxDepth} blocks`);
  }
  if (s.architecture === 'cnn' && s.width > CNN_LIMITS.maxWidth) {
    change('width', CNN_LIMITS.maxWidth, `the CNN has at most ${CNN_LIMITS.maxWidth} channels`);
  }
  if (s.width % s.groups !== 0) {
    const fitting = groupChoices(s.width).filter((g) => g <= s.groups);
    const groups = fitting[fitting.length - 1] ?? 1;
    change('groups', groups, `GroupNorm's groups must divide the width (${s.width})`);
  }
  return { settings: s, fixes };
}
