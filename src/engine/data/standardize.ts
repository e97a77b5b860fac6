/** Per-feature mean and (population) standard deviation of a [count, features] table. */
export interface FeatureStats {
  readonly mean: Float64Array;
  readonly std: Float64Array;
}

/**
 * Mean and population std of every column of the row-major [count, features] table `x`, accumulated
 * in float64 around a first-pass mean (two passes, so a column like 1e6 + small noise keeps its std).
 */
export function featureStats(x: Float32Array, count: number, features: number): FeatureStats {
  if (count < 1 || x.length !== count * features) {
    throw new Error(
      `featureStats: ${count} rows of ${features} features need ${count * features} values, got ${x.length}`,
    );
  }
  const mean = new Float64Array(features);
  for (let i = 0; i < count; i++) {
    for (let j = 0; j < features; j++) mean[j]! += x[i * features + j]!;
  }
  for (let j = 0; j < features; j++) mean[j]! /= count;
  const variance = new Float64Array(features);
  for (let i = 0; i < count; i++) {
    for (let j = 0; j < features; j++) {
      const d = x[i * features + j]! - mean[j]!;
      variance[j]! += d * d;
    }
  }
  const std = variance.map((v) => Math.sqrt(v / count));
  return { mean, std };
}

/**
 * (x − mean) / std column by column, as scikit-learn's StandardScaler: a constant column (std 0) is
 * only centred, so it becomes all zeros instead of NaN.
 */
export function standardizeFeatures(
  x: Float32Array,
  features: number,
  stats: FeatureStats,
): Float32Array {
  if (stats.mean.length !== features || stats.std.length !== features) {
    throw new Error(
      `standardizeFeatures: statistics for ${stats.mean.length} features, table has ${features}`,
    );
  }
  const out = new Float32Array(x.length);
  for (let i = 0; i < x.length; i++) {
    const j = i % features;
    const std = stats.std[j]!;
    out[i] = (x[i]! - stats.mean[j]!) / (std > 0 ? std : 1);
  }
  return out;
}
