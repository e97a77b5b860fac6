import { describe, expect, it } from 'vitest';
import {
  classColor,
  densityColor,
  hexToRgb,
  layerColor,
  RUN_COLORS,
  RUN_IDS,
  runColor,
  writeDensityRgba,
} from '../../../src/ui/charts/palette';

describe('palette', () => {
  it('gives runs A–D four different Okabe–Ito colours', () => {
    const colors = RUN_IDS.map((id) => RUN_COLORS[id]);
    expect(new Set(colors).size).toBe(4);
    expect(runColor('A')).toBe('#0072B2');
    expect(runColor('Z')).toBe('#555555');
  });

  it('cycles class colours past the palette length', () => {
    expect(classColor(0)).toBe(classColor(8));
    expect(classColor(0)).not.toBe(classColor(1));
  });

  it('parses hex colours and rejects anything else with a clear message', () => {
    expect(hexToRgb('#0072B2')).toEqual([0, 114, 178]);
    expect(() => hexToRgb('blue')).toThrow("hexToRgb: expected a colour like #0072B2, got 'blue'");
  });

  it('ramps density from pale yellow to dark blue, clamping out-of-range input', () => {
    expect(densityColor(0)).toEqual([255, 255, 217]);
    expect(densityColor(1)).toEqual([8, 29, 88]);
    expect(densityColor(2)).toEqual([8, 29, 88]);
    expect(densityColor(Number.NaN)).toEqual([255, 255, 217]);
  });

  it('writes the density ramp into RGBA pixels as densityColor gives it, rounded and opaque', () => {
    const out = new Uint8ClampedArray(12).fill(7);
    writeDensityRgba(0, out, 0);
    // 0.3 lies 0.2 of the way from the second stop [199, 233, 180] to the third [65, 182, 196]:
    // 199 − 0.2·134 = 172.2, 233 − 0.2·51 = 222.8, 180 + 0.2·16 = 183.2.
    writeDensityRgba(0.3, out, 4);
    expect(Array.from(out.subarray(0, 8))).toEqual([255, 255, 217, 255, 172, 223, 183, 255]);
    expect(Array.from(out.subarray(8))).toEqual([7, 7, 7, 7]);
    for (const t of [0.15, 0.42, 0.77, 1]) {
      const pixel = new Uint8ClampedArray(4);
      writeDensityRgba(t, pixel, 0);
      expect(Array.from(pixel)).toEqual([...Uint8ClampedArray.from(densityColor(t)), 255]);
    }
  });

  it('colours the shallowest layer purple and the deepest green', () => {
    expect(layerColor(0, 5)).toBe('#440154');
    expect(layerColor(4, 5)).toBe('#aadc32');
    expect(layerColor(0, 1)).toBe('#440154');
  });
});
