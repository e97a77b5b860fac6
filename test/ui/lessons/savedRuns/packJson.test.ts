import { describe, expect, it } from 'vitest';
import { packJson, unpackJson } from '../../../../src/ui/lessons/savedRuns/packJson';

describe('packJson', () => {
  it('round-trips plain values and typed arrays of every kind, nested anywhere', () => {
    const value = {
      label: 'Net',
      n: 3,
      none: null,
      list: [1, 'two', { f32: Float32Array.of(0.1, -2.5e23, 3) }],
      i32: Int32Array.of(1, -2, 2_000_000_000),
      u32: Uint32Array.of(0, 4_000_000_000),
      f64: Float64Array.of(Math.PI),
      u8: Uint8Array.of(0, 255),
    };
    const back = unpackJson(packJson(value)) as typeof value;
    expect(back).toEqual(value);
    expect(back.i32).toBeInstanceOf(Int32Array);
    expect(back.u32).toBeInstanceOf(Uint32Array);
    expect((back.list[2] as { f32: Float32Array }).f32).toBeInstanceOf(Float32Array);
  });

  it('keeps a view of part of a larger buffer as just that part', () => {
    const whole = Float32Array.of(1, 2, 3, 4);
    const back = unpackJson(packJson({ part: whole.subarray(1, 3) })) as { part: Float32Array };
    expect(Array.from(back.part)).toEqual([2, 3]);
  });

  it('compresses what repeats, such as mostly-empty histograms', () => {
    const counts = new Uint32Array(40 * 200);
    expect(packJson({ counts }).length).toBeLessThan(counts.byteLength / 20);
  });

  it('throws on text it did not write', () => {
    expect(() => unpackJson('not base64 at all!')).toThrow();
    expect(() => unpackJson(btoa('plain text'))).toThrow();
  });
});
