import { compileAssemblyScript } from '../scripts/buildWasm';
import { gemm } from '../src/engine/kernels/gemm';
import { engineWasmKernels } from '../src/engine/kernels/wasmKernels';
import { createRng } from '../src/engine/rng';
import { cpuSeconds, DEFAULT_MEASURE, measureInterleaved, type Rate } from './measure';

/** The micro-kernel test bed: assembly/bench/microkernelLoop.ts, compiled with the module's flags. */
interface MicrokernelLoop {
  memory: WebAssembly.Memory;
  scratchBase(): number;
  microkernelLoop(kc: number, calls: number, aSlivers: number, work: number): void;
  peakLoop(steps: number, x: number): number;
  multiplyChain(steps: number, x: number): number;
}

const SIZE = 256;
const KC = 256;
/** Rows of A per packed block / rows per sliver, as in assembly/microkernel.ts (MC / MR). */
const A_SLIVERS_PER_BLOCK = 16;
/** Micro-kernel calls per step: as many as one 256×256×256 product makes (64 × 32 tiles). */
const CALLS = (SIZE / 4) * (SIZE / 8);

export interface GemmBreakdown {
  /** `gemm()` as every layer calls it: argument check, copies in and out, sgemm. */
  readonly gemm: Rate;
  /** `sgemm` on operands already in the module's memory: packing, loop nest, micro-kernel. */
  readonly sgemm: Rate;
  /** The 4×8 micro-kernel alone, on the same packed slivers every call (all in L1). */
  readonly microkernelL1: Rate;
  /** The micro-kernel on one B sliver and 16 A slivers in turn (A, 64 KiB, streams from L2). */
  readonly microkernelL2: Rate;
  /**
   * The ceiling without loads (`peakLoop`): GFLOP/s counting every vector multiply and add as 4
   * flops, the 2 adds a trip that keep the loop honest included.
   */
  readonly peak: Rate;
  /** The clock in GHz, from a chain of dependent f64 multiplies at 4 cycles each. */
  readonly clockGHz: Rate;
}

/** Vector operations per trip of `peakLoop`. */
const PEAK_OPS_PER_TRIP = 18;
/** Multiplies per step of the clock chain, and the latency of one (cycles). */
const CHAIN = 20_000_000;
const MULTIPLY_LATENCY = 4;

function randomArray(length: number, seed: number): Float32Array {
  const rng = createRng(seed);
  return Float32Array.from({ length }, () => rng.normal());
}

/**
 * Where the 256×256×256 product loses time against the micro-kernel's own speed: the four subjects
 * above, all GFLOP/s of the same 2·256³ flops per step, repetitions taking turns, timed in CPU time
 * (each subject is one thread's arithmetic, and the machine we measure on is shared).
 */
export async function measureGemmBreakdown(): Promise<GemmBreakdown> {
  const kernels = engineWasmKernels;
  if (!kernels) throw new Error('bench: the gemm breakdown needs WebAssembly SIMD');
  const [M, N, K] = [SIZE, SIZE, SIZE];
  const A = randomArray(M * K, 1);
  const B = randomArray(K * N, 2);
  const C = new Float32Array(M * N);

  const { sgemm, workspaceBytes } = kernels.exports;
  const offA = kernels.base;
  const offB = offA + M * K * 4;
  const offC = offB + K * N * 4;
  const work = offC + M * N * 4;
  const heap = kernels.heap(work + workspaceBytes(N));
  heap.set(A, offA >> 2);
  heap.set(B, offB >> 2);

  const bytes = await compileAssemblyScript('assembly/bench/microkernelLoop.ts');
  const loop = new WebAssembly.Instance(new WebAssembly.Module(new Uint8Array(bytes)), {})
    .exports as unknown as MicrokernelLoop;
  const slivers = loop.scratchBase();
  // One B sliver, C, and 16 A slivers (with their skew), filled with N(0, 1) values.
  const floats = KC * 8 + 64 + A_SLIVERS_PER_BLOCK * (KC * 4 + 16);
  loop.memory.grow(Math.ceil((slivers + floats * 4) / 65536));
  new Float32Array(loop.memory.buffer, slivers, floats).set(randomArray(floats, 3));

  const [gemmRate, sgemmRate, l1, l2, peak] = measureInterleaved(
    [
      () => gemm({ transA: false, transB: false, M, N, K, A, B, C, accumulate: false }),
      () => sgemm(0, 0, M, N, K, offA, offB, offC, 0, work),
      () => loop.microkernelLoop(KC, CALLS, 1, slivers),
      () => loop.microkernelLoop(KC, CALLS, A_SLIVERS_PER_BLOCK, slivers),
      // Scaled so that one step is the product's 2·256³ flops.
      () => loop.peakLoop(Math.round((2 * M * N * K) / (PEAK_OPS_PER_TRIP * 4)), 1.0000001),
    ],
    { ...DEFAULT_MEASURE, repSeconds: 0.3, workPerStep: (2 * M * N * K) / 1e9, clock: cpuSeconds },
  );
  const clockGHz = measureInterleaved([() => loop.multiplyChain(CHAIN, 1)], {
    ...DEFAULT_MEASURE,
    repSeconds: 0.3,
    workPerStep: (CHAIN * MULTIPLY_LATENCY) / 1e9,
    clock: cpuSeconds,
  })[0]!;
  return {
    gemm: gemmRate!,
    sgemm: sgemmRate!,
    microkernelL1: l1!,
    microkernelL2: l2!,
    peak: peak!,
    clockGHz,
  };
}
