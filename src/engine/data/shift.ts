import type { Dataset } from './dataset';

/**
 * A copy of a dataset seen through a different camera: every input value x becomes
 * contrast · x + brightness (in whatever units the set is stored, raw or standardized). Labels are
 * unchanged. It is the test-time distribution shift of AdaBN (Li et al. 2016, arXiv:1603.04779):
 * a network trained on the original set meets inputs whose statistics moved.
 */
export function shiftDataset(
  data: Dataset,
  { contrast, brightness }: { readonly contrast: number; readonly brightness: number },
): Dataset {
  if (!Number.isFinite(contrast) || !Number.isFinite(brightness)) {
    throw new Error(
      `shiftDataset: contrast and brightness must be finite numbers, got ${contrast} and ${brightness}`,
    );
  }
  const x = new Float32Array(data.x.length);
  for (let i = 0; i < x.length; i++) x[i] = contrast * data.x[i]! + brightness;
  return {
    name: `${data.name} (contrast ×${contrast}, brightness ${brightness >= 0 ? '+' : ''}${brightness})`,
    x,
    y: data.y,
    count: data.count,
    sampleShape: data.sampleShape,
    numClasses: data.numClasses,
  };
}
