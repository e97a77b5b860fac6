import { describe, expect, it } from 'vitest';
import { RUN_COLORS } from '../../../src/ui/charts/palette';
import {
  contrastOnWhite,
  DEFICIENCIES,
  perceivedDistance,
  simulate,
  type Deficiency,
} from '../../../src/ui/present/colorVision';
import { PRESENTER_RUN_COLORS } from '../../../src/ui/present/presenterPalette';

/** The closest pair of colours, as seen with each kind of vision. */
function closestPair(colors: readonly string[], deficiency?: Deficiency): number {
  let min = Infinity;
  for (let i = 0; i < colors.length; i++) {
    for (let j = i + 1; j < colors.length; j++) {
      min = Math.min(min, perceivedDistance(colors[i]!, colors[j]!, deficiency));
    }
  }
  return min;
}

describe('colour-vision simulation (Machado et al. 2009, severity 1)', () => {
  it('leaves greys alone and maps red and green together for protanopia and deuteranopia', () => {
    for (const d of DEFICIENCIES) {
      const grey = simulate('#777777', d);
      expect(Math.abs(grey[0] - grey[1])).toBeLessThan(0.01);
      expect(Math.abs(grey[1] - grey[2])).toBeLessThan(0.01);
    }
    // Pure red and a green of similar lightness, far apart for typical vision, nearly meet.
    const typical = perceivedDistance('#D62728', '#2CA02C');
    expect(typical).toBeGreaterThan(80);
    expect(perceivedDistance('#D62728', '#2CA02C', 'deuteranopia')).toBeLessThan(typical / 3);
    expect(perceivedDistance('#D62728', '#2CA02C', 'protanopia')).toBeLessThan(typical / 2);
  });

  it('measures contrast on white as WCAG does', () => {
    expect(contrastOnWhite('#000000')).toBeCloseTo(21, 5);
    expect(contrastOnWhite('#ffffff')).toBeCloseTo(1, 5);
    expect(contrastOnWhite('#767676')).toBeCloseTo(4.54, 1);
  });
});

describe('presenter palette', () => {
  const colors = Object.values(PRESENTER_RUN_COLORS);

  it('has one colour per run A–D', () => {
    expect(Object.keys(PRESENTER_RUN_COLORS)).toEqual(Object.keys(RUN_COLORS));
  });

  it('keeps every pair at least 39 ΔE apart with typical vision and each common deficiency', () => {
    for (const d of [undefined, ...DEFICIENCIES]) {
      expect(closestPair(colors, d), d ?? 'typical').toBeGreaterThanOrEqual(39);
    }
  });

  it('separates its closest pair twice as well as the learner palette, over all deficiencies', () => {
    const worst = (palette: readonly string[]): number =>
      Math.min(...DEFICIENCIES.map((d) => closestPair(palette, d)));
    expect(worst(Object.values(RUN_COLORS))).toBeLessThan(18);
    expect(worst(colors)).toBeGreaterThan(2 * worst(Object.values(RUN_COLORS)));
  });

  it('draws every line at 3:1 contrast or more on the white chart', () => {
    for (const c of colors) expect(contrastOnWhite(c), c).toBeGreaterThanOrEqual(3);
  });
});
