import { describe, expect, it } from 'vitest';
import { makeCoherent } from '../../src/lab/coherence';
import {
  DEFAULT_RUN_SETTINGS,
  type LabRunSettings,
  type SettingKey,
} from '../../src/lab/labSettings';
import {
  CNN_LIMITS,
  groupChoices,
  SETTING_GROUPS,
  SETTING_KEYS,
  SETTINGS,
  settingChoices,
  settingConflict,
  settingFormHint,
  settingFormLabel,
  settingLimits,
  settingRelevant,
  settingValueLabel,
} from '../../src/lab/settingsRegistry';
import { decodeLab, encodeLab } from '../../src/lab/urlState';
import { NORM_KINDS } from '../../src/engine/model/spec';
import { formatLimit } from '../../src/lab/formatNumber';

const mlp = DEFAULT_RUN_SETTINGS;
const cnn: LabRunSettings = { ...DEFAULT_RUN_SETTINGS, dataset: 'mnist14', architecture: 'cnn' };
const contexts = { mlp, cnn };

/** Every value a setting can hold, with settings that allow it: each choice, each number's ends and middle. */
function valuesOf<K extends SettingKey>(
  key: K,
): { value: LabRunSettings[K]; context: LabRunSettings }[] {
  const spec = SETTINGS[key];
  if (key === 'groups') {
    // Each count paired with a width it divides.
    return [1, 3, 4, 64, 512].map((g) => ({
      value: g as LabRunSettings[K],
      context: { ...mlp, width: Math.max(2, g) },
    }));
  }
  if (key === 'branchInit') {
    // Each start paired with a residual network whose normalization allows it.
    return (spec.choices?.(mlp) ?? []).map((value) => ({
      value,
      context: {
        ...mlp,
        architecture: 'resmlp',
        norm: value === 'zeroGamma' ? 'batchNorm' : 'none',
      },
    }));
  }
  if (key === 'weightStandardization') {
    // On needs a normalization to follow each layer.
    return [true, false].map((v) => ({
      value: v as LabRunSettings[K],
      context: { ...cnn, norm: 'groupNorm', groups: 4 },
    }));
  }
  if (key === 'ghostBatch') {
    // Each ghost size paired with a BatchNorm run whose batch it divides.
    const context: LabRunSettings = { ...mlp, norm: 'batchNorm', batchSize: 32 };
    return (spec.choices?.(context) ?? []).map((value) => ({ value, context }));
  }
  const choices = spec.choices?.(mlp);
  if (choices) {
    return choices.map((value) => ({
      value,
      context: settingConflict(key, { ...mlp, [key]: value }) ? cnn : mlp,
    }));
  }
  if (spec.type === 'boolean') {
    return [true, false].map((v) => ({ value: v as LabRunSettings[K], context: cnn }));
  }
  const min = spec.min ?? 0;
  const max = spec.max ?? 0;
  const middle = spec.type === 'integer' ? Math.round((min + max) / 2) : (min + max) / 3;
  // One group divides every width.
  const context = { ...mlp, groups: 1 };
  return [min, middle, max].map((v) => ({ value: v as LabRunSettings[K], context }));
}

