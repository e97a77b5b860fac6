import { runColor } from '../charts/palette';

/**
 * Run colours on a projector. The learner's Okabe–Ito colours are 17 ΔE apart at the closest pair
 * under the common colour-vision deficiencies, and their green and pink wash out on a projector.
 * These four stay at least 39 ΔE*ab apart for typical vision and for protanopia, deuteranopia and
 * tritanopia simulated with Machado et al. (2009) at full severity, and each has at least 3:1
 * contrast on white (test/ui/present/presenterPalette.test.ts checks both with colorVision.ts).
 * A stays blue and B orange, as in the learner's palette; C is black and D pink.
 */
export const PRESENTER_RUN_COLORS: Readonly<Record<string, string>> = {
  A: '#006CD1',
  B: '#E66100',
  C: '#000000',
  D: '#CC79A7',
};

/** A run's colour in presenter mode (or the learner's colour when presenting is off). */
export function presenterRunColor(id: string, presenting: boolean): string {
  return (presenting ? PRESENTER_RUN_COLORS[id] : undefined) ?? runColor(id);
}
