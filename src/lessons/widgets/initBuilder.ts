/**
 * The custom-init builder: a weight of shape [fanOut, fanIn] drawn from
 *   normal:  N(0, std²) with std = multiplier · gain / √fan
 *   uniform: U(−b, b)  with b   = multiplier · gain · √(3 / fan)   (the same std, b = √3 · std)
 * which is the engine's 'custom' scheme. Xavier, Kaiming and PyTorch's default are all points of this
 * space, so the builder can show each of them and the learner can see what each knob does.
 */
import { computeFans } from '../../engine/init/fans';
import { calculateGain } from '../../engine/init/gain';
import { initWeight } from '../../engine/init/initialize';
import type { CustomFanMode, InitScheme } from '../../engine/init/schemes';
import { theoreticalSpread, type TheoreticalSpread } from '../../engine/init/spread';
import { createRng } from '../../engine/rng';
import { zeros } from '../../engine/tensor';
import { formatCount } from '../../lab/formatNumber';

export type BuilderDistribution = 'normal' | 'uniform';

export const GAIN_PRESETS = [
  { id: 'one', label: '1 (linear, sigmoid)', value: 1, text: '1' },
  { id: 'tanh', label: '5/3 (tanh)', value: calculateGain('tanh'), text: '5/3' },
  { id: 'relu', label: '√2 (ReLU)', value: calculateGain('relu'), text: '√2' },
  {
    id: 'pytorch',
    label: '√(1/3) (PyTorch default, a = √5)',
    value: calculateGain('leakyRelu', Math.sqrt(5)),
    text: '√(1/3)',
  },
] as const;
export type GainPresetId = (typeof GAIN_PRESETS)[number]['id'] | 'custom';

export interface BuilderState {
  readonly distribution: BuilderDistribution;
  readonly fanMode: CustomFanMode;
  readonly gainPreset: GainPresetId;
  /** The gain used when gainPreset is 'custom'. */
  readonly customGain: number;
  readonly multiplier: number;
}

/** Limits of the typed-in gain and of the multiplier (the Lab's custom-init ranges). */
export const GAIN_RANGE = { min: 0.01, max: 10 } as const;
export const MULTIPLIER_RANGE = { min: 0, max: 10 } as const;

export const INITIAL_BUILDER_STATE: BuilderState = {
  distribution: 'normal',
  fanMode: 'fanIn',
  gainPreset: 'relu',
  customGain: 1,
  multiplier: 1,
};

export function builderGain(state: BuilderState): number {
  if (state.gainPreset === 'custom') return state.customGain;
  return GAIN_PRESETS.find((p) => p.id === state.gainPreset)!.value;
}

export function builderScheme(state: BuilderState): InitScheme {
  return {
    kind: 'custom',
    distribution: state.distribution,
    fanMode: state.fanMode,
    gain: builderGain(state),
    multiplier: state.multiplier,
  };
}

/** The named schemes the builder can reproduce, with the engine scheme each one equals. */
export const COMPARISON_PRESETS: readonly {
  readonly id: 'xavier' | 'kaiming' | 'pytorchDefault';
  readonly label: string;
  readonly state: BuilderState;
  readonly engineScheme: InitScheme;
}[] = [
  {
    id: 'xavier',
    label: 'Xavier (Glorot) normal',
    state: { ...INITIAL_BUILDER_STATE, fanMode: 'fanAvg', gainPreset: 'one' },
    engineScheme: { kind: 'xavierNormal', gain: 1 },
  },
  {
    id: 'kaiming',
    label: 'Kaiming (He) normal, for ReLU',
    state: { ...INITIAL_BUILDER_STATE, fanMode: 'fanIn', gainPreset: 'relu' },
    engineScheme: { kind: 'kaimingNormal', a: 0, mode: 'fanIn', nonlinearity: 'relu' },
  },
  {
    id: 'pytorchDefault',
    label: 'PyTorch default (nn.Linear)',
    state: {
      ...INITIAL_BUILDER_STATE,
      distribution: 'uniform',
      fanMode: 'fanIn',
      gainPreset: 'pytorch',
    },
    engineScheme: { kind: 'pytorchDefault' },
  },
];

/** The fan the builder divides by, for a weight of shape [fanOut, fanIn]. */
export function chosenFan(fanMode: CustomFanMode, fanIn: number, fanOut: number): number {
  const fans = computeFans([fanOut, fanIn]);
  if (fanMode === 'fanIn') return fans.fanIn;
  if (fanMode === 'fanOut') return fans.fanOut;
  return (fans.fanIn + fans.fanOut) / 2;
}

export function builderSpread(
  state: BuilderState,
  fanIn: number,
  fanOut: number,
): TheoreticalSpread {
  return theoreticalSpread(builderScheme(state), [fanOut, fanIn]);
}

/** The largest weight the builder draws live (a 1024 × 1024 layer). */
export const MAX_DRAWN_WEIGHTS = 1 << 20;

/** Why a [fanOut, fanIn] weight cannot be drawn live, or undefined when it can. */
export function drawProblem(fanIn: number, fanOut: number): string | undefined {
  const count = fanIn * fanOut;
  if (count <= MAX_DRAWN_WEIGHTS) return undefined;
  return `A ${fanOut} × ${fanIn} weight has ${formatCount(count)} values, more than the ${formatCount(MAX_DRAWN_WEIGHTS)} this widget draws live; use smaller fans.`;
}

/** Weights drawn with the engine's own initWeight, from a fixed seed (the same knobs, the same draw). */
export function drawBuilderWeights(
  state: BuilderState,
  fanIn: number,
  fanOut: number,
  seed = 1,
): Float32Array {
  const weight = zeros([fanOut, fanIn]);
  initWeight(weight, builderScheme(state), createRng(seed));
  return weight.data;
}

const FAN_SYMBOL: Readonly<Record<CustomFanMode, string>> = {
  fanIn: 'fan_in',
  fanOut: 'fan_out',
  fanAvg: 'fan_avg',
};

function gainText(state: BuilderState): string {
  if (state.gainPreset === 'custom') return String(Number(state.customGain.toPrecision(4)));
  return GAIN_PRESETS.find((p) => p.id === state.gainPreset)!.text;
}

const round = (x: number) => String(Number(x.toPrecision(4)));

/**
 * The formula the knobs give, symbolically and with the numbers filled in, e.g.
 * "std = 1 × √2 / √fan_in = 1 × 1.414 / √256 = 0.08839".
 */
export function builderFormula(state: BuilderState, fanIn: number, fanOut: number): string {
  const fan = chosenFan(state.fanMode, fanIn, fanOut);
  const spread = builderSpread(state, fanIn, fanOut);
  const symbol = FAN_SYMBOL[state.fanMode];
  const m = round(state.multiplier);
  const where = state.fanMode === 'fanAvg' ? ', where fan_avg = (fan_in + fan_out) / 2' : '';
  if (state.distribution === 'normal') {
    return `w ~ N(0, std²), std = multiplier × gain / √${symbol} = ${m} × ${gainText(state)} / √${round(fan)} = ${round(spread.std)}${where}`;
  }
  return `w ~ U(−b, b), b = multiplier × gain × √(3 / ${symbol}) = ${m} × ${gainText(state)} × √(3 / ${round(fan)}) = ${round(spread.bound ?? 0)} (std = b/√3 = ${round(spread.std)})${where}`;
}
