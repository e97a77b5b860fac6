import type { Dataset } from './dataset';

/** contrast · x + brightness, applied to every input value. */
export interface InputShift {
  readonly contrast: number;
  readonly brightness: number;
}

/** Whether a shift changes anything (contrast 1, brightness 0 is the identity). */
export function isIdentityShift({ contrast, brightness }: InputShift): boolean {
  return contrast === 1 && brightness === 0;
}

/**
 * A copy of a dataset seen through a different camera: every input value x becomes
 * contrast · x + brightness (in whatever units the set is stored, raw or standardized). Labels are
 * unchanged. It is the test-time distribution shift of AdaBN (Li et al. 2016, arXiv:1603.04779):
 * a network trained on the original set meets inputs whose statistics moved.
 */
export function shiftDataset(
  data: Dataset,
  { contrast, brightness }: InputShift,
  /** Copy only the first `limit` samples (an evaluation reads no more). */
  limit = data.count,
): Dataset {
  if (!Number.isFinite(contrast) || !Number.isFinite(brightness)) {
    throw new Error(
      `shiftDataset: contrast and brightness must be finite numbers, got ${contrast} and ${brightness}`,
    );
  }
  const count = Math.min(limit, data.count);
  const x = new Float32Array(data.sampleShape.reduce((a, b) => a * b, 1) * count);
  for (let i = 0; i < x.length; i++) x[i] = contrast * data.x[i]! + brightness;
  return {
    name: `${data.name} (contrast ×${contrast}, brightness ${brightness >= 0 ? '+' : ''}${brightness})`,
    x,
    y: count === data.count ? data.y : data.y.subarray(0, count),
    count,
    sampleShape: data.sampleShape,
    numClasses: data.numClasses,
  };
}
