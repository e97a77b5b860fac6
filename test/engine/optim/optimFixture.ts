import { expect } from 'vitest';
import { makeParam, type Param } from '../../../src/engine/layers/layer';
import { numel, tensor } from '../../../src/engine/tensor';
import { expectClose, loadFixture, SINGLE_OP, type FixtureCase } from '../../helpers/fixtures';

/** An optimizer fixture: the param (shape from the file) and the per-step slices of its tensors. */
export interface OptimCase {
  fixture: FixtureCase;
  param: Param;
  steps: number;
  /** Row t of a stacked [steps, ...paramShape] tensor (inputs or outputs). */
  at(name: string, t: number): number[];
  num(key: string): number;
}

export function optimCase(name: string): OptimCase {
  const f = loadFixture(name);
  const p0 = f.inputs['param']!;
  const param = makeParam('param', 'weight', tensor(p0.shape, p0.data));
  const size = numel(p0.shape);
  const steps = f.config['steps'] as number;
  const at = (key: string, t: number): number[] => {
    const stacked = f.outputs[key] ?? f.inputs[key];
    if (stacked === undefined) throw new Error(`${name}: no tensor '${key}'`);
    if (stacked.shape[0] !== steps || numel(stacked.shape.slice(1)) !== size) {
      throw new Error(`${name}: '${key}' has shape [${stacked.shape.join(', ')}]`);
    }
    return stacked.data.slice(t * size, (t + 1) * size);
  };
  const num = (key: string): number => {
    const v = f.config[key];
    if (typeof v !== 'number') throw new Error(`${name}: config.${key} is not a number`);
    return v;
  };
  return { fixture: f, param, steps, at, num };
}

/** Sets each step's gradient, steps, and compares the param and the named state after every step. */
export function expectTrajectory(
  c: OptimCase,
  step: () => void,
  state: Record<string, () => Float32Array | undefined>,
): void {
  for (let t = 0; t < c.steps; t++) {
    c.param.grad.data.set(c.at('grads', t));
    step();
    expectClose(c.param.value.data, c.at('params', t), SINGLE_OP, `params after step ${t + 1}`);
    for (const [key, read] of Object.entries(state)) {
      const actual = read();
      if (actual === undefined) throw new Error(`${key}: no state after step ${t + 1}`);
      expectClose(actual, c.at(key, t), SINGLE_OP, `${key} after step ${t + 1}`);
    }
  }
}

/** A one-dimensional weight named 'w' holding `values`, for a hand-worked step. */
export function param(values: number[]): Param {
  return makeParam('w', 'weight', tensor([values.length], values));
}

/** `actual` holds `expected`, each element to 6 decimals. */
export function near(actual: Float32Array | undefined, expected: number[]): void {
  expect(actual).toBeDefined();
  expect(actual!.length).toBe(expected.length);
  expected.forEach((e, i) => expect(actual![i], `element ${i}`).toBeCloseTo(e, 6));
}
