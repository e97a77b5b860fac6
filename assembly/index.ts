/**
 * The WebAssembly module's exports: the matrix multiply (assembly/gemm.ts) and the implicit-GEMM
 * convolutions (assembly/conv.ts, and assembly/convPadded.ts for stride 1), sharing one memory and one micro-kernel (assembly/microkernel.ts),
 * the loops of ReLU, the residual sum and BatchNorm (assembly/eltwise.ts) and the optimizers' updates
 * (assembly/optim.ts).
 * The caller (src/engine/kernels/wasmKernels.ts) lays out that memory from `scratchBase()` on.
 */
export { sgemm } from './gemm';
export { workspaceBytes } from './microkernel';
export { convForward, convSetup, convTableBytes, convWeightGrad } from './conv';
export { convPaddedForward, convPaddedSetup, convPaddedWeightGrad } from './convPadded';
export {
  addInPlace,
  channelAffine,
  channelGradient,
  channelGradientSums,
  channelSums,
  planeSums,
  reluBackward,
  reluForward,
} from './eltwise';
export { adamUpdate, sgdUpdate } from './optim';

/** First byte the caller may use: everything below belongs to the module. */
export function scratchBase(): usize {
  return (__heap_base + 63) & ~(<usize>63);
}
