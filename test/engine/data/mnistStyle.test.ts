import { describe, expect, it } from 'vitest';
import { downsample2x } from '../../../src/engine/data/downsample';
import {
  digitAtResolution,
  mnistStyleDigit,
  resampleArea,
} from '../../../src/engine/data/mnistStyle';

/** A side × side pad with a filled rectangle of ink. */
function pad(side: number, top: number, left: number, h: number, w: number): Float32Array {
  const ink = new Float32Array(side * side);
  for (let y = top; y < top + h; y++) for (let x = left; x < left + w; x++) ink[y * side + x] = 1;
  return ink;
}

/** Bounding box and centre of mass of a 28×28 byte image. */
function measure(image: Uint8Array) {
  let [top, bottom, left, right, mass, my, mx] = [28, -1, 28, -1, 0, 0, 0];
  for (let y = 0; y < 28; y++) {
    for (let x = 0; x < 28; x++) {
      const v = image[y * 28 + x]!;
      if (v === 0) continue;
      [top, bottom, left, right] = [
        Math.min(top, y),
        Math.max(bottom, y),
        Math.min(left, x),
        Math.max(right, x),
      ];
      mass += v;
      my += v * (y + 0.5);
      mx += v * (x + 0.5);
    }
  }
  return { height: bottom - top + 1, width: right - left + 1, cy: my / mass, cx: mx / mass };
}

describe('resampleArea', () => {
  it('averages whole blocks and keeps the mean at fractional scales', () => {
    const image = Float32Array.from([1, 3, 5, 7, 2, 4, 6, 8, 0, 0, 0, 0, 9, 9, 9, 9]);
    expect([...resampleArea(image, 4, 4, 2, 2)]).toEqual([2.5, 6.5, 4.5, 4.5]);
    const mean = (v: Float32Array) => v.reduce((a, b) => a + b, 0) / v.length;
    expect(mean(resampleArea(image, 4, 4, 3, 3))).toBeCloseTo(mean(image), 5);
  });
});

describe('mnistStyleDigit', () => {
  it('fits the ink into 20 pixels on its longer side, aspect ratio kept', () => {
    // A tall bar, 200 × 50 pixels, in the top-left corner of a 280-pixel pad.
    const digit = mnistStyleDigit(pad(280, 10, 20, 200, 50), 280, 280)!;
    const m = measure(digit);
    expect([m.height, m.width]).toEqual([20, 5]);
    expect(Math.max(...digit)).toBe(255);
  });

  it('puts the centre of mass on the centre of the field wherever the ink was drawn', () => {
    for (const [top, left] of [
      [0, 0],
      [150, 190],
    ] as const) {
      // An L shape: its centre of mass is not the centre of its box.
      const ink = pad(280, top, left, 80, 20);
      for (let y = top + 60; y < top + 80; y++)
        for (let x = left; x < left + 80; x++) ink[y * 280 + x] = 1;
      const m = measure(mnistStyleDigit(ink, 280, 280)!);
      expect(Math.abs(m.cy - 14)).toBeLessThanOrEqual(0.5);
      expect(Math.abs(m.cx - 14)).toBeLessThanOrEqual(0.5);
    }
  });

  it('gives nothing for an empty pad and refuses a wrong size', () => {
    expect(mnistStyleDigit(new Float32Array(100), 10, 10)).toBeUndefined();
    expect(() => mnistStyleDigit(new Float32Array(10), 10, 10)).toThrow('10×10 needs 100 values');
  });

  it('reaches 14×14 through the same 2×2 means as the 14×14 data set', () => {
    const digit = mnistStyleDigit(pad(280, 40, 40, 120, 120), 280, 280)!;
    expect(digitAtResolution(digit, 28)).toBe(digit);
    expect([...digitAtResolution(digit, 14)]).toEqual([...downsample2x(digit, 1, 28, 28)]);
  });
});
