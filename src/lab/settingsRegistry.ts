/**
 * The settings registry: every setting of a run, written once (as TensorFlow Playground's state.ts).
 * An entry says what the setting is called and how it is explained, what values it takes (the URL
 * parameter, the schema a link or a lesson block is validated with, the choices or limits), and when
 * the other settings rule a value out ("InstanceNorm needs the CNN"). The URL parser, the coherence
 * pass, lesson validation, the Lab form, the lessons' setting controls and practice checks all read it.
 *
 * To add a setting: add its field to `LabRunSettings` and `DEFAULT_RUN_SETTINGS` (labSettings.ts),
 * then its entry here (the type demands one); everything above picks it up. docs/ARCHITECTURE.md
 * ("Run settings") says more.
 */
import { z } from '../engine/zod';
import { ACTIVATIONS, BRANCH_INITS, NORM_KINDS, NORM_PLACEMENTS } from '../engine/model/spec';
import { DATASET_IDS, datasetInfo, isOwnDataset, LAB_DATASETS } from './datasets';
import { formatLimit, formatNumber } from './formatNumber';
import { BUDGET_TEXT, ghostBatchFits, largestBatch, widestThatFits } from './memoryLimits';
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

/** The Lab form's groups, in order, with their legends. */
export const SETTING_GROUPS = [
  { id: 'data', legend: 'Data' },
  { id: 'network', legend: 'Network' },
  { id: 'normalization', legend: 'Normalization' },
  { id: 'initialization', legend: 'Initialization' },
  { id: 'training', legend: 'Training' },
] as const;
export type SettingGroup = (typeof SETTING_GROUPS)[number]['id'];

/** A value the other settings rule out, and what a run uses instead. */
export interface Unavailable<T> {
  /** Shown beside the option in a menu: "CNN only". */
  readonly short: string;
  /** Why, as a link's or lesson's notice says it: "InstanceNorm normalizes …, so it needs the CNN". */
  readonly reason: string;
  readonly instead: T;
}

/** A tighter maximum that the other settings impose on a number, and why. */
export interface Cap {
  readonly max: number;
  readonly reason: string;
  /**
   * The cap keeps the run within its memory budget (src/lab/memoryLimits.ts): the Lab form and the
   * lessons' controls say so beside the setting, since the range alone would not explain it.
   */
  readonly memory?: boolean;
}

/** A text that may depend on the other settings (a CNN's depth is counted in blocks). */
type InContext<T> = T | ((s: LabRunSettings) => T);

export interface SettingSpec<T> {
  /** The URL parameter, after the run letter: `a.lr`. */
  readonly param: string;
  readonly type: 'choice' | 'integer' | 'number' | 'boolean';
  /** What is allowed, in words: "a number from 0.0001 to 10". */
  readonly allowed: string;
  /** Parses the text of a link or a lesson block. */
  readonly schema: z.ZodType<T, string>;
  /** Numbers only: the widest range any run allows. */
  readonly min?: number;
  readonly max?: number;
  /** Number boxes: the arrows' step. */
  readonly step?: number;
  /** Numbers that span decades (the learning rate): the Lab form adds a log-scale slider. */
  readonly scale?: 'log';

  /** The setting's name wherever it stands alone: a lesson's control, a practice check. */
  readonly label: string;
  /** One neutral line saying what it is (a lesson's control; it must not give an answer away). */
  readonly hint: string;
  /** Where the Lab form puts it. */
  readonly group: SettingGroup;
  /** The Lab form's name, where its group and the architecture already say part of it. */
  readonly formLabel?: InContext<string>;
  /** The Lab form's fuller hint (defaults to `hint`). */
  readonly formHint?: InContext<string>;
  /** Whether the setting does anything with these settings (the Lab form shows only those that do). */
  readonly relevant?: (s: LabRunSettings) => boolean;

