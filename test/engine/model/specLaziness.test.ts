import { afterEach, describe, expect, it, vi } from 'vitest';
import type * as Zod from '../../../src/engine/zod';
import { mlpSpec } from './specFixtures';

/**
 * spec.ts is loaded with the Lab's settings before the app's first page draws, for its lists of kinds;
 * its schemas are built when first used, not then (docs/PERFORMANCE-UI.md). Counted through a zod
 * whose schema constructors tally their calls.
 */
async function specWithCountedZod() {
  const { z } = await vi.importActual<typeof Zod>('../../../src/engine/zod');
  const calls = { count: 0 };
  const counted = new Proxy(z, {
    get(target, key, receiver) {
      const value: unknown = Reflect.get(target, key, receiver);
      if (typeof value !== 'function' || key === 'lazy') return value;
      return (...args: unknown[]) => {
        calls.count++;
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
  vi.doMock('../../../src/engine/zod', () => ({ z: counted }));
  const spec = await import('../../../src/engine/model/spec');
  return { spec, calls };
}

afterEach(() => {
  vi.doUnmock('../../../src/engine/zod');
  vi.resetModules();
});

describe('model spec schemas', () => {
  it('are not built when the module loads, and are built by the first parse', async () => {
    vi.resetModules();
    const { spec, calls } = await specWithCountedZod();
    expect(calls.count).toBe(0);
    const mlp = mlpSpec({ inputSize: 2, numClasses: 2, depth: 2, width: 8 });
    expect(spec.parseModelSpec(mlp)).toEqual(mlp);
    const built = calls.count;
    expect(built).toBeGreaterThan(10);
    // Built once: a second parse constructs nothing.
    spec.parseModelSpec(mlp);
    expect(calls.count).toBe(built);
  });
});
