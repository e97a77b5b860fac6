import type { LabRunSettings, SettingKey } from './labSettings';
import { SETTING_KEYS, settingConflict } from './settingsRegistry';

/** One setting that had to change because of another one, and why. */
export interface CoherenceFix {
  readonly key: SettingKey;
  readonly reason: string;
}

/**
 * Makes settings that are each valid also valid together, by the registry's rules (the CNN needs
 * images, InstanceNorm needs a CNN, the CNN has tighter size limits, GroupNorm's groups must divide
 * the width). Settings are settled in the registry's order, each against those before it. Every
 * change is reported, so a link that asked for something impossible says what it got instead.
 */
export function makeCoherent(input: LabRunSettings): {
  settings: LabRunSettings;
  fixes: CoherenceFix[];
} {
  let s = input;
  const fixes: CoherenceFix[] = [];
  const settle = <K extends SettingKey>(key: K): void => {
    const conflict = settingConflict(key, s);
    if (!conflict) return;
    s = { ...s, [key]: conflict.instead };
    fixes.push({ key, reason: conflict.reason });
  };
  for (const key of SETTING_KEYS) settle(key);
  return { settings: s, fixes };
}
