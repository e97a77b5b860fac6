import {
  weightDistribution,
  biasDistribution,
  type WeightDistribution,
} from '../../src/engine/init/distribution';
import { computeFans } from '../../src/engine/init/fans';
import type { Model } from '../../src/engine/model/model';
/**
 * The comparisons the PyTorch parity test makes, as functions that return the problems they find
 * (an empty list when the export reproduces the run), so the same checks can be shown to fail on a
 * deliberately broken script.
 */

export const FIRST_STEPS = 20;
export const RTOL = 1e-3;
export const ATOL = 1e-4;
/** Steps 181–200 (1-based), whose mean loss must agree within 2%. */
export const LATE_FROM = 181;
export const LATE_TO = 200;
export const LATE_TOLERANCE = 0.02;

export function compareLosses(engine: readonly number[], torch: readonly number[]): string[] {
  const problems: string[] = [];
  if (torch.length !== engine.length) {
    problems.push(`PyTorch gave ${torch.length} losses, the engine ${engine.length}`);
  }
  for (let i = 0; i < Math.min(FIRST_STEPS, engine.length, torch.length); i++) {
    const a = torch[i]!;
    const b = engine[i]!;
    if (!(Math.abs(a - b) <= ATOL + RTOL * Math.abs(b))) {
      problems.push(`step ${i + 1}: PyTorch loss ${a}, engine ${b}`);
    }
  }
  if (engine.length >= LATE_TO && torch.length >= LATE_TO) {
    const mean = (xs: readonly number[]) =>
      xs.slice(LATE_FROM - 1, LATE_TO).reduce((s, x) => s + x, 0) / (LATE_TO - LATE_FROM + 1);
    const a = mean(torch);
    const b = mean(engine);
    if (!(Math.abs(a - b) <= LATE_TOLERANCE * Math.abs(b))) {
      problems.push(`mean loss of steps ${LATE_FROM}–${LATE_TO}: PyTorch ${a}, engine ${b}`);
    }
  }
  return problems;
}

export interface DrawnStats {
  readonly count: number;
  readonly mean: number;
  readonly std: number;
  readonly rms: number;
  readonly min: number;
  readonly max: number;
}

/** What the engine draws each parameter from, by state_dict name (its init formulas, not a sample). */
export function engineDistributions(model: Model): Record<string, WeightDistribution> {
  const scheme = model.spec.init;
  const byName = new Map(model.params().map((p) => [p.name, p]));
  const out: Record<string, WeightDistribution> = {};
  for (const p of model.params()) {
    switch (p.role) {
      case 'weight':
        out[p.name] = weightDistribution(scheme, p.value.shape);
        break;
      case 'bias': {
        const weight = byName.get(p.name.replace(/bias$/, 'weight'))!;
        out[p.name] = biasDistribution(scheme, computeFans(weight.value.shape).fanIn);
        break;
      }
      case 'normScale':
        out[p.name] = { kind: 'constant', value: 1 };
        break;
      case 'normShift':
        out[p.name] = { kind: 'constant', value: 0 };
        break;
      case 'scalar':
        // Fixup's multiplier starts at 1; its biases and the α of SkipInit and ReZero at 0.
        out[p.name] = { kind: 'constant', value: /(^|\.)scale\.weight$/.test(p.name) ? 1 : 0 };
        break;
    }
  }
  return { ...out, ...branchDistributions(model, out) };
}

/** What a branch init changes after the scheme (buildModel's initializeBranches). */
function branchDistributions(
  model: Model,
  scheme: Readonly<Record<string, WeightDistribution>>,
): Record<string, WeightDistribution> {
  const out: Record<string, WeightDistribution> = {};
  const zero = { kind: 'constant', value: 0 } as const;
  const names = model.params().map((p) => p.name);
  const init = model.spec.branchInit ?? 'standard';
  if (init === 'zeroGamma') {
    for (const name of names) if (/^block\d+\.bn2\.weight$/.test(name)) out[name] = zero;
  }
  if (init === 'fixup') {
    const blocks = names.filter((name) => /^block\d+\.(conv1|fc1)\.weight$/.test(name));
    const factor = blocks.length ** -0.5;
    for (const name of blocks) out[name] = scaled(scheme[name]!, factor);
    for (const name of names) {
      if (/^block\d+\.(conv2|fc2)\.weight$/.test(name) || /^fc\.(weight|bias)$/.test(name))
        out[name] = zero;
    }
  }
  return out;
}

