import { NONLINEARITIES, type Nonlinearity } from './gain';

/** Which fan a Kaiming init scales by: fanIn preserves the forward variance, fanOut the backward one. */
export type FanMode = 'fanIn' | 'fanOut';

/** The custom scheme may also average the two fans, as Xavier does. */
export type CustomFanMode = FanMode | 'fanAvg';

/** Every weight initialization the lesson offers, with PyTorch's parameters. */
export type InitScheme =
  | { readonly kind: 'zeros' }
  | { readonly kind: 'constant'; readonly value: number }
  | { readonly kind: 'uniform'; readonly low: number; readonly high: number }
  | { readonly kind: 'normal'; readonly mean: number; readonly std: number }
  | { readonly kind: 'xavierUniform'; readonly gain: number }
  | { readonly kind: 'xavierNormal'; readonly gain: number }
  | {
      readonly kind: 'kaimingUniform';
      readonly a: number;
      readonly mode: FanMode;
      readonly nonlinearity: Nonlinearity;
    }
  | {
      readonly kind: 'kaimingNormal';
      readonly a: number;
      readonly mode: FanMode;
      readonly nonlinearity: Nonlinearity;
    }
  | { readonly kind: 'orthogonal'; readonly gain: number }
  /** nn.Linear / nn.Conv2d reset_parameters: kaiming_uniform_(a = √5), bias U(±1/√fanIn). */
  | { readonly kind: 'pytorchDefault' }
  /** std = multiplier·gain/√fan (normal), bound = multiplier·gain·√(3/fan) (uniform). */
  | {
      readonly kind: 'custom';
      readonly distribution: 'uniform' | 'normal';
      readonly fanMode: CustomFanMode;
      readonly gain: number;
      readonly multiplier: number;
    };

export type InitSchemeKind = InitScheme['kind'];

const LABELS: Record<InitSchemeKind, string> = {
  pytorchDefault: 'PyTorch default',
  zeros: 'Zeros',
  constant: 'Constant',
  uniform: 'Uniform U(low, high)',
  normal: 'Normal N(mean, std²)',
  xavierUniform: 'Xavier (Glorot) uniform',
  xavierNormal: 'Xavier (Glorot) normal',
  kaimingUniform: 'Kaiming (He) uniform',
  kaimingNormal: 'Kaiming (He) normal',
  orthogonal: 'Orthogonal',
  custom: 'Custom (gain × multiplier / √fan)',
};

/** The schemes in the order the UI lists them, with human labels. */
export const INIT_SCHEMES: readonly { readonly kind: InitSchemeKind; readonly label: string }[] =
  Object.entries(LABELS).map(([kind, label]) => ({ kind: kind as InitSchemeKind, label }));

export function initSchemeLabel(kind: InitSchemeKind): string {
  return LABELS[kind];
}

/** A scheme of `kind` with PyTorch's default arguments (Kaiming: a = 0, fanIn, ReLU). */
export function defaultInitScheme(kind: InitSchemeKind): InitScheme {
  switch (kind) {
    case 'zeros':
    case 'pytorchDefault':
      return { kind };
    case 'constant':
      return { kind, value: 0 };
    case 'uniform':
      return { kind, low: 0, high: 1 };
    case 'normal':
      return { kind, mean: 0, std: 1 };
    case 'xavierUniform':
    case 'xavierNormal':
    case 'orthogonal':
      return { kind, gain: 1 };
    case 'kaimingUniform':
    case 'kaimingNormal':
      return { kind, a: 0, mode: 'fanIn', nonlinearity: 'relu' };
    case 'custom':
      return { kind, distribution: 'normal', fanMode: 'fanIn', gain: 1, multiplier: 1 };
  }
}

function finite(value: number, what: string): void {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new Error(`init scheme: ${what} must be a finite number, got ${String(value)}`);
  }
}

function oneOf(value: string, allowed: readonly string[], what: string): void {
  if (!allowed.includes(value)) {
    throw new Error(`init scheme: ${what} must be one of ${allowed.join(', ')}, got '${value}'`);
  }
}

/**
 * Throws a specific error for a scheme that PyTorch would reject or that would fill weights with
 * NaN. Schemes can arrive from a URL or a saved run, so the types alone do not guarantee this.
 */
export function validateInitScheme(scheme: InitScheme): void {
  switch (scheme.kind) {
    case 'zeros':
    case 'pytorchDefault':
      return;
    case 'constant':
      finite(scheme.value, 'constant value');
      return;
    case 'uniform':
      finite(scheme.low, 'uniform low');
      finite(scheme.high, 'uniform high');
      if (scheme.low > scheme.high) {
        throw new Error(
          `init scheme: uniform needs low ≤ high, got low ${scheme.low} > high ${scheme.high}`,
        );
      }
      return;
    case 'normal':
      finite(scheme.mean, 'normal mean');
      finite(scheme.std, 'normal std');
      if (scheme.std < 0) throw new Error(`init scheme: normal std must be ≥ 0, got ${scheme.std}`);
      return;
    case 'xavierUniform':
    case 'xavierNormal':
    case 'orthogonal':
      finite(scheme.gain, `${scheme.kind} gain`);
      return;
    case 'kaimingUniform':
    case 'kaimingNormal':
      finite(scheme.a, `${scheme.kind} a (negative slope)`);
      oneOf(scheme.mode, ['fanIn', 'fanOut'], `${scheme.kind} mode`);
      oneOf(scheme.nonlinearity, NONLINEARITIES, `${scheme.kind} nonlinearity`);
      return;
    case 'custom':
      oneOf(scheme.distribution, ['uniform', 'normal'], 'custom distribution');
      oneOf(scheme.fanMode, ['fanIn', 'fanOut', 'fanAvg'], 'custom fanMode');
      finite(scheme.gain, 'custom gain');
      finite(scheme.multiplier, 'custom multiplier');
      return;
    default: {
      const unknown: never = scheme;
      const kind = (unknown as { kind?: unknown }).kind;
      throw new Error(
        `init scheme: unknown kind '${String(kind)}'; expected one of ${Object.keys(LABELS).join(', ')}`,
      );
    }
  }
}
