import type { Dataset } from '../engine/data/dataset';
import type { Model } from '../engine/model/model';
import { tensor } from '../engine/tensor';
import type { DecisionBoundary, DigitPredictions, Inference, LayerActivation } from './protocol';

export const BOUNDARY_SIZE = 48;
/** The grid covers [−1.5, 1.5]²: the 2-D sets fill [−1, 1]², plus a margin to see how the boundary extends. */
export const BOUNDARY_EXTENT = 1.5;
export const DIGIT_COUNT = 16;

/**
 * The half-width of the boundary grid for a set of 2-D points: the built-in sets' 1.5 while every
 * point lies inside it, else enough (in steps of 0.5) to show every point with a tenth to spare, so
 * a learner's own points, standardized or raw, are never off the picture.
 */
export function boundaryExtent(points: Float32Array): number {
  let largest = 0;
  for (const v of points) largest = Math.max(largest, Math.abs(v));
  if (!Number.isFinite(largest)) return BOUNDARY_EXTENT;
  return largest <= BOUNDARY_EXTENT ? BOUNDARY_EXTENT : Math.ceil((1.1 * largest) / 0.5) * 0.5;
}

/** Row-wise softmax of [n, k] logits into `out` (max-shifted, so large logits do not overflow). */
function softmaxRows(logits: Float32Array, n: number, k: number, out: Float32Array): void {
  for (let i = 0; i < n; i++) {
    const row = i * k;
    let max = -Infinity;
    for (let c = 0; c < k; c++) max = Math.max(max, logits[row + c]!);
    let sum = 0;
    for (let c = 0; c < k; c++) {
      const e = Math.exp(logits[row + c]! - max);
      out[row + c] = e;
      sum += e;
    }
    for (let c = 0; c < k; c++) out[row + c] = out[row + c]! / sum;
  }
}

/**
 * Class probabilities over a size × size grid, row-major from the top (y = +extent), in eval mode so
 * BatchNorm uses its running statistics and the picture does not depend on a batch.
 */
export function decisionBoundary(
  model: Model,
  numClasses: number,
  size = BOUNDARY_SIZE,
  extent = BOUNDARY_EXTENT,
): DecisionBoundary {
  const cell = (2 * extent) / size;
  const grid = new Float32Array(size * size * 2);
  for (let row = 0; row < size; row++) {
    const y = extent - (row + 0.5) * cell;
    for (let col = 0; col < size; col++) {
      const i = 2 * (row * size + col);
      grid[i] = -extent + (col + 0.5) * cell;
      grid[i + 1] = y;
    }
  }
  const logits = model.predict(tensor([size * size, 2], grid));
  const probabilities = new Float32Array(size * size * numClasses);
  softmaxRows(logits.data, size * size, numClasses, probabilities);
  return { size, extent, probabilities };
}

/** The first `count` test samples: a fixed set, so the learner watches the same digits all run long. */
export function digitIndices(test: Dataset, count = DIGIT_COUNT): number[] {
  return Array.from({ length: Math.min(count, test.count) }, (_, i) => i);
}

/** Fixed test digits (pixels back in [0, 1]) and the model's predictions for them, in eval mode. */
export function digitPredictions(model: Model, test: Dataset, indices: number[]): DigitPredictions {
  const [, height = 0, width = 0] = test.sampleShape;
  const size = height * width;
  const count = indices.length;
  const x = new Float32Array(count * size);
  const labels = new Int32Array(count);
  indices.forEach((sample, i) => {
    x.set(test.x.subarray(sample * size, (sample + 1) * size), i * size);
    labels[i] = test.y[sample]!;
  });
  const logits = model.predict(tensor([count, ...test.sampleShape], x));
  const k = logits.shape[1] ?? 1;
  const predictions = new Int32Array(count);
  for (let i = 0; i < count; i++) {
    let best = 0;
    for (let c = 1; c < k; c++) if (logits.data[i * k + c]! > logits.data[i * k + best]!) best = c;
    predictions[i] = best;
  }
  // Undo the standardization for display: p = x·std + mean.
  const stats = test.standardization;
  const pixels = new Float32Array(x.length);
  for (let i = 0; i < x.length; i++) {
    const p = stats ? x[i]! * stats.std + stats.mean : x[i]!;
    pixels[i] = Math.min(1, Math.max(0, p));
  }
  return { height, width, pixels, labels, predictions };
}

/**
 * One input of `data`'s kind (bytes 0–255 at its resolution, as a drawn digit) through the model in
 * eval mode: the class probabilities, the prediction and every top-level layer's output. The bytes
 * are scaled exactly as the data set's pixels were (/255, then its standardization).
 */
export function inferOne(
  model: Model,
  data: Dataset,
  pixels: Uint8Array,
  id: number,
  step: number,
): Inference {
  const size = data.sampleShape.reduce((a, b) => a * b, 1);
  if (pixels.length !== size) {
    throw new Error(`inferOne: the data set's samples have ${size} values, got ${pixels.length}`);
  }
  const stats = data.standardization;
  const x = new Float32Array(size);
  for (let i = 0; i < size; i++) {
    const p = pixels[i]! / 255;
    x[i] = stats ? (p - stats.mean) / stats.std : p;
  }
  const layers: LayerActivation[] = [];
  const logits = model.forward(tensor([1, ...data.sampleShape], x), 'eval', (name, layer, out) => {
    if (out.shape.length === 4) {
      const [, channels = 0, h = 0, w = 0] = out.shape;
      const means = new Float32Array(channels);
      for (let c = 0; c < channels; c++) {
        let sum = 0;
        for (let i = 0; i < h * w; i++) sum += out.data[c * h * w + i]!;
        means[c] = sum / (h * w);
      }
      layers.push({ name, label: layer.label, kind: 'channels', values: means });
    } else {
      // Copied: a layer may reuse its output buffer on the next forward.
      layers.push({ name, label: layer.label, kind: 'units', values: Float32Array.from(out.data) });
    }
  });
  const k = logits.shape[1] ?? 1;
  const probabilities = new Float32Array(k);
  softmaxRows(logits.data, 1, k, probabilities);
  let prediction = 0;
  for (let c = 1; c < k; c++) if (probabilities[c]! > probabilities[prediction]!) prediction = c;
  return { id, step, probabilities, prediction, layers };
}
