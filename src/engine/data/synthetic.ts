import type { Rng } from '../rng';
import { tensor, type Tensor } from '../tensor';
import type { Dataset } from './dataset';

/**
 * 2-D toy classification sets in the spirit of TensorFlow Playground, scaled so the clean shapes
 * fill the square [−1, 1]²; `noise` then jitters each coordinate by U(−noise, noise), so points may
 * stray slightly outside. Sample i belongs to class i mod k: classes are balanced (sizes differ by
 * at most one) and interleaved, and the same rng state gives the same points bit for bit.
 */
export type SyntheticGenerator = (count: number, noise: number, rng: Rng) => Dataset;

function checkArgs(where: string, count: number, noise: number, classes: number): void {
  if (!Number.isInteger(count) || count < classes) {
    throw new Error(
      `${where}: count must be an integer ≥ ${classes} (one sample per class), got ${count}`,
    );
  }
  if (!(noise >= 0 && Number.isFinite(noise))) {
    throw new Error(`${where}: noise must be a finite number ≥ 0, got ${noise}`);
  }
}

/** Fills x, y by calling `point(c, out)` for each sample's class c, then adds the jitter. */
function build(
  name: string,
  count: number,
  noise: number,
  rng: Rng,
  classNames: readonly string[],
  point: (c: number, xy: [number, number]) => void,
): Dataset {
  const k = classNames.length;
  const x = new Float32Array(count * 2);
  const y = new Int32Array(count);
  const xy: [number, number] = [0, 0];
  for (let i = 0; i < count; i++) {
    const c = i % k;
    point(c, xy);
    x[2 * i] = xy[0] + rng.uniform(-noise, noise);
    x[2 * i + 1] = xy[1] + rng.uniform(-noise, noise);
    y[i] = c;
  }
  return { name, x, y, count, sampleShape: [2], numClasses: k, classNames };
}

/** Turns per arm: TensorFlow Playground's spiral winds 1.75 times. */
export const SPIRAL_TURNS = 1.75;

/**
 * Interleaved Archimedean spirals: arm c at position t ~ U(0, 1) sits at radius t and angle
 * 2π·(1.75·t + c / arms), so the radius grows with the angle and the arms never cross.
 */
export function spiral(count: number, noise: number, rng: Rng, arms: 2 | 3 = 2): Dataset {
  if (arms !== 2 && arms !== 3) throw new Error(`spiral: arms must be 2 or 3, got ${String(arms)}`);
  checkArgs('spiral', count, noise, arms);
  const names = ['arm A', 'arm B', 'arm C'].slice(0, arms);
  return build(`spiral-${arms}`, count, noise, rng, names, (c, xy) => {
    const t = rng.next();
    const angle = 2 * Math.PI * (SPIRAL_TURNS * t + c / arms);
    xy[0] = t * Math.cos(angle);
    xy[1] = t * Math.sin(angle);
  });
}

/** A disc (radius < 0.5) inside a ring (0.7 ≤ radius < 1), radii uniform as in Playground. */
export function circles(count: number, noise: number, rng: Rng): Dataset {
  checkArgs('circles', count, noise, 2);
  return build('circles', count, noise, rng, ['inner', 'outer'], (c, xy) => {
    const radius = c === 0 ? rng.uniform(0, 0.5) : rng.uniform(0.7, 1);
    const angle = rng.uniform(0, 2 * Math.PI);
    xy[0] = radius * Math.cos(angle);
    xy[1] = radius * Math.sin(angle);
  });
}

/** Gap between the quadrants (Playground's 0.3 padding on its ±5 square). */
export const XOR_PADDING = 0.06;

/** Four quadrants: class 0 where x and y share a sign, class 1 where they differ. */
export function xor(count: number, noise: number, rng: Rng): Dataset {
  checkArgs('xor', count, noise, 2);
  return build('xor', count, noise, rng, ['same sign', 'opposite sign'], (c, xy) => {
    const signX = rng.next() < 0.5 ? -1 : 1;
    const signY = c === 0 ? signX : -signX;
    xy[0] = signX * rng.uniform(XOR_PADDING, 1);
    xy[1] = signY * rng.uniform(XOR_PADDING, 1);
  });
}

export const BLOB_RADIUS = 0.6;
export const BLOB_STD = 0.15;

/** Center of blob c of k: on a circle of radius 0.6, the first at 45° (Playground's two blobs lie on the diagonal). */
export function blobCenter(c: number, classes: number): [number, number] {
  const angle = Math.PI / 4 + (2 * Math.PI * c) / classes;
  return [BLOB_RADIUS * Math.cos(angle), BLOB_RADIUS * Math.sin(angle)];
}

/** k isotropic Gaussian blobs (std 0.15 around centers evenly spaced on a circle). */
export function gaussianBlobs(count: number, noise: number, rng: Rng, classes = 3): Dataset {
  if (!Number.isInteger(classes) || classes < 2 || classes > 10) {
    throw new Error(`gaussianBlobs: classes must be an integer in [2, 10], got ${classes}`);
  }
  checkArgs('gaussianBlobs', count, noise, classes);
  const centers = Array.from({ length: classes }, (_, c) => blobCenter(c, classes));
  const names = centers.map((_, c) => `blob ${c + 1}`);
  return build(`blobs-${classes}`, count, noise, rng, names, (c, xy) => {
    const [cx, cy] = centers[c]!;
    xy[0] = cx + rng.normal(0, BLOB_STD);
    xy[1] = cy + rng.normal(0, BLOB_STD);
  });
}

/** Every synthetic set by name, with its default shape parameters. */
export const SYNTHETIC_SETS = {
  spiral: (count, noise, rng) => spiral(count, noise, rng, 2),
  spiral3: (count, noise, rng) => spiral(count, noise, rng, 3),
  circles,
  xor,
  blobs: (count, noise, rng) => gaussianBlobs(count, noise, rng, 3),
} as const satisfies Record<string, SyntheticGenerator>;

export type SyntheticSetName = keyof typeof SYNTHETIC_SETS;

/** A [count, features] tensor of independent N(0, 1) draws: the input of the depth probe. */
export function gaussianProbeInputs(count: number, features: number, rng: Rng): Tensor {
  for (const [name, value] of [
    ['count', count],
    ['features', features],
  ] as const) {
    if (!Number.isInteger(value) || value < 1) {
      throw new Error(`gaussianProbeInputs: ${name} must be a positive integer, got ${value}`);
    }
  }
  const data = new Float32Array(count * features);
  for (let i = 0; i < data.length; i++) data[i] = rng.normal();
  return tensor([count, features], data);
}
