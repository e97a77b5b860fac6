/**
 * The depth probe's settings, written once (as the run settings are in settingsRegistry.ts): what an
 * untrained network measured by the engine's depthProbe may be, each setting with its label, hint,
 * choices (with their labels) or limits and its default in a lesson block, and which Lab runs the probe
 * can measure. The lesson schema validates the depth-probe widget and chart-reading quizzes with it,
 * the widget builds its controls and captions from it, and the Lab's "Signal at initialization" panel
 * asks it whether the selected run can be probed.
 */
import type { LabRunSettings } from './labSettings';
import { settingValueLabel } from './settingsRegistry';

export interface ProbeRangeSetting {
  readonly label: string;
  readonly hint: string;
  readonly min: number;
  readonly max: number;
  /** A lesson block's value when it names none. */
  readonly default: number;
}

export interface ProbeChoiceSetting<T extends string> {
  readonly label: string;
  readonly hint: string;
  /** The values, in the order a menu offers them. */
  readonly values: readonly [T, ...T[]];
  readonly choices: readonly { readonly value: T; readonly label: string }[];
  readonly valueLabel: (value: T) => string;
  readonly default: T;
}

function choiceSetting<const T extends readonly [string, ...string[]]>(
  values: T,
  labels: Readonly<Record<T[number], string>>,
  spec: { readonly label: string; readonly hint: string; readonly default: T[number] },
): ProbeChoiceSetting<T[number]> {
  return {
    ...spec,
    values,
    choices: values.map((value: T[number]) => ({ value, label: labels[value] })),
    valueLabel: (value) => labels[value],
  };
}

/** A yes/no setting, offered as a menu of its two readings. */
export interface ProbeFlagSetting {
  readonly label: string;
  readonly hint: string;
  readonly choices: readonly [
    { readonly value: false; readonly label: string },
    { readonly value: true; readonly label: string },
  ];
}

const range = (spec: ProbeRangeSetting): ProbeRangeSetting => spec;

export const PROBE_SETTINGS = {
  depth: range({
    label: 'Depth',
    hint: 'Hidden layers in the network.',
    min: 1,
    // The engine's depthProbe accepts up to 200 layers (and holds them within 256 MB).
    max: 200,
    default: 50,
  }),
  width: range({
    label: 'Width',
    hint: 'Units in every layer.',
    min: 2,
    max: 512,
    default: 256,
  }),
  activation: choiceSetting(
    ['relu', 'leakyRelu', 'gelu', 'tanh', 'sigmoid'],
    { relu: 'ReLU', leakyRelu: 'LeakyReLU', gelu: 'GELU', tanh: 'Tanh', sigmoid: 'Sigmoid' },
    { label: 'Activation', hint: 'The nonlinearity after every layer.', default: 'relu' },
  ),
  init: choiceSetting(
    ['kaimingNormal', 'xavierNormal', 'pytorchDefault', 'zeros', 'tooLarge', 'tooSmall'],
    {
      kaimingNormal: 'Kaiming (He) normal',
      xavierNormal: 'Xavier (Glorot) normal',
      pytorchDefault: 'PyTorch default',
      zeros: 'Zeros',
      tooLarge: 'Too large: N(0, 1)',
      tooSmall: 'Too small: N(0, 0.01²)',
    },
    { label: 'Initialization', hint: 'How the weights are drawn.', default: 'kaimingNormal' },
  ),
  norm: choiceSetting(
    ['none', 'batchNorm', 'layerNorm', 'rmsNorm'],
    { none: 'None', batchNorm: 'BatchNorm', layerNorm: 'LayerNorm', rmsNorm: 'RMSNorm' },
    {
      label: 'Normalization',
      hint: "Applied to each layer's output before the activation.",
      default: 'none',
    },
  ),
  residual: {
    label: 'Connections',
    hint: "With skip connections each layer's input is added to its output: h + act(norm(W h)).",
    choices: [
      { value: false, label: 'Plain stack' },
      { value: true, label: 'Skip connections' },
    ],
  } satisfies ProbeFlagSetting,
} as const;

export type ProbeActivation = (typeof PROBE_SETTINGS.activation.values)[number];
export type ProbeInit = (typeof PROBE_SETTINGS.init.values)[number];
export type ProbeNorm = (typeof PROBE_SETTINGS.norm.values)[number];

/** Samples pushed through the untrained network: enough for stable statistics, quick to answer. */
export const PROBE_BATCH_SIZE = 64;

/** A normalization as a sentence names it: "no normalization", "BatchNorm". */
export function probeNormText(norm: ProbeNorm): string {
  return norm === 'none' ? 'no normalization' : PROBE_SETTINGS.norm.valueLabel(norm);
}

function isProbeNorm(norm: LabRunSettings['norm']): norm is ProbeNorm {
  return (PROBE_SETTINGS.norm.values as readonly string[]).includes(norm);
}

/**
 * Whether the probe can measure a Lab run's network at initialization (an MLP, plain or residual, with
 * a normalization the probe knows), with the probe's normalization, or the reason it cannot.
 */
export function labRunProbe(
  s: LabRunSettings,
):
  | { readonly ok: true; readonly norm: ProbeNorm }
  | { readonly ok: false; readonly reason: string } {
  if (s.architecture === 'cnn') {
    return {
      ok: false,
      reason:
        'The signal probe measures fully connected networks. Switch the architecture to MLP or residual MLP to see how the signal changes with depth.',
    };
  }
  if (!isProbeNorm(s.norm)) {
    const known = PROBE_SETTINGS.norm.values.map(probeNormText);
    const list = `${known.slice(0, -1).join(', ')} or ${known[known.length - 1] ?? ''}`;
    return {
      ok: false,
      reason: `The signal probe measures ${list}, not ${settingValueLabel('norm', s.norm)}.`,
    };
  }
  return { ok: true, norm: s.norm };
}
