import { describe, expect, it } from 'vitest';
import { shiftDataset } from '../../../src/engine/data/shift';
import { spiral } from '../../../src/engine/data/synthetic';
import { createRng } from '../../../src/engine/rng';

describe('shiftDataset', () => {
  it('maps every input value x to contrast · x + brightness and keeps the labels', () => {
    const data = spiral(20, 0.05, createRng(1));
    const shifted = shiftDataset(data, { contrast: 0.5, brightness: 1 });
    expect(shifted.count).toBe(20);
    expect(shifted.y).toBe(data.y);
    expect(shifted.sampleShape).toEqual(data.sampleShape);
    data.x.forEach((v, i) => expect(shifted.x[i]).toBeCloseTo(0.5 * v + 1, 6));
    expect(shifted.name).toMatch(/contrast ×0.5, brightness \+1/);
    // The original is untouched.
    expect(shifted.x).not.toBe(data.x);
  });

  it('copies only the first `limit` samples when asked (an evaluation reads no more)', () => {
    const data = spiral(20, 0.05, createRng(1));
    const shifted = shiftDataset(data, { contrast: 2, brightness: 0 }, 5);
    expect(shifted.count).toBe(5);
    expect(shifted.x).toHaveLength(10);
    expect([...shifted.y]).toEqual([...data.y.subarray(0, 5)]);
    expect(shifted.x[9]).toBeCloseTo(2 * data.x[9]!, 6);
  });

  it('refuses non-finite settings', () => {
    const data = spiral(4, 0.05, createRng(1));
    expect(() => shiftDataset(data, { contrast: NaN, brightness: 0 })).toThrow(/finite/);
  });
});