describe('the settings registry', () => {
  it('names, explains and places every setting', () => {
    const groups: readonly string[] = SETTING_GROUPS.map((g) => g.id);
    for (const key of SETTING_KEYS) {
      const spec = SETTINGS[key];
      expect(spec.label, key).toMatch(/^[A-Z]\S/);
      expect(spec.hint, key).toMatch(/^[A-Z].{8,}\.$/);
      expect(groups, key).toContain(spec.group);
      for (const s of Object.values(contexts)) {
        expect(settingFormLabel(key, s), key).toMatch(/^[A-Z]/);
        expect(settingFormHint(key, s), key).toMatch(/^\S.{8,}\.$/);
      }
    }
    expect(new Set(SETTING_KEYS.map((k) => SETTINGS[k].label)).size).toBe(SETTING_KEYS.length);
    expect(new Set(SETTING_KEYS.map((k) => SETTINGS[k].param)).size).toBe(SETTING_KEYS.length);
  });

  it('gives every setting its choices or its limits', () => {
    for (const key of SETTING_KEYS) {
      const spec = SETTINGS[key];
      if (spec.type === 'choice') {
        const choices = settingChoices(key, mlp) ?? [];
        expect(choices.length, key).toBeGreaterThan(1);
        for (const c of choices) expect(c.label, `${key}=${String(c.value)}`).toMatch(/\S/);
      } else if (spec.type === 'boolean') {
        expect([
          settingValueLabel(key, true as never),
          settingValueLabel(key, false as never),
        ]).toEqual(['on', 'off']);
      } else {
        const { min, max } = settingLimits(key, mlp);
        expect(min, key).toBeLessThan(max);
        expect(spec.allowed, key).toBe(
          `${spec.type === 'integer' ? 'a whole number' : 'a number'} from ${formatLimit(min)} to ${formatLimit(max)}`,
        );
      }
    }
  });

  it('round-trips every value of every setting through a link', () => {
    for (const key of SETTING_KEYS) {
      for (const { value, context } of valuesOf(key)) {
        const run = { ...context, [key]: value };
        expect(makeCoherent(run).fixes, `${key}=${String(value)}`).toEqual([]);
        const decoded = decodeLab(encodeLab([run]));
        expect(decoded.notices, `${key}=${String(value)}`).toEqual([]);
        expect(decoded.runs, `${key}=${String(value)}`).toEqual([run]);
      }
    }
  });

  it('parses each value through the schema lessons and links share, and refuses what is not allowed', () => {
    expect(SETTINGS.norm.schema.safeParse('batchNorm').success).toBe(true);
    expect(SETTINGS.norm.schema.safeParse('batchnorm').success).toBe(false);
    expect(SETTINGS.depth.schema.safeParse('101').success).toBe(false);
    expect(SETTINGS.depth.schema.safeParse('2.5').success).toBe(false);
    expect(SETTINGS.residual.schema.safeParse('false').data).toBe(false);
  });
});

describe('ghost batches and weight standardization', () => {
  it('offers ghost batch sizes that divide the batch, and replaces one that does not', () => {
    const bn: LabRunSettings = { ...mlp, norm: 'batchNorm', batchSize: 32 };
    expect(settingChoices('ghostBatch', bn)?.map((c) => c.value)).toEqual([0, 2, 4, 8, 16]);
    expect(settingRelevant('ghostBatch', bn)).toBe(true);
    expect(settingRelevant('ghostBatch', { ...bn, norm: 'groupNorm' })).toBe(false);
    expect(makeCoherent({ ...bn, ghostBatch: 6 }).settings.ghostBatch).toBe(4);
    expect(makeCoherent({ ...bn, ghostBatch: 32 }).settings.ghostBatch).toBe(0);
    // A ghost batch as large as the batch is plain BatchNorm.
    expect(makeCoherent({ ...bn, ghostBatch: 64 }).settings.ghostBatch).toBe(0);
    expect(makeCoherent({ ...bn, ghostBatch: 1 }).settings.ghostBatch).toBe(0);
  });

  it('offers weight standardization only with a normalization', () => {
    const gn: LabRunSettings = {
      ...mlp,
      norm: 'groupNorm',
      groups: 4,
      weightStandardization: true,
    };
    expect(makeCoherent(gn).fixes).toEqual([]);
    expect(settingConflict('weightStandardization', { ...gn, norm: 'none' })?.reason).toMatch(
      /needs a normalization/,
    );
    expect(makeCoherent({ ...gn, norm: 'none' }).settings.weightStandardization).toBe(false);
    expect(settingFormHint('weightStandardization', gn)).toContain('arXiv:1903.10520');
  });
});

describe('the normalization hint', () => {
  it('says, for the chosen normalization, what it does and where it is used today, citing the paper', () => {
    for (const norm of NORM_KINDS) {
      const hint = settingFormHint('norm', { ...cnn, norm });
      expect(hint, norm).toMatch(/arXiv:\d{4}\.\d{5}/);
      if (norm !== 'none') expect(hint, norm).toContain(settingValueLabel('norm', norm));
    }
    const rms = settingFormHint('norm', { ...mlp, norm: 'rmsNorm' });
    expect(rms).toContain('arXiv:1910.07467');
    expect(rms).toMatch(/language models/);
    expect(rms).toMatch(/pre-normalization/);
    expect(settingFormHint('norm', { ...mlp, norm: 'layerNorm' })).toMatch(/Transformer/);
    expect(settingFormHint('norm', { ...mlp, norm: 'batchNorm' })).toMatch(/convolutional/);
  });
});

