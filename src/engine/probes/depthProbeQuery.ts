/**
 * What a depth probe is asked and what it answers, apart from the two probes that measure it
 * (depthProbe.ts for a stack of single layers, residualMlpProbe.ts for the Lab's residual MLP), so
 * each can name the other's types without an import cycle, and the shape both accept.
 */
import type { BranchInit } from '../layers/branchInit';
import type { ActivationKind, InitScheme, NormPlacement } from '../model/spec';

/** What a residual MLP adds to the probe's settings: how its blocks are built and start. */
export interface ResidualMlpBlocks {
  readonly normPlacement: NormPlacement;
  readonly branchInit: BranchInit;
  /** Whether its Linear layers have a bias (the Lab leaves it out where a BatchNorm follows). */
  readonly bias: boolean;
}

export interface DepthProbeOptions {
  /** Hidden layers, 1 to 200. */
  readonly depth: number;
  readonly width: number;
  readonly batchSize: number;
  readonly activation: ActivationKind;
  readonly init: InitScheme;
  readonly norm: 'none' | 'batchNorm' | 'layerNorm' | 'rmsNorm';
  /**
   * Skip connections: each layer's input is added to its output, h ← h + act(norm(W h)), so the
   * gradient reaching a layer is the one at its output plus what came back through its branch.
   */
  readonly residual?: boolean;
  /**
   * The Lab's residual MLP instead of a stack of single layers: a first layer, then `depth` blocks of
   * two Linear layers built as a run builds them (residualMlpProbe.ts). Not together with `residual`.
   */
  readonly residualMlp?: ResidualMlpBlocks;
  readonly seed: number;
}

export interface DepthProbeLayer {
  /** 1-based layer index. */
  readonly layer: number;
  /** Mean and std of the layer's output (after the activation; with skip connections, after the sum). */
  readonly activationMean: number;
  readonly activationStd: number;
  /**
   * ‖∂L/∂h‖ for the layer's output h: the backpropagated signal, which the chain rule multiplies by one
   * Jacobian per layer on its way to the input, so it is what vanishes or explodes with depth.
   */
  readonly gradNorm: number;
  /** ‖∂L/∂W‖ of the layer's weight (= dyᵀx: the two effects above can cancel, see the lesson). */
  readonly weightGradNorm: number;
}

export interface DepthProbeResult {
  readonly layers: readonly DepthProbeLayer[];
  /** Std of the N(0, 1) input batch, for reference (≈ 1). */
  readonly inputStd: number;
  /** What each entry of `layers` is: a layer (absent), or a residual block of two layers. */
  readonly unit?: 'block';
}

/**
 * Refuses a shape no probe can measure, saying what is allowed: both probes check it before they
 * allocate anything (a batch of one has no spread for BatchNorm to divide by).
 */
export function checkProbeShape({
  depth,
  width,
  batchSize,
}: Pick<DepthProbeOptions, 'depth' | 'width' | 'batchSize'>): void {
  if (!Number.isInteger(depth) || depth < 1 || depth > 200) {
    throw new Error(`depthProbe: depth must be a whole number from 1 to 200, got ${depth}`);
  }
  if (!Number.isInteger(width) || width < 1 || width > 4096) {
    throw new Error(`depthProbe: width must be a whole number from 1 to 4096, got ${width}`);
  }
  if (!Number.isInteger(batchSize) || batchSize < 2) {
    throw new Error(
      `depthProbe: batch size must be a whole number of at least 2, got ${batchSize}`,
    );
  }
}
