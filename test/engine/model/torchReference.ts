import { join } from 'node:path';
import { expect } from 'vitest';
import type { Model } from '../../../src/engine/model/model';
import { runTorchScript } from '../../helpers/torchPython';

/** Runs one of the PyTorch reference scripts beside this file on `input`; returns what it prints. */
export function runReference(script: string, input: unknown): Promise<unknown> {
  return runTorchScript(join(import.meta.dirname, script), input);
}

/** A model's state_dict and every tensor's shape, as engine_mlp.py loads them. */
export function stateForTorch(model: Model): {
  state: Record<string, number[]>;
  shapes: Record<string, readonly number[]>;
} {
  const shapes: Record<string, readonly number[]> = {};
  for (const p of model.params()) shapes[p.name] = p.value.shape;
  for (const b of model.buffers()) shapes[b.name] = b.value.shape;
  const state = Object.fromEntries(
    Object.entries(model.stateDict()).map(([name, values]) => [name, Array.from(values)]),
  );
  return { state, shapes };
}

/** Every value PyTorch gave (float64) is the model's own within float32 tolerance. */
export function expectStateClose(
  mine: Record<string, Float32Array>,
  torch: Record<string, number[]>,
): void {
  for (const [name, expected] of Object.entries(torch)) {
    const actual = mine[name]!;
    expected.forEach((e, i) => {
      expect(Math.abs(actual[i]! - e), `${name}[${i}]`).toBeLessThanOrEqual(
        1e-5 + 1e-4 * Math.abs(e),
      );
    });
  }
}
