import { hexToRgb, type Rgb } from '../charts/palette';

/**
 * How a colour looks to someone with one of the common colour-vision deficiencies, and how far apart
 * two colours look: the check behind the presenter palette (presenterPalette.ts).
 *
 * Simulation: Machado, Oliveira & Fernandes, "A Physiologically-based Model for Simulation of Color
 * Vision Deficiency" (IEEE TVCG 15(6), 2009), their matrices for severity 1.0 (complete dichromacy),
 * applied to linear-light sRGB. Distance: CIE 1976 ΔE*ab in CIELAB under D65.
 */

export type Deficiency = 'protanopia' | 'deuteranopia' | 'tritanopia';
export const DEFICIENCIES: readonly Deficiency[] = ['protanopia', 'deuteranopia', 'tritanopia'];

type Matrix = readonly [Rgb, Rgb, Rgb];

/** Machado et al. (2009), table of severity 1.0. */
const MACHADO_2009: Readonly<Record<Deficiency, Matrix>> = {
  protanopia: [
    [0.152286, 1.052583, -0.204868],
    [0.114503, 0.786281, 0.099216],
    [-0.003882, -0.048116, 1.051998],
  ],
  deuteranopia: [
    [0.367322, 0.860646, -0.227968],
    [0.280085, 0.672501, 0.047413],
    [-0.01182, 0.04294, 0.968881],
  ],
  tritanopia: [
    [1.255528, -0.076749, -0.178779],
    [-0.078411, 0.930809, 0.147602],
    [0.004733, 0.691367, 0.3039],
  ],
};

/** sRGB channel (0–255) to linear light (0–1). */
function toLinear(channel: number): number {
  const c = channel / 255;
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

/** A colour in linear light, as seen with `deficiency` (or with typical vision when undefined). */
export function simulate(hex: string, deficiency?: Deficiency): Rgb {
  const linear = hexToRgb(hex).map(toLinear) as unknown as Rgb;
  if (!deficiency) return linear;
  const m = MACHADO_2009[deficiency];
  const clamp = (v: number): number => Math.min(1, Math.max(0, v));
  return m.map((row) => clamp(row[0] * linear[0] + row[1] * linear[1] + row[2] * linear[2])) as [
    number,
    number,
    number,
  ];
}

/** Relative luminance Y (0 black, 1 white) of a linear-light colour. */
function luminance([r, g, b]: Rgb): number {
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** CIELAB (D65) of a linear-light sRGB colour. */
export function toLab(linear: Rgb): Rgb {
  const [r, g, b] = linear;
  const x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047;
  const y = luminance(linear);
  const z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883;
  const f = (t: number): number => (t > 216 / 24389 ? Math.cbrt(t) : ((24389 / 27) * t + 16) / 116);
  return [116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))];
}

/** ΔE*ab between two colours as someone with `deficiency` sees them. */
export function perceivedDistance(a: string, b: string, deficiency?: Deficiency): number {
  const [l1, a1, b1] = toLab(simulate(a, deficiency));
  const [l2, a2, b2] = toLab(simulate(b, deficiency));
  return Math.hypot(l1 - l2, a1 - a2, b1 - b2);
}

/** WCAG 2 contrast ratio of a colour against white (3 is the minimum for lines and marks). */
export function contrastOnWhite(hex: string): number {
  return 1.05 / (luminance(simulate(hex)) + 0.05);
}
