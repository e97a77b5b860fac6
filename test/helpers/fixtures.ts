import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';

/** One tensor in a PyTorch fixture file (see ../shared/fixtures/pytorch/README.md). */
export interface FixtureTensor {
  shape: number[];
  dtype: 'float64' | 'int64';
  data: number[];
}

export interface FixtureCase {
  case: string;
  torch: string;
  description: string;
  config: Record<string, unknown>;
  inputs: Record<string, FixtureTensor>;
  outputs: Record<string, FixtureTensor>;
  /** The file it came from, for error messages. */
  file: string;
}

const here = dirname(fileURLToPath(import.meta.url));

/** The directory of parity cases: $PARITY_FIXTURES, or ../shared/fixtures/pytorch beside the repo. */
export function fixturesDir(): string {
  const fromEnv = process.env['PARITY_FIXTURES'];
  return fromEnv !== undefined && fromEnv !== ''
    ? resolve(fromEnv)
    : resolve(here, '../../../shared/fixtures/pytorch');
}

export function loadFixtureCases(dir = fixturesDir()): FixtureCase[] {
  if (!existsSync(dir)) throw new Error(`parity fixtures: directory ${dir} does not exist`);
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort();
  return files.map((f) => {
    const file = join(dir, f);
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as Omit<FixtureCase, 'file'>;
    return { ...parsed, file };
  });
}

export function loadFixture(name: string): FixtureCase {
  const found = loadFixtureCases(resolve(here, '../../../shared/fixtures/pytorch')).find(
    (c) => c.case === name,
  );
  if (!found) throw new Error(`fixture ${name} not found`);
  return found;
}

export interface Tolerance {
  rtol: number;
  atol: number;
}

/** The README's single-op tolerance for a float32 implementation. */
export const SINGLE_OP: Tolerance = { rtol: 1e-4, atol: 1e-5 };
/** The README's tolerance for multi-step training trajectories. */
export const TRAJECTORY: Tolerance = { rtol: 1e-3, atol: 1e-4 };

/** |actual − expected| ≤ atol + rtol·|expected| for every element, with a message naming the worst one. */
export function expectClose(
  actual: ArrayLike<number>,
  expected: FixtureTensor | ArrayLike<number>,
  tol: Tolerance,
  what: string,
): void {
  const want = 'data' in expected ? expected.data : expected;
  expect(actual.length, `${what}: length`).toBe(want.length);
  let worst = -1;
  let worstRatio = 0;
  for (let i = 0; i < want.length; i++) {
    const a = actual[i]!;
    const e = want[i]!;
    const ratio = Math.abs(a - e) / (tol.atol + tol.rtol * Math.abs(e));
    if (!(ratio <= worstRatio)) {
      worstRatio = Number.isNaN(ratio) ? Infinity : ratio;
      worst = i;
    }
  }
  if (worstRatio > 1) {
    expect.fail(
      `${what}: element ${worst} is ${actual[worst]}, expected ${want[worst]} (error ${worstRatio.toFixed(2)}× the tolerance rtol ${tol.rtol}, atol ${tol.atol})`,
    );
  }
}
