import { describe, expect, it } from 'vitest';
import { createBitModel, RangeDecoder, RangeEncoder } from '../../../src/engine/data/rangeCoder';
import { createRng } from '../../../src/engine/rng';

/** Codes `bits` with one adaptive slot per context `contexts[i]`, then decodes them back. */
function roundTrip(bits: number[], contexts: number[], slots: number) {
  const encoder = new RangeEncoder();
  const encodeModel = createBitModel(slots);
  bits.forEach((bit, i) => encoder.code(encodeModel, contexts[i]!, bit));
  const bytes = encoder.finish();
  const decoder = new RangeDecoder(bytes, 'test');
  const decodeModel = createBitModel(slots);
  const decoded = contexts.map((c) => decoder.code(decodeModel, c, 0));
  return { bytes, decoded, consumed: decoder.consumed };
}

describe('range coder', () => {
  it('round-trips random bits of varied skew across several contexts', () => {
    const rng = createRng(7);
    const skew = [0.5, 0.9, 0.02, 0.999, 0.3];
    const contexts = Array.from({ length: 20_000 }, () => rng.int(skew.length));
    const bits = contexts.map((c) => (rng.next() < skew[c]! ? 1 : 0));
    const { decoded, bytes, consumed } = roundTrip(bits, contexts, skew.length);
    expect(decoded).toEqual(bits);
    expect(consumed).toBeLessThanOrEqual(bytes.length);
  });

  it('compresses a skewed stream to within 12% of its entropy', () => {
    // 40,000 bits with P(1) ≈ 0.05: H ≈ 0.286 bits per bit ≈ 1,430 bytes. The adaptive slot keeps
    // a learning rate of 1/31.5, whose estimation noise costs a few percent over the entropy.
    const rng = createRng(3);
    const bits = Array.from({ length: 40_000 }, (): number => (rng.next() < 0.05 ? 1 : 0));
    const p = bits.reduce((a, b) => a + b, 0) / bits.length;
    const entropyBytes = (bits.length * -(p * Math.log2(p) + (1 - p) * Math.log2(1 - p))) / 8;
    const { bytes, decoded } = roundTrip(bits, new Array<number>(bits.length).fill(0), 1);
    expect(decoded).toEqual(bits);
    expect(bytes.length).toBeGreaterThan(entropyBytes);
    expect(bytes.length).toBeLessThan(entropyBytes * 1.12);
  });

  it('survives long runs of certain bits (carry propagation through 0xFF bytes)', () => {
    const bits = [...new Array<number>(30_000).fill(1), 0, ...new Array<number>(30_000).fill(0), 1];
    const { decoded } = roundTrip(bits, new Array<number>(bits.length).fill(0), 1);
    expect(decoded).toEqual(bits);
  });

  it('round-trips an empty stream', () => {
    expect(roundTrip([], [], 1).decoded).toEqual([]);
  });

  it('throws a clear error when the compressed bytes run out', () => {
    const rng = createRng(11);
    const bits = Array.from({ length: 5_000 }, () => rng.int(2));
    const { bytes } = roundTrip(bits, new Array<number>(bits.length).fill(0), 1);
    const decoder = new RangeDecoder(bytes.subarray(0, bytes.length >> 1), 'half.bin');
    const model = createBitModel(1);
    expect(() => {
      for (let i = 0; i < bits.length; i++) decoder.code(model, 0, 0);
    }).toThrow(/half\.bin: compressed data ends after \d+ bytes/);
  });
});
