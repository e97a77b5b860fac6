/**
 * The four reference models of the benchmark, described once and built twice: with our engine
 * (ourModels.ts) and with TensorFlow.js (tfjsModels.ts). One training step is forward + backward +
 * an SGD(momentum 0.9) update on a fixed batch of N(0, 1) inputs with random labels in 0..9.
 */
export interface MlpSpec {
  readonly kind: 'mlp';
  readonly inputs: number;
  readonly hidden: number;
  readonly depth: number;
  readonly batchNorm: boolean;
  readonly batch: number;
}

export interface CnnSpec {
  readonly kind: 'cnn';
  /** Input [N, 1, size, size]. */
  readonly size: number;
  readonly channels: number;
  readonly blocks: number;
  readonly batch: number;
}

export type ReferenceSpec = MlpSpec | CnnSpec;

export const CLASSES = 10;
export const LEARNING_RATE = 0.01;
export const MOMENTUM = 0.9;
export const BN_EPS = 1e-5;

export const REFERENCE_MODELS = {
  // 196 → 8 × [Linear 64, BatchNorm1d, ReLU] → Linear 10
  'mlp-bn': { kind: 'mlp', inputs: 196, hidden: 64, depth: 8, batchNorm: true, batch: 64 },
  // 196 → 8 × [Linear 64, ReLU] → Linear 10
  'mlp-plain': { kind: 'mlp', inputs: 196, hidden: 64, depth: 8, batchNorm: false, batch: 64 },
  // 784 → 4 × [Linear 256, BatchNorm1d, ReLU] → Linear 10
  'mlp-wide': { kind: 'mlp', inputs: 784, hidden: 256, depth: 4, batchNorm: true, batch: 128 },
  // 1×14×14 → Conv3×3(16) + BN + ReLU → 3 × BasicBlock(16) → global average pool → Linear 10
  'cnn-res': { kind: 'cnn', size: 14, channels: 16, blocks: 3, batch: 32 },
} as const satisfies Record<string, ReferenceSpec>;

export type ReferenceName = keyof typeof REFERENCE_MODELS;

export const REFERENCE_NAMES = Object.keys(REFERENCE_MODELS) as ReferenceName[];

export function describeSpec(spec: ReferenceSpec): string {
  if (spec.kind === 'mlp') {
    const block = spec.batchNorm
      ? `[Linear ${spec.hidden}, BN, ReLU]`
      : `[Linear ${spec.hidden}, ReLU]`;
    return `${spec.inputs} → ${spec.depth} × ${block} → Linear ${CLASSES}, batch ${spec.batch}`;
  }
  return (
    `1×${spec.size}×${spec.size} → Conv3×3(${spec.channels}) + BN + ReLU → ${spec.blocks} residual blocks` +
    ` → avg pool → Linear ${CLASSES}, batch ${spec.batch}`
  );
}
