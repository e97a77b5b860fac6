/**
 * The depth probe's latency at the size the issue names (depth 100, width 256, batch 64): cold (a new
 * seed, so every weight is drawn) and warm (another depth of the same setting, as when a slider moves).
 */
import { depthProbe, type DepthProbeOptions } from '../src/engine/probes/depthProbe';
import { reluProbe } from '../test/engine/probes/reluProbe';

export interface DepthProbeTiming {
  readonly setting: string;
  /** Milliseconds: median (min–max) of 5 runs after one warm-up. */
  readonly coldMs: { readonly median: number; readonly min: number; readonly max: number };
  readonly warmMs: { readonly median: number; readonly min: number; readonly max: number };
}

const summarize = (times: number[]) => {
  const sorted = [...times].sort((a, b) => a - b);
  return {
    median: sorted[Math.floor(sorted.length / 2)]!,
    min: sorted[0]!,
    max: sorted[sorted.length - 1]!,
  };
};

export function measureDepthProbe(): DepthProbeTiming {
  const base = reluProbe({ depth: 100, width: 256, batchSize: 64, seed: 1000 });
  const time = (options: DepthProbeOptions): number => {
    const started = performance.now();
    depthProbe(options);
    return performance.now() - started;
  };
  time(base); // warm-up: JIT and the wasm kernel
  const cold = [1, 2, 3, 4, 5].map((seed) => time({ ...base, seed: base.seed + seed }));
  const warm = [99, 100, 98, 100, 97].map((depth) => time({ ...base, seed: base.seed + 5, depth }));
  return {
    setting: 'depth 100, width 256, batch 64, ReLU, Kaiming',
    coldMs: summarize(cold),
    warmMs: summarize(warm),
  };
}
