import { calculateGain, type Nonlinearity } from '../../../src/engine/init/gain';
import type { InitScheme } from '../../../src/engine/init/schemes';
import { loadFixture, type FixtureCase } from '../../helpers/fixtures';

/** init_formulas config entry: PyTorch's snake_case nonlinearity name and its optional param. */
export interface FixtureNonlinearity {
  name: string;
  param: number | null;
}

const TORCH_NAMES: Record<string, Nonlinearity> = {
  linear: 'linear',
  identity: 'identity',
  conv2d: 'conv2d',
  sigmoid: 'sigmoid',
  tanh: 'tanh',
  relu: 'relu',
  leaky_relu: 'leakyRelu',
  selu: 'selu',
};

/** Our name for a torch.nn.init nonlinearity; throws so a new fixture entry cannot be skipped silently. */
export function fromTorchName(name: string): Nonlinearity {
  const ours = TORCH_NAMES[name];
  if (ours === undefined) throw new Error(`init_formulas fixture: unmapped nonlinearity '${name}'`);
  return ours;
}

export function initFormulas(): FixtureCase {
  return loadFixture('init_formulas');
}

/** One expected number of a `[shape i, nonlinearity j]` table of init_formulas. */
export interface FormulaCase {
  table: string;
  shape: number[];
  scheme: InitScheme;
  /** 'bound': the uniform half-width; 'std': the normal std. */
  quantity: 'bound' | 'std';
  expected: number;
  what: string;
}

/**
 * Every entry of the xavier/kaiming tables, with the scheme that should produce it, built from the
 * fixture's config as its README describes: xavier uses gain = calculate_gain(nonlinearity j);
 * kaiming uses a = param (0 when null) and the nonlinearity's name, with the mode in the table key.
 */
export function formulaCases(f: FixtureCase): FormulaCase[] {
  const shapes = f.config['shapes'] as number[][];
  const nonlinearities = f.config['nonlinearities'] as FixtureNonlinearity[];
  const tables: {
    table: string;
    quantity: 'bound' | 'std';
    scheme: (n: FixtureNonlinearity) => InitScheme;
  }[] = [
    {
      table: 'xavier_uniform_bound',
      quantity: 'bound',
      scheme: (n) => ({
        kind: 'xavierUniform',
        gain: calculateGain(fromTorchName(n.name), n.param ?? undefined),
      }),
    },
    {
      table: 'xavier_normal_std',
      quantity: 'std',
      scheme: (n) => ({
        kind: 'xavierNormal',
        gain: calculateGain(fromTorchName(n.name), n.param ?? undefined),
      }),
    },
    ...(['fanIn', 'fanOut'] as const).flatMap((mode) => {
      const suffix = mode === 'fanIn' ? 'fan_in' : 'fan_out';
      const kaiming = (kind: 'kaimingUniform' | 'kaimingNormal') => (n: FixtureNonlinearity) =>
        ({ kind, a: n.param ?? 0, mode, nonlinearity: fromTorchName(n.name) }) as const;
      return [
        {
          table: `kaiming_uniform_bound_${suffix}`,
          quantity: 'bound' as const,
          scheme: kaiming('kaimingUniform'),
        },
        {
          table: `kaiming_normal_std_${suffix}`,
          quantity: 'std' as const,
          scheme: kaiming('kaimingNormal'),
        },
      ];
    }),
  ];

  const cases: FormulaCase[] = [];
  for (const { table, quantity, scheme } of tables) {
    const out = f.outputs[table];
    if (out === undefined) throw new Error(`init_formulas: no output '${table}'`);
    if (out.shape[0] !== shapes.length || out.shape[1] !== nonlinearities.length) {
      throw new Error(`init_formulas: ${table} has shape [${out.shape.join(', ')}]`);
    }
    shapes.forEach((shape, i) => {
      nonlinearities.forEach((n, j) => {
        cases.push({
          table,
          shape,
          scheme: scheme(n),
          quantity,
          expected: out.data[i * nonlinearities.length + j]!,
          what: `${table}[${i}, ${j}] (shape [${shape.join(', ')}], ${n.name}(${n.param}))`,
        });
      });
    });
  }
  return cases;
}

/** |actual − expected| ≤ 1e-6·|expected|: the README's tolerance for the formula outputs. */
export function relClose(actual: number, expected: number): boolean {
  return Math.abs(actual - expected) <= 1e-6 * Math.abs(expected);
}