describe('availability rules', () => {
  it('offers InstanceNorm only in the CNN', () => {
    const instance = (s: LabRunSettings) =>
      settingChoices('norm', s)?.find((c) => c.value === 'instanceNorm');
    expect(instance(mlp)).toMatchObject({ label: 'InstanceNorm', unavailable: 'CNN only' });
    expect(instance(cnn)?.unavailable).toBeUndefined();
    expect(settingConflict('norm', { ...mlp, norm: 'instanceNorm' })).toEqual({
      short: 'CNN only',
      reason: 'InstanceNorm normalizes over image pixels, so it needs the CNN',
      instead: 'none',
    });
  });

  it('offers the CNN only for images', () => {
    const cnnChoice = (s: LabRunSettings) =>
      settingChoices('architecture', s)?.find((c) => c.value === 'cnn');
    expect(cnnChoice(mlp)?.unavailable).toBe('MNIST only');
    expect(cnnChoice({ ...mlp, dataset: 'mnist28' })?.unavailable).toBeUndefined();
    expect(settingConflict('architecture', { ...mlp, architecture: 'cnn' })?.reason).toBe(
      'the CNN needs images, and Spiral has 2-D points',
    );
  });

  it('caps the CNN at its own depth and width, in the limits, the hints and the fixes', () => {
    expect(settingLimits('depth', mlp)).toEqual({ min: 1, max: 100 });
    expect(settingLimits('depth', cnn)).toEqual({ min: 1, max: CNN_LIMITS.maxDepth });
    expect(settingLimits('width', cnn)).toEqual({ min: 2, max: CNN_LIMITS.maxWidth });
    expect(settingFormHint('depth', cnn)).toContain(`(1 to ${CNN_LIMITS.maxDepth})`);
    expect(settingFormHint('width', mlp)).toContain('(2 to 512)');
    expect(settingConflict('depth', { ...cnn, depth: 40 })).toMatchObject({
      instead: CNN_LIMITS.maxDepth,
      reason: `the CNN has at most ${CNN_LIMITS.maxDepth} blocks`,
    });
    expect(settingConflict('depth', { ...mlp, depth: 40 })).toBeUndefined();
  });

  it('lists only group counts that divide the width', () => {
    expect(groupChoices(12)).toEqual([1, 2, 3, 4, 6, 12]);
    expect(groupChoices(7)).toEqual([1, 7]);
    expect(settingChoices('groups', { ...mlp, width: 12 })?.map((c) => c.value)).toEqual([
      1, 2, 3, 4, 6, 12,
    ]);
    expect(settingConflict('groups', { ...mlp, width: 30, groups: 4 })?.instead).toBe(3);
  });

  it('replaces every choice it rules out with one it allows, as makeCoherent does', () => {
    for (const [name, context] of Object.entries(contexts)) {
      for (const key of SETTING_KEYS) {
        for (const choice of settingChoices(key, context) ?? []) {
          if (!choice.unavailable) continue;
          const asked = { ...context, [key]: choice.value };
          const conflict = settingConflict(key, asked);
          const { settings, fixes } = makeCoherent(asked);
          expect(
            fixes.map((f) => f.reason),
            `${name}: ${key}`,
          ).toContain(conflict?.reason);
          expect(settings[key], `${name}: ${key}`).toBe(conflict?.instead);
          expect(makeCoherent(settings).fixes, `${name}: ${key}`).toEqual([]);
        }
      }
    }
  });

  it('shows a setting only where it does something', () => {
    expect(settingRelevant('noise', mlp)).toBe(true);
    expect(settingRelevant('noise', cnn)).toBe(false);
    expect(settingRelevant('residual', cnn)).toBe(true);
    expect(settingRelevant('residual', mlp)).toBe(false);
    expect(settingRelevant('groups', { ...mlp, norm: 'groupNorm' })).toBe(true);
    expect(settingRelevant('placement', mlp)).toBe(false);
    expect(settingRelevant('initGain', { ...mlp, init: 'custom' })).toBe(true);
    expect(settingRelevant('initGain', mlp)).toBe(false);
  });
});