function scaled(d: WeightDistribution, factor: number): WeightDistribution {
  switch (d.kind) {
    case 'constant':
      return { kind: 'constant', value: d.value * factor };
    case 'uniform':
      return { kind: 'uniform', low: d.low * factor, high: d.high * factor };
    case 'normal':
      return { kind: 'normal', mean: d.mean * factor, std: d.std * factor };
    case 'orthogonal':
      return { kind: 'orthogonal', gain: d.gain * factor };
  }
}

/**
 * Does torch.nn.init draw each parameter from the engine's distribution? `drawn` pools many of
 * PyTorch's draws, so its std is known to about 4/√(2·count); the engine's side is exact.
 * Constants must be the same constant; a uniform must keep to the same bounds and reach them; a
 * normal must have the same mean and std and tails beyond a uniform's √3·std; an orthogonal matrix
 * the same root mean square, gain/√max(rows, cols).
 */
export function compareInit(
  engine: Readonly<Record<string, WeightDistribution>>,
  drawn: Readonly<Record<string, DrawnStats>>,
  shapes: Readonly<Record<string, readonly number[]>>,
): string[] {
  const problems: string[] = [];
  for (const [name, d] of Object.entries(engine)) {
    const t = drawn[name];
    if (!t) {
      problems.push(`${name}: PyTorch's model has no such tensor`);
      continue;
    }
    const slack = Math.max(0.03, 4 / Math.sqrt(2 * t.count));
    const near = (a: number, b: number) => Math.abs(a - b) <= slack * Math.abs(b);
    const say = (what: string) => problems.push(`${name}: ${what}`);
    switch (d.kind) {
      case 'constant': {
        const c = Math.fround(d.value);
        if (t.min !== c || t.max !== c)
          say(`the engine starts at ${c}, PyTorch's init gives ${t.min}…${t.max}`);
        break;
      }
      case 'uniform': {
        const width = d.high - d.low;
        const within = t.min >= d.low - 1e-6 * width && t.max <= d.high + 1e-6 * width;
        const reaches = t.min <= d.low + 0.05 * width && t.max >= d.high - 0.05 * width;
        if (!within || !reaches)
          say(`PyTorch's init spans ${t.min}…${t.max}, the engine U(${d.low}, ${d.high})`);
        break;
      }
      case 'normal': {
        if (!near(t.std, d.std)) say(`std ${t.std} from PyTorch's init, ${d.std} in the engine`);
        if (Math.abs(t.mean - d.mean) > (4 * d.std) / Math.sqrt(t.count))
          say(`mean ${t.mean} from PyTorch's init, ${d.mean} in the engine`);
        if (t.count >= 100 && Math.max(t.max - t.mean, t.mean - t.min) < 2 * t.std)
          say(`PyTorch's values stay within ±2 std: not a normal distribution`);
        break;
      }
      case 'orthogonal': {
        const shape = shapes[name]!;
        const rows = shape[0]!;
        const cols = shape.slice(1).reduce((a, b) => a * b, 1);
        const rms = d.gain / Math.sqrt(Math.max(rows, cols));
        if (!near(t.rms, rms))
          say(
            `root mean square ${t.rms} from PyTorch's init, ${rms} for an orthogonal matrix with gain ${d.gain}`,
          );
        break;
      }
    }
  }
  for (const name of Object.keys(drawn)) {
    if (!(name in engine) && !/running_mean$|running_var$|num_batches_tracked$/.test(name)) {
      problems.push(`${name}: the engine's model has no such parameter`);
    }
  }
  return problems;
}