  /** Menus: the values to choose from, in order. */
  readonly choices?: (s: LabRunSettings) => readonly T[];
  /** A value as a learner reads it: 'BatchNorm', 'Kaiming normal', '0.1', 'on'. */
  readonly valueLabel: (value: T) => string;
  /** Whether the other settings rule this value out. */
  readonly unavailable?: (value: T, s: LabRunSettings) => Unavailable<T> | undefined;
  /** Numbers: a tighter maximum from the other settings. */
  readonly cap?: (s: LabRunSettings) => Cap | undefined;
}

// Linear time: every digit can be matched one way only. The former `\d+\.?\d*` could split a run of
// digits in n ways, and a 200,000-digit value froze a tab for 23 s (reliability audit, H2).
export const NUMBER_TEXT = /^[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i;

const WIDTH_MIN = 2;
const WIDTH_MAX = 512;
const BATCH_MAX = 512;

/** The CNN's tighter limits (each of its blocks is far more work than an MLP layer). */
export const CNN_LIMITS = { maxDepth: 16, maxWidth: 64 } as const;

/** The group counts GroupNorm accepts for `channels`: its divisors. */
export function groupChoices(channels: number): number[] {
  const out: number[] = [];
  for (let d = 1; d <= channels; d++) if (channels % d === 0) out.push(d);
  return out;
}

/** Ghost batch sizes for `s`'s batch: divisors from 2 to below the batch that fit the memory budget. */
function ghostChoices(s: LabRunSettings): number[] {
  return groupChoices(s.batchSize).filter((g) => g >= 2 && g < s.batchSize && ghostBatchFits(s, g));
}

/** "a whole number from 1 to 512": how limits read in notices and hints. */
export function rangeText(kind: 'integer' | 'number', min: number, max: number): string {
  return `${kind === 'integer' ? 'a whole number' : 'a number'} from ${formatLimit(min)} to ${formatLimit(max)}`;
}

/**
 * A schema built the first time it parses. Every setting's schema was built when this module loaded,
 * and the page loads it before it can draw: a zod schema costs 0.2–1.5 ms to build (a number's chain
 * of six), about 20 ms of the home page's first main-thread tasks for the thirty settings.
 */
function lazySchema<T>(build: () => z.ZodType<T, string>): z.ZodType<T, string> {
  return z.lazy(build);
}

/** How a setting's values are written, parsed and named: what `choice`, `numeric` and `flag` make. */
export type Values<T> = Pick<
  SettingSpec<T>,
  'param' | 'type' | 'allowed' | 'schema' | 'min' | 'max' | 'choices' | 'valueLabel'
>;

export function choice<const T extends readonly [string, ...string[]]>(
  param: string,
  values: T,
  labels: Readonly<Record<T[number], string>> | ((value: T[number]) => string),
): Values<T[number]> {
  const allowed = `one of ${values.join(', ')}`;
  return {
    param,
    type: 'choice',
    allowed,
    schema: lazySchema(() => z.enum(values, { error: `is not ${allowed}` })),
    choices: () => values,
    valueLabel: typeof labels === 'function' ? labels : (value) => labels[value],
  };
}

export function numeric(
  param: string,
  min: number,
  max: number,
  kind: 'integer' | 'number',
): Values<number> {
  const allowed = rangeText(kind, min, max);
  const error = `is not ${allowed}`;
  return {
    param,
    type: kind,
    allowed,
    min,
    max,
    schema: lazySchema(() => {
      const range =
        kind === 'integer'
          ? z.number().int({ error }).min(min, { error }).max(max, { error })
          : z.number().min(min, { error }).max(max, { error });
      return (
        z
          .string()
          .trim()
          .regex(NUMBER_TEXT, { error })
          // `+ 0` turns -0 into 0, which a link writes back as "0" (found by the property test).
          .transform((text) => Number(text) + 0)
          .pipe(range)
      );
    }),
    valueLabel: formatNumber,
  };
}

function flag(param: string): Values<boolean> {
  const allowed = 'true or false';
  return {
    param,
    type: 'boolean',
    allowed,
    schema: lazySchema(() =>
      z.enum(['true', 'false'], { error: `is not ${allowed}` }).transform((v) => v === 'true'),
    ),
    valueLabel: (v) => (v ? 'on' : 'off'),
  };
}

const cnn = (s: LabRunSettings): boolean => s.architecture === 'cnn';
/** Blocks rather than layers: the CNN and the residual MLP count their depth in residual blocks. */
const blocks = (s: LabRunSettings): boolean => s.architecture !== 'mlp';
/** Whether the network has residual branches to scale. */
export const hasResidualBranches = (s: LabRunSettings): boolean =>
  s.architecture === 'resmlp' || (s.architecture === 'cnn' && s.residual);
const customInit = (s: LabRunSettings): boolean => s.init === 'custom';
/** "(1 to 16)": a number's range for these settings, for the Lab form's hints. */
const range = (key: SettingKey, s: LabRunSettings): string => {
  const { min, max } = settingLimits(key, s);
  return `(${min} to ${max})`;
};

/** What each normalization does and where it is used today: the Lab form's hint under the menu. */
export const NORM_HINTS: Readonly<Record<LabRunSettings['norm'], string>> = {
  none: 'No normalization: the signal keeps whatever scale the initialization gives it. Deep networks without it need a careful init or residual branches scaled down at the start (Fixup, arXiv:1901.09321).',
  batchNorm:
    "BatchNorm normalizes each feature with the batch's mean and variance (Ioffe & Szegedy 2015, arXiv:1502.03167). The standard in convolutional networks such as ResNets; it needs batches of more than one and uses running statistics in eval mode.",
  layerNorm:
    "LayerNorm normalizes each sample over its own features (Ba et al. 2016, arXiv:1607.06450), so it ignores the batch. The Transformer's normalization, today usually at the input of each sublayer (pre-normalization, Xiong et al. 2020, arXiv:2002.04745).",
  rmsNorm:
    'RMSNorm divides each sample by the root mean square of its features, with no mean subtracted and no β (Zhang & Sennrich 2019, arXiv:1910.07467). Most current large language models use it, before each sublayer (pre-normalization), as LLaMA does (arXiv:2302.13971).',
  groupNorm:
    'GroupNorm normalizes groups of channels within each sample (Wu & He 2018, arXiv:1803.08494), so it works at any batch size: common in detection and segmentation networks trained with small batches, and in the U-Nets of diffusion models.',
  instanceNorm:
    'InstanceNorm normalizes each channel of each image over its pixels (Ulyanov et al. 2016, arXiv:1607.08022): used in style transfer and image generation, where each image keeps its own contrast.',
};

/** What each branch init does, with its paper: the Lab form's hint under the menu. */
export const BRANCH_INIT_HINTS: Readonly<Record<LabRunSettings['branchInit'], string>> = {
  standard:
    'Every branch starts as the init scheme draws it, so each block adds its branch to the signal: without normalization the variance grows with every block.',
  zeroGamma:
    'The γ of the norm that ends each branch starts at 0, so every block starts as the identity (Goyal et al. 2017, arXiv:1706.02677; torchvision: zero_init_residual).',
  fixup:
    "Fixup (Zhang et al. 2019, arXiv:1901.09321), without normalization: each branch's first layer scaled by 1/√blocks, its last layer and the classifier zero, and learned scalar biases and a multiplier in place of BatchNorm's β and γ.",
  skipInit:
    'SkipInit (De & Smith 2020, arXiv:2002.10444): a learned scalar α, starting at 0, multiplies each branch, so every block starts as the identity.',
  reZero:
    'ReZero (Bachlechner et al. 2020, arXiv:2003.04887), without normalization: each block is x + α·F(x) with a learned α that starts at 0 and no activation after the sum.',
};

export const SETTINGS: { readonly [K in SettingKey]: SettingSpec<LabRunSettings[K]> } = {
  dataset: {
    ...choice('data', DATASET_IDS, (id) => LAB_DATASETS[id].label),
    label: 'Dataset',
    hint: 'What the network learns to classify.',
    group: 'data',
    formHint: (s) => datasetInfo(s.dataset).hint,
  },
  noise: {
    ...numeric('noise', 0, 0.5, 'number'),
    step: 0.05,
    label: 'Noise',
    hint: 'How far the 2-D points scatter.',
    group: 'data',
    formHint: (s) => `How far points scatter from the clean shape ${range('noise', s)}.`,
    // Own points are where the learner put them: nothing to scatter.
    relevant: (s) => datasetInfo(s.dataset).kind === 'points' && !isOwnDataset(s.dataset),
  },
  architecture: {
    ...choice('arch', ARCHITECTURES, {
      mlp: 'MLP (fully connected)',
      resmlp: 'Residual MLP',
      cnn: 'ResNet-like CNN',
    }),
    label: 'Architecture',
    hint: 'Fully connected layers, a residual MLP or a ResNet-like CNN.',
    group: 'network',
    formHint:
      'MLP: a plain stack of fully connected layers. Residual MLP: a first layer, then blocks y = act(x + F(x)) whose branch F is two fully connected layers. CNN: a small ResNet-like convolutional network, for MNIST.',
    unavailable: (value, s) => {
      const data = datasetInfo(s.dataset);
      if (value !== 'cnn' || data.kind === 'image') return undefined;
      return {
        short: 'MNIST only',
        reason: `the CNN needs images, and ${data.label} has 2-D points`,
        instead: 'mlp',
      };
    },
  },
  depth: {
    ...numeric('depth', 1, 100, 'integer'),
    label: 'Depth',
    hint: 'Hidden layers (MLP) or residual blocks (residual MLP, CNN).',
    group: 'network',
    formLabel: (s) => (blocks(s) ? 'Residual blocks' : 'Hidden layers'),
    formHint: (s) =>
      cnn(s)
        ? `Blocks of two 3×3 convolutions after the first one ${range('depth', s)}.`
        : blocks(s)
          ? `Blocks of two fully connected layers after the first one ${range('depth', s)}: 24 blocks make a 50-layer network.`
          : `Fully connected hidden layers ${range('depth', s)}. Deep plain networks show vanishing signals.`,
    cap: (s) =>
      cnn(s)
        ? {
            max: CNN_LIMITS.maxDepth,
            reason: `the CNN has at most ${CNN_LIMITS.maxDepth} blocks`,
          }
        : undefined,
  },
  width: {
    ...numeric('width', WIDTH_MIN, WIDTH_MAX, 'integer'),
    label: 'Width',
    hint: 'Units per hidden layer, or channels per convolution.',
    group: 'network',
    formLabel: (s) => (cnn(s) ? 'Channels' : 'Units per layer'),
    formHint: (s) =>
      cnn(s)
        ? `Feature maps of every convolution ${range('width', s)}.`
        : `Neurons in each hidden layer ${range('width', s)}.`,
    cap: (s) => {
      const limit = cnn(s) ? CNN_LIMITS.maxWidth : WIDTH_MAX;
      const fitting = widestThatFits(s, limit);
      if (fitting < limit) {
        const unit = blocks(s) ? 'blocks' : 'layers';
        return {
          max: Math.max(WIDTH_MIN, fitting),
          reason: `a wider network of ${s.depth} ${unit} would not fit the ${BUDGET_TEXT} of memory a run may use`,
          memory: true,
        };
      }
      return cnn(s)
        ? {
            max: CNN_LIMITS.maxWidth,
            reason: `the CNN has at most ${CNN_LIMITS.maxWidth} channels`,
          }
        : undefined;
    },
  },
  activation: {
    ...choice('act', ACTIVATIONS, {
      relu: 'ReLU',
      leakyRelu: 'LeakyReLU',
      tanh: 'Tanh',
      sigmoid: 'Sigmoid',
      gelu: 'GELU',
    }),
    label: 'Activation',
    hint: 'The nonlinearity after each hidden layer.',
    group: 'network',
    formHint: 'The nonlinearity after each layer. Tanh and Sigmoid saturate; ReLU units can die.',
  },
  norm: {
    ...choice('norm', NORM_KINDS, {
      none: 'None',
      batchNorm: 'BatchNorm',
      layerNorm: 'LayerNorm',
      rmsNorm: 'RMSNorm',
      groupNorm: 'GroupNorm',
      instanceNorm: 'InstanceNorm',
    }),
    label: 'Normalization',
    hint: 'The normalization layer inside every block.',
    group: 'normalization',
    formHint: (s) => NORM_HINTS[s.norm],
    unavailable: (value, s) =>
      value === 'instanceNorm' && !cnn(s)
        ? {
            short: 'CNN only',
            reason: 'InstanceNorm normalizes over image pixels, so it needs the CNN',
            instead: 'none',
          }
        : undefined,
  },
  groups: {
    ...numeric('groups', 1, 512, 'integer'),
    label: 'Groups',
    hint: 'GroupNorm only: channel groups; must divide the width.',
    group: 'normalization',
    formHint: (s) =>
      `GroupNorm splits the ${cnn(s) ? 'channels' : 'units'} into groups; the count must divide ${s.width}.`,
    relevant: (s) => s.norm === 'groupNorm',
    choices: (s) => groupChoices(s.width),
    unavailable: (value, s) => {
      if (s.width % value === 0) return undefined;
      const fitting = groupChoices(s.width).filter((g) => g <= value);
      return {
        short: `does not divide ${s.width}`,
        reason: `GroupNorm's groups must divide the width (${s.width})`,
        instead: fitting[fitting.length - 1] ?? 1,
      };
    },
  },
  placement: {
    ...choice('place', NORM_PLACEMENTS, {
      before: 'Before the activation',
      after: 'After the activation',
    }),
    label: 'Norm placement',
    hint: 'Normalize before or after the activation.',
    group: 'normalization',
    formHint:
      'Before: Linear → Norm → activation, as in the BatchNorm paper. After: Linear → activation → Norm.',
    relevant: (s) => s.norm !== 'none',
  },
  weightStandardization: {
    ...flag('ws'),
    label: 'Weight standardization',
    hint: "Standardize each unit's incoming weights before they are used.",
    group: 'normalization',
    formHint:
      "Each unit's incoming weights are used minus their mean, divided by their spread (Qiao et al. 2019, arXiv:1903.10520); the learned weights stay as they are. It needs a normalization after each layer; with GroupNorm it trains well at batch sizes where BatchNorm struggles.",
    relevant: (s) => s.norm !== 'none',
    unavailable: (value, s) =>
      value && s.norm === 'none'
        ? {
            short: 'needs a normalization',
            reason:
              "standardized weights have unit spread, so each layer would multiply the signal's variance by its fan-in; weight standardization needs a normalization",
            instead: false,
          }
        : undefined,
  },
  residual: {
    ...flag('res'),
    label: 'Residual connections',
    hint: 'CNN only: add each block’s input to its output.',
    group: 'network',
    formHint: "Adds each block's input to its output (y = x + F(x)), a direct path for gradients.",
    relevant: cnn,
  },
  branchInit: {
    ...choice('branch', BRANCH_INITS, {
      standard: 'Standard',
      zeroGamma: 'Zero γ (last norm of each branch)',
      fixup: 'Fixup',
      skipInit: 'SkipInit (α = 0)',
      reZero: 'ReZero (α = 0, no activation after the sum)',
    }),
    label: 'Branch scale at init',
    hint: 'How each residual branch starts.',
    group: 'initialization',
    formHint: (s) => BRANCH_INIT_HINTS[s.branchInit],
    relevant: hasResidualBranches,
    unavailable: (value, s) => {
      if (value === 'zeroGamma' && (s.norm === 'none' || s.placement !== 'before')) {
        return {
          short: 'needs a norm before the activation',
          reason:
            'zero γ zeroes the norm that ends each branch, so it needs a normalization placed before the activation',
          instead: 'standard',
        };
      }
      if ((value === 'fixup' || value === 'reZero') && s.norm !== 'none') {
        return {
          short: 'without normalization only',
          reason: `${value === 'fixup' ? 'Fixup' : 'ReZero'} replaces normalization, so it needs Normalization: None`,
          instead: 'standard',
        };
      }
      return undefined;
    },
  },
  init: {
    ...choice('init', LAB_INIT_KINDS, {
      pytorchDefault: 'PyTorch default',
      zeros: 'Zero',
      xavierUniform: 'Xavier uniform',
      xavierNormal: 'Xavier normal',
      kaimingUniform: 'Kaiming uniform',
      kaimingNormal: 'Kaiming normal',
      orthogonal: 'Orthogonal',
      custom: 'Custom',
    }),
    label: 'Weight init',
    hint: 'How the weights are drawn before training.',
    group: 'initialization',
    formHint:
      "How the weights start. Kaiming suits the ReLU family, Xavier suits Tanh. No gain rescues a deep Sigmoid stack (its slope is at most ¼): normalize it. Orthogonal keeps every direction's length.",
  },
  initDistribution: {
    ...choice('dist', CUSTOM_DISTRIBUTIONS, { normal: 'Normal', uniform: 'Uniform' }),
    label: 'Custom init distribution',
    hint: 'Normal or uniform draws.',
    group: 'initialization',
    formLabel: 'Distribution',
    formHint:
      'Normal: std = multiplier × gain / √fan. Uniform: bound = multiplier × gain × √(3 / fan).',
    relevant: customInit,
  },
  initFanMode: {
    ...choice('fan', CUSTOM_FAN_MODES, {
      fanIn: 'fan in',
      fanOut: 'fan out',
      fanAvg: 'average of fan in and fan out',
    }),
    label: 'Custom init fan',
    hint: 'Which fan the spread is divided by.',
    group: 'initialization',
    formLabel: 'Fan mode',
    formHint: 'Fan in keeps the forward signal steady, fan out the backward gradients.',
    relevant: customInit,
  },
  initGain: {
    ...numeric('gain', 0.01, 10, 'number'),
    label: 'Custom init gain',
    hint: 'Multiplies the spread, e.g. √2 for ReLU.',
    group: 'initialization',
    formLabel: 'Gain',
    formHint:
      '√2 ≈ 1.414 for ReLU, 5/3 for Tanh, 1 for linear. PyTorch also gives Sigmoid 1, a convention rather than a derivation.',
    relevant: customInit,
  },
  initMultiplier: {
    ...numeric('mult', 0, 10, 'number'),
    label: 'Custom init multiplier',
    hint: 'An extra factor on the spread.',
    group: 'initialization',
    formLabel: 'Multiplier',
    formHint: 'Scales the whole spread: try 0.1 (too small) or 10 (too large).',
    relevant: customInit,
  },
  optimizer: {
    ...choice('opt', OPTIMIZERS, {
      sgd: 'SGD with momentum 0.9',
      adam: 'Adam',
      adamw: 'AdamW (decoupled weight decay)',
    }),
    label: 'Optimizer',
    hint: 'How gradients become weight updates.',
    group: 'training',
    formHint:
      "SGD with momentum 0.9 steps in proportion to each gradient, so uniformly tiny gradients (Xavier on a deep ReLU stack) barely move it. Adam divides each weight's step by that weight's typical gradient, which rescues such a net, but not one whose signal is gone.",
  },
  learningRate: {
    ...numeric('lr', 0.0001, 10, 'number'),
    scale: 'log',
    label: 'Learning rate',
    hint: 'The size of each update step.',
    group: 'training',
    formHint: (s) => {
      const { min, max } = settingLimits('learningRate', s);
      return `Step size, ${min} to ${max} (the slider is logarithmic). Too large and training diverges.`;
    },
  },
  weightDecay: {
    ...numeric('wd', 0, 0.1, 'number'),
    step: 0.0005,
    label: 'Weight decay',
    hint: 'Pulls every weight towards zero a little at each step.',
    group: 'training',
    formHint: (s) =>
      s.optimizer === 'adamw'
        ? 'AdamW shrinks every weight by the factor 1 − lr·wd at each step, apart from the gradient step (decoupled weight decay, Loshchilov & Hutter, arXiv:1711.05101).'
        : s.optimizer === 'adam'
          ? "Adam adds wd·w to the gradient before dividing by each weight's typical gradient, so weights with large gradients decay less; AdamW decouples the two (arXiv:1711.05101)."
          : "SGD adds wd·w to every gradient (L2 regularization). Under BatchNorm a weight's scale does not change the loss, so the decay sets the weights' norm, and with it the effective step (van Laarhoven 2017, arXiv:1706.05350).",
  },
  batchSize: {
    ...numeric('batch', 1, BATCH_MAX, 'integer'),
    label: 'Batch size',
    hint: 'Samples per training step.',
    group: 'training',
    formHint: (s) => `Samples per step ${range('batchSize', s)}. BatchNorm needs more than one.`,
    cap: (s) => {
      const fitting = largestBatch(s, BATCH_MAX);
      if (fitting >= BATCH_MAX) return undefined;
      const units = cnn(s) ? `blocks of ${s.width} channels` : `layers of ${s.width} units`;
      return {
        max: Math.max(1, fitting),
        reason: `a larger batch would not fit the ${BUDGET_TEXT} of memory a run may use with ${s.depth} ${units}, ${s.norm === 'none' ? 'no normalization' : settingValueLabel('norm', s.norm)}${s.weightStandardization && s.norm !== 'none' ? ', standardized weights' : ''} and ${settingValueLabel('optimizer', s.optimizer)}`,
        memory: true,
      };
    },
  },
  // After batchSize: the ghost batches must divide the batch, and fit the memory left at that batch.
  ghostBatch: {
    ...numeric('ghost', 0, BATCH_MAX, 'integer'),
    valueLabel: (v) => (v === 0 ? 'the whole batch' : String(v)),
    label: 'Ghost batch size',
    hint: 'BatchNorm only: samples per group whose statistics normalize them; 0 is the whole batch.',
    group: 'normalization',
    formHint: (s) =>
      `BatchNorm normalizes each group of ${s.ghostBatch === 0 ? 'g' : s.ghostBatch} consecutive samples of a batch with that group's own mean and variance ("ghost batches", Hoffer et al. 2017, arXiv:1705.08741), while each step still averages the gradient over all ${s.batchSize}: only the statistics change. 0 uses the whole batch. It must divide the batch size.`,
    relevant: (s) => s.norm === 'batchNorm',
    choices: (s) => [0, ...ghostChoices(s)],
    unavailable: (value, s) => {
      if (value === 0) return undefined;
      const divides = value >= 2 && value < s.batchSize && s.batchSize % value === 0;
      if (divides && ghostBatchFits(s, value)) return undefined;
      const fitting = ghostChoices(s);
      const below = fitting.filter((g) => g <= value);
      // A ghost batch as large as the batch is plain BatchNorm: 0 says so.
      const instead =
        value < 2 || value >= s.batchSize ? 0 : (below[below.length - 1] ?? fitting[0] ?? 0);
      if (divides) {
        return {
          short: 'too little memory',
          reason: `ghost batches of ${value} keep statistics for each of the ${s.batchSize / value} ghost batches, which would not fit the ${BUDGET_TEXT} of memory a run may use at batch ${s.batchSize}; choose larger ghost batches or lower the batch size`,
          instead,
        };
      }
      return {
        short:
          value >= s.batchSize
            ? `not below the batch (${s.batchSize})`
            : `does not divide ${s.batchSize}`,
        reason:
          value === 1
            ? 'a ghost batch of one sample has no variance to normalize by'
            : value >= s.batchSize
              ? `a ghost batch of ${value} is the whole batch of ${s.batchSize} or more, which is plain BatchNorm`
              : `ghost batches must divide the batch size (${s.batchSize})`,
        instead,
      };
    },
  },
  seed: {
    ...numeric('seed', 0, 4294967295, 'integer'),
    valueLabel: String,
    label: 'Seed',
    hint: 'Fixes the initial weights and the data order.',
    group: 'training',
    formHint: 'Fixes the initial weights and the data order: same seed, same run.',
  },
  validationMode: {
    ...choice('val', VALIDATION_MODES, {
      eval: 'Eval mode (running statistics)',
      train: 'Train mode (batch statistics)',
    }),
    label: 'Validation mode',
    hint: 'Validate with running or batch statistics.',
    group: 'training',
    formHint:
      "Eval mode uses BatchNorm's running statistics, as at test time; train mode shows what forgetting model.eval() does.",
  },
};

/** Every setting, in the order links list them (and, within a group, the Lab form shows them). */
export const SETTING_KEYS = Object.keys(SETTINGS) as readonly SettingKey[];

function resolve<T>(text: InContext<T> | undefined, s: LabRunSettings): T | undefined {
  return typeof text === 'function' ? (text as (s: LabRunSettings) => T)(s) : text;
}

/** A setting's value as a learner reads it: 'BatchNorm', 'Kaiming normal', '0.1', 'on'. */
export function settingValueLabel<K extends SettingKey>(key: K, value: LabRunSettings[K]): string {
  return SETTINGS[key].valueLabel(value);
}

/** The Lab form's label for a setting, with these settings. */
export function settingFormLabel(key: SettingKey, s: LabRunSettings): string {
  return resolve(SETTINGS[key].formLabel, s) ?? SETTINGS[key].label;
}

/** The Lab form's hint for a setting, with these settings. */
export function settingFormHint(key: SettingKey, s: LabRunSettings): string {
  const hint = resolve(SETTINGS[key].formHint, s) ?? SETTINGS[key].hint;
  const note = memoryCapNote(key, s);
  return note ? `${hint} ${note}` : hint;
}

/**
 * Why a number stops below its usual maximum to keep the run within its memory budget, as a sentence
 * for the setting's hint ("At most 11 here: a larger batch would not fit …"), or undefined.
 */
export function memoryCapNote(key: SettingKey, s: LabRunSettings): string | undefined {
  const cap = SETTINGS[key].cap?.(s);
  if (!cap?.memory) return undefined;
  return `At most ${cap.max} here: ${cap.reason}.`;
}

/** Whether a setting does anything with these settings (GroupNorm's groups under BatchNorm does not). */
export function settingRelevant(key: SettingKey, s: LabRunSettings): boolean {
  return SETTINGS[key].relevant?.(s) ?? true;
}

/** A number's range with these settings: the URL's limits, tightened by a cap (the CNN's 16 blocks). */
export function settingLimits(key: SettingKey, s: LabRunSettings): { min: number; max: number } {
  const spec = SETTINGS[key];
  const min = spec.min ?? 0;
  const max = spec.max ?? 0;
  const cap = spec.cap?.(s);
  return { min, max: cap ? Math.min(max, cap.max) : max };
}

export interface SettingChoice<K extends SettingKey> {
  readonly value: LabRunSettings[K];
  readonly label: string;
  /** Why the other settings rule it out ("CNN only"), or undefined when it can be chosen. */
  readonly unavailable: string | undefined;
}

/** A menu's choices with these settings, each with its label and whether it can be chosen now. */
export function settingChoices<K extends SettingKey>(
  key: K,
  s: LabRunSettings,
): SettingChoice<K>[] | undefined {
  const spec: SettingSpec<LabRunSettings[K]> = SETTINGS[key];
  return spec.choices?.(s).map((value) => ({
    value,
    label: spec.valueLabel(value),
    unavailable: spec.unavailable?.(value, s)?.short,
  }));
}

/** Why these settings rule out a setting's value and what to use instead, or undefined if they do not. */
export function settingConflict<K extends SettingKey>(
  key: K,
  s: LabRunSettings,
): Unavailable<LabRunSettings[K]> | undefined {
  const spec: SettingSpec<LabRunSettings[K]> = SETTINGS[key];
  const value = s[key];
  const cap = spec.cap?.(s);
  if (cap && typeof value === 'number' && value > cap.max) {
    return {
      short: `at most ${cap.max}`,
      reason: cap.reason,
      instead: cap.max as LabRunSettings[K],
    };
  }
  return spec.unavailable?.(value, s);
}
