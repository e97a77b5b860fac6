import { describe, expect, it } from 'vitest';
import {
  classColor,
  densityColor,
  hexToRgb,
  layerColor,
  RUN_COLORS,
  RUN_IDS,
  runColor,
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

  it('colours the shallowest layer purple and the deepest green', () => {
    expect(layerColor(0, 5)).toBe('#440154');
    expect(layerColor(4, 5)).toBe('#aadc32');
    expect(layerColor(0, 1)).toBe('#440154');
  });
});
