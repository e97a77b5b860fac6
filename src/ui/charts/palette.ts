/**
 * Colours for every chart. Runs and classes use the Okabe–Ito palette, which stays distinguishable
 * for the common forms of colour-blindness; ramps for depth and density are sequential, so order
 * reads as lightness too.
 */

/** What every chart canvas is filled with first: the chart card's background (charts.css). */
export const CHART_BACKGROUND = '#fff';

export const RUN_IDS = ['A', 'B', 'C', 'D'] as const;
export type RunId = (typeof RUN_IDS)[number];

/** Blue, vermillion, bluish green, reddish purple: all readable as lines on white. */
export const RUN_COLORS: Readonly<Record<RunId, string>> = {
  A: '#0072B2',
  B: '#D55E00',
  C: '#009E73',
  D: '#CC79A7',
};

const FALLBACK_RUN_COLOR = '#555555';

export function runColor(id: string): string {
  return (RUN_COLORS as Readonly<Record<string, string>>)[id] ?? FALLBACK_RUN_COLOR;
}

/** Class colours for the 2-D datasets (Okabe–Ito order, yellow last: it is faint on white). */
export const CLASS_COLORS: readonly string[] = [
  '#0072B2',
  '#E69F00',
  '#009E73',
  '#CC79A7',
  '#56B4E9',
  '#D55E00',
  '#000000',
  '#F0E442',
];

export function classColor(k: number): string {
  return CLASS_COLORS[k % CLASS_COLORS.length] ?? FALLBACK_RUN_COLOR;
}

/** Histogram bars, axis text and reference marks. */
export const BAR_COLOR = '#0072B2';
export const AXIS_COLOR = '#4a4a4a';
export const GRID_COLOR = '#e3e3e3';
export const REFERENCE_COLOR = '#333333';
/** Theory drawn over measurements (init bounds): vermillion, far from the blue bars. */
export const THEORY_COLOR = '#D55E00';

export type Rgb = readonly [number, number, number];

export function hexToRgb(hex: string): Rgb {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) throw new Error(`hexToRgb: expected a colour like #0072B2, got '${hex}'`);
  return [parseInt(m[1]!, 16), parseInt(m[2]!, 16), parseInt(m[3]!, 16)];
}

function rgbToHex([r, g, b]: Rgb): string {
  const part = (v: number): string => Math.round(v).toString(16).padStart(2, '0');
  return `#${part(r)}${part(g)}${part(b)}`;
}

/** The colour at t along `stops`, its channels written into `out` from `offset`. */
function interpolateInto(
  stops: readonly Rgb[],
  t: number,
  out: { [channel: number]: number },
  offset: number,
): void {
  const clamped = Math.min(1, Math.max(0, Number.isFinite(t) ? t : 0));
  const pos = clamped * (stops.length - 1);
  const i = Math.min(Math.floor(pos), stops.length - 2);
  const f = pos - i;
  const a = stops[i]!;
  const b = stops[i + 1]!;
  out[offset] = a[0] + (b[0] - a[0]) * f;
  out[offset + 1] = a[1] + (b[1] - a[1]) * f;
  out[offset + 2] = a[2] + (b[2] - a[2]) * f;
}

function interpolate(stops: readonly Rgb[], t: number): Rgb {
  const rgb: [number, number, number] = [0, 0, 0];
  interpolateInto(stops, t, rgb, 0);
  return rgb;
}

/** YlGnBu: pale yellow (few values) to dark blue (many). */
const DENSITY_STOPS: readonly Rgb[] = [
  [255, 255, 217],
  [199, 233, 180],
  [65, 182, 196],
  [34, 94, 168],
  [8, 29, 88],
];

/** Density colour for t in [0, 1] (0 = the fewest values that still show, 1 = the most). */
export function densityColor(t: number): Rgb {
  return interpolate(DENSITY_STOPS, t);
}

/**
 * densityColor(t) written as opaque RGBA into `out` at `offset`, the same channel values without an
 * array per call: a heatmap colours every cell of every layer on each snapshot, and those arrays
 * were a tenth of the Lab page's garbage with four runs training (12.7 of 128 MB in 10 s).
 */
export function writeDensityRgba(t: number, out: Uint8ClampedArray, offset: number): void {
  interpolateInto(DENSITY_STOPS, t, out, offset);
  out[offset + 3] = 255;
}

export function densityColorHex(t: number): string {
  return rgbToHex(densityColor(t));
}

/** Viridis, cut before its pale yellow end so the deepest layer still reads as a line on white. */
const DEPTH_STOPS: readonly Rgb[] = [
  [68, 1, 84],
  [59, 82, 139],
  [33, 145, 140],
  [94, 201, 98],
  [170, 220, 50],
];

/** Colour of layer `index` of `count`: shallow layers dark purple, deep layers green. */
export function layerColor(index: number, count: number): string {
  return rgbToHex(interpolate(DEPTH_STOPS, count <= 1 ? 0 : index / (count - 1)));
}
