import { z } from 'zod';
import { ACTIVATIONS, NORM_KINDS, NORM_PLACEMENTS } from '../engine/model/spec';
import { DATASET_IDS } from './datasets';
import {
  ARCHITECTURES,
  CUSTOM_DISTRIBUTIONS,
  CUSTOM_FAN_MODES,
  LAB_INIT_KINDS,
  OPTIMIZERS,
  VALIDATION_MODES,
  type LabRunSettings,
  type SettingKey,
} from './labSettings';

/**
 * Every Lab setting in one typed table (as TensorFlow Playground's state.ts): its URL parameter, its
 * type and what is allowed (defaults live in DEFAULT_RUN_SETTINGS). The URL parser validates each value
 * against `schema`, so a hand-edited link cannot bypass the limits the controls enforce.
 */
export interface SettingField<T> {
  /** The URL parameter, after the run letter: `a.lr`. */
  readonly param: string;
  readonly type: 'choice' | 'integer' | 'number' | 'boolean';
  /** What is allowed, in words: "a number from 0.0001 to 10". */
  readonly allowed: string;
  /** Parses the URL text. */
  readonly schema: z.ZodType<T, string>;
  /** Numbers only: the range the controls offer. */
  readonly min?: number;
  readonly max?: number;
}

// Linear time: every digit can be matched one way only. The former `\d+\.?\d*` could split a run of
// digits in n ways, and a 200,000-digit value froze a tab for 23 s (reliability audit, H2).
export const NUMBER_TEXT = /^[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i;

function choice<const T extends readonly [string, ...string[]]>(
  param: string,
  values: T,
): SettingField<T[number]> {
  const allowed = `one of ${values.join(', ')}`;
  return { param, type: 'choice', allowed, schema: z.enum(values, { error: `is not ${allowed}` }) };
}

function numeric(
  param: string,
  min: number,
  max: number,
  kind: 'integer' | 'number',
): SettingField<number> {
  const allowed = `${kind === 'integer' ? 'a whole number' : 'a number'} from ${min} to ${max}`;
  const error = `is not ${allowed}`;
  const range =
    kind === 'integer'
      ? z.number().int({ error }).min(min, { error }).max(max, { error })
      : z.number().min(min, { error }).max(max, { error });
  return {
    param,
    type: kind,
    allowed,
    min,
    max,
    schema: z
      .string()
      .trim()
      .regex(NUMBER_TEXT, { error })
      // `+ 0` turns -0 into 0, which a link writes back as "0" (found by the property test).
      .transform((text) => Number(text) + 0)
      .pipe(range),
  };
}

function flag(param: string): SettingField<boolean> {
  const allowed = 'true or false';
  return {
    param,
    type: 'boolean',
    allowed,
    schema: z
      .enum(['true', 'false'], { error: `is not ${allowed}` })
      .transform((v) => v === 'true'),
  };
}

export const SETTINGS_TABLE: { readonly [K in SettingKey]: SettingField<LabRunSettings[K]> } = {
  dataset: choice('data', DATASET_IDS),
  noise: numeric('noise', 0, 0.5, 'number'),
  architecture: choice('arch', ARCHITECTURES),
  depth: numeric('depth', 1, 100, 'integer'),
  width: numeric('width', 2, 512, 'integer'),
  activation: choice('act', ACTIVATIONS),
  norm: choice('norm', NORM_KINDS),
  groups: numeric('groups', 1, 512, 'integer'),
  placement: choice('place', NORM_PLACEMENTS),
  residual: flag('res'),
  init: choice('init', LAB_INIT_KINDS),
  initDistribution: choice('dist', CUSTOM_DISTRIBUTIONS),
  initFanMode: choice('fan', CUSTOM_FAN_MODES),
  initGain: numeric('gain', 0.01, 10, 'number'),
  initMultiplier: numeric('mult', 0, 10, 'number'),
  optimizer: choice('opt', OPTIMIZERS),
  learningRate: numeric('lr', 0.0001, 10, 'number'),
  batchSize: numeric('batch', 1, 512, 'integer'),
  seed: numeric('seed', 0, 4294967295, 'integer'),
  validationMode: choice('val', VALIDATION_MODES),
};

/** Every setting, in the order links list them. */
export const SETTING_KEYS = Object.keys(SETTINGS_TABLE) as readonly SettingKey[];

/** The CNN's tighter limits (each of its blocks is far more work than an MLP layer). */
export const CNN_LIMITS = { maxDepth: 16, maxWidth: 64 } as const;
