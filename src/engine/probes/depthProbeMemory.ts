import { engineWasmKernels } from '../kernels/wasmKernels';
import { gemmLayout, WASM_PAGE_BYTES } from '../kernels/wasmLayout';
import { formatMegabytes, RUN_MEMORY_BUDGET } from '../train/memoryPlan';

/** The sizes that decide what a depth probe allocates (a subset of DepthProbeOptions). */
export interface DepthProbeShape {
  readonly depth: number;
  readonly width: number;
  readonly batchSize: number;
  readonly norm: 'none' | 'batchNorm' | 'layerNorm' | 'rmsNorm';
  readonly residual?: boolean;
}

/** Bytes, by what they hold. */
export interface DepthProbeMemoryParts {
  /** The weight bank: the layers kept drawn between probes, so a slider move reuses them. */
  readonly bank: number;
  /** One weight matrix the layers beyond the bank are drawn into, in turn (0 when all are banked). */
  readonly spareWeight: number;
  /** One weight gradient all layers share: each layer's ‖∂L/∂W‖ is read before the next overwrites it. */
  readonly weightGradient: number;
  /**
   * The input batch, the loss gradient r / N, and every layer's output and norm statistics (with
   * skip connections also every sum and the skip path's gradient).
   */
  readonly activations: number;
  /** The two input-gradient buffers backward hands down (src/engine/layers/scratch.ts). */
  readonly gradientScratch: number;
  /** The WebAssembly memory of the largest product (forward, ∂W and ∂x are all width × width × batch). */
  readonly wasm: number;
}

export interface DepthProbeMemory {
  readonly budget: number;
  /** Layers whose weights stay in the bank; the others are drawn again when backward needs them. */
  readonly bankedLayers: number;
  readonly parts: DepthProbeMemoryParts;
  readonly total: number;
  readonly fits: boolean;
}

const F32 = 4;
const F64 = 8;

/** What one norm layer of `width` features holds for a batch of `n`: output, affine with its gradient, statistics. */
function normBytes(norm: DepthProbeShape['norm'], width: number, n: number): number {
  switch (norm) {
    case 'none':
      return 0;
    case 'batchNorm':
      // y; γ, β and their grads; running mean and var; the batch's mean, var and unbiased var; μ,
      // 1/σ and the sums of the batch's three in float64; num_batches_tracked
      // (src/engine/layers/batchNorm.ts)
      return n * width * F32 + width * (9 * F32 + 5 * F64) + F32;
    case 'layerNorm':
      // y; γ, β and their grads; their float64 gradient sums; μ and 1/σ per sample in float64
      // (src/engine/layers/normCore.ts)
      return n * width * F32 + width * (4 * F32 + 2 * F64) + n * 2 * F64;
    case 'rmsNorm':
      // y; γ and its grad; its float64 gradient sum; 1/rms per sample in float64
      // (src/engine/layers/rmsNorm.ts)
      return n * width * F32 + width * (2 * F32 + F64) + n * F64;
  }
}

function wasmBytes(width: number, n: number): number {
  const kernels = engineWasmKernels;
  if (kernels === undefined) return 0;
  const end = Math.max(
    gemmLayout(kernels, n, width, width).end, // y = x Wᵀ
    gemmLayout(kernels, width, width, n).end, // ∂W = dyᵀ x
  );
  return Math.ceil(end / WASM_PAGE_BYTES) * WASM_PAGE_BYTES;
}

/**
 * What a depth probe of `shape` allocates, and how many of its layers the weight bank may keep so the
 * whole stays within `budget` (256 MB, a run's budget: the probe has a worker of its own). A probe of
 * 200 layers of width 512 would hold 630 MB if every layer kept its weights, their gradient and a
 * bank copy; here the layers share one gradient, and the bank keeps what the budget leaves room for.
 * `fits` is false when even a bank of no layers is too much (widths beyond what the Lab and lessons
 * allow). test/engine/probes/depthProbeMemory.test.ts holds it against what a real probe keeps.
 */
export function depthProbeMemory(
  shape: DepthProbeShape,
  budget: number = RUN_MEMORY_BUDGET,
): DepthProbeMemory {
  const { depth, width, batchSize: n, norm } = shape;
  const skip = shape.residual === true;
  const matrix = width * width * F32;
  const batch = n * width * F32;
  const fixed = {
    weightGradient: matrix,
    // x and r / N, then per layer the Linear's and the activation's outputs and the norm; with skip
    // connections each layer's sum and one gradient for the skip path
    activations:
      (skip ? 3 : 2) * batch + depth * ((skip ? 3 : 2) * batch + normBytes(norm, width, n)),
    gradientScratch: 2 * batch,
    wasm: wasmBytes(width, n),
  };
  const base = fixed.weightGradient + fixed.activations + fixed.gradientScratch + fixed.wasm;
  // The whole bank if it fits; otherwise a spare matrix and as many banked layers as remain room.
  const bankedLayers =
    base + depth * matrix <= budget
      ? depth
      : Math.max(0, Math.min(depth - 1, Math.floor((budget - base - matrix) / matrix)));
  const parts: DepthProbeMemoryParts = {
    ...fixed,
    bank: bankedLayers * matrix,
    spareWeight: bankedLayers < depth ? matrix : 0,
  };
  const total = Object.values(parts).reduce((a, b) => a + b, 0);
  return { budget, bankedLayers, parts, total, fits: total <= budget };
}

/** Why a depth probe of `shape` cannot run within `budget`, naming what to lower; undefined when it fits. */
export function depthProbeRefusal(
  shape: DepthProbeShape,
  budget: number = RUN_MEMORY_BUDGET,
): string | undefined {
  const plan = depthProbeMemory(shape, budget);
  if (plan.fits) return undefined;
  return `A probe of ${shape.depth} layers of width ${shape.width} needs about ${formatMegabytes(plan.total)} of memory, more than the ${formatMegabytes(budget)} it may use. Lower the width or the depth.`;
}
