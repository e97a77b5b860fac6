import type { Shape } from '../tensor';
import { weightDistribution } from './distribution';
import type { InitScheme } from './schemes';

/** The spread a scheme gives a weight, for drawing the theory onto a weight histogram. */
export interface TheoreticalSpread {
  /** Centre of the distribution (0 for every fan-scaled scheme). */
  readonly mean: number;
  /** Standard deviation of one weight (for orthogonal: the root mean square, |gain|/√max(rows, cols)). */
  readonly std: number;
  /** Half-width of the interval a uniform scheme draws from; absent for unbounded or constant schemes. */
  readonly bound?: number;
}

export function theoreticalSpread(scheme: InitScheme, shape: Shape): TheoreticalSpread {
  const d = weightDistribution(scheme, shape);
  switch (d.kind) {
    case 'constant':
      return { mean: d.value, std: 0 };
    case 'uniform': {
      const halfWidth = (d.high - d.low) / 2;
      // U(c − h, c + h) has variance h²/3
      return { mean: (d.low + d.high) / 2, std: halfWidth / Math.sqrt(3), bound: halfWidth };
    }
    case 'normal':
      return { mean: d.mean, std: d.std };
    case 'orthogonal': {
      // The rows (or columns) of the flattened [rows, cols] matrix are orthonormal, so Σw² = gain²·min(rows, cols)
      // over rows·cols entries: the mean square is gain²/max(rows, cols), exactly, for every draw.
      const rows = shape[0]!;
      const cols = shape.slice(1).reduce((a, b) => a * b, 1);
      return { mean: 0, std: Math.abs(d.gain) / Math.sqrt(Math.max(rows, cols)) };
    }
  }
}
