import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseModelSpec, SpecError } from '../../../src/engine/model/spec';

/** A valid MLP spec, to mutate: most random values are rejected at the first field. */
const valid = {
  family: 'mlp',
  inputSize: 2,
  numClasses: 2,
  depth: 2,
  width: 8,
  activation: 'relu',
  norm: { kind: 'groupNorm', groups: 2 },
  normPlacement: 'before',
  init: { kind: 'kaimingNormal', a: 0, mode: 'fanIn', nonlinearity: 'relu' },
  bias: true,
};

function expectSpecOrSpecError(input: unknown): void {
  try {
    parseModelSpec(input);
  } catch (error) {
    expect(error).toBeInstanceOf(SpecError);
    expect((error as SpecError).issues.length).toBeGreaterThan(0);
    expect((error as SpecError).message.length).toBeLessThan(5_000);
  }
}

describe('parseModelSpec properties (fast-check)', () => {
  it('gives a SpecError for any JavaScript value, BigInt included, never another exception', () => {
    fc.assert(
      fc.property(
        fc.anything({
          withBigInt: true,
          withMap: true,
          withSet: true,
          withTypedArray: true,
          withDate: true,
          withBoxedValues: true,
          withNullPrototype: true,
          withSparseArray: true,
        }),
        expectSpecOrSpecError,
      ),
      { numRuns: 1000 },
    );
  });

  it('gives a spec or a SpecError when any one field of a valid spec takes any value', () => {
    const field = fc.constantFrom(...Object.keys(valid), 'extra');
    const value = fc.oneof(
      fc.anything({ withBigInt: true }),
      fc.constantFrom(1e8, 3e8, -1, 0, 4097, Number.NaN, Infinity, 2 ** 53, 1e7 + 1),
    );
    fc.assert(
      fc.property(field, value, (key, v) => expectSpecOrSpecError({ ...valid, [key]: v })),
      { numRuns: 1000 },
    );
  });

  it('answers an out-of-range width with GroupNorm at once, listing no huge divisor table', () => {
    expect(parseModelSpec(valid)).toEqual(valid);
    for (const width of [1e7, 1e8, 3e8]) {
      const started = performance.now();
      expect(() => parseModelSpec({ ...valid, width })).toThrow(SpecError);
      expect(performance.now() - started).toBeLessThan(5_000);
    }
    expect(() =>
      parseModelSpec({ ...valid, width: 12, norm: { kind: 'groupNorm', groups: 5 } }),
    ).toThrow('allowed: 1, 2, 3, 4, 6, 12');
    expect(() => parseModelSpec({ ...valid, width: 10n })).toThrow('width: got 10n;');
  });
});
