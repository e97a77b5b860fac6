/**
 * Bench-only WebAssembly entry, compiled by `npm run bench -- --gemm-breakdown` and never shipped
 * (assembly/index.ts does not import it): runs the 4×8 micro-kernel of assembly/microkernel.ts on
 * packed slivers in cache, so that its own speed can be told apart from packing, the loop nest and
 * the copies around it (bench/gemmBreakdown.ts).
 */
import { kernel4x8, NR, sliverA, sliverB } from '../microkernel';

/** First byte the caller may use. */
export function scratchBase(): usize {
  return (__heap_base + 63) & ~(<usize>63);
}

/**
 * `calls` products C[4×8] = Ā[4×kc] · B̄[kc×8] at `work` (B̄, then C, then `aSlivers` slivers of Ā
 * taken in turn, as sgemm's inner loop does with one MC block): 64·kc·calls flops. With one sliver
 * everything is in L1; with MC/MR = 16 slivers of kc = 256, Ā (64 KiB) streams from L2.
 */
export function microkernelLoop(kc: i32, calls: i32, aSlivers: i32, work: usize): void {
  const pb = work;
  const c = pb + ((<usize>sliverB(kc)) << 2);
  const a = c + 256;
  for (let i = 0; i < calls; i++) {
    const pa = a + ((<usize>((i % aSlivers) * sliverA(kc))) << 2);
    kernel4x8(kc, pa, pb, c, NR << 2, false);
  }
}

/**
 * The ceiling without loads: `steps` trips of 8 independent f32x4 multiply-adds (8 accumulators,
 * 4 multipliers in registers) on two vectors that each trip moves by one add, so that nothing can be
 * hoisted out of the loop: 18 vector operations, 64 flops of multiply-add, a trip (`x` near 1). What the micro-kernel
 * could reach if its loads, pointer updates and loop were free. Returns a lane of the sum, so that
 * the work is not dead.
 */
export function peakLoop(steps: i32, x: f32): f32 {
  // Multipliers from an argument, rotated every trip: constants, or values computed once before the
  // loop, are rematerialized inside it (Binaryen sinks them, V8 rebuilds splat constants: a move and
  // a shuffle each, on the ports the adds need), a cost the micro-kernel's loads do not have.
  let a0 = f32x4.splat(x);
  let a1 = f32x4.splat(x * 0.5);
  let a2 = f32x4.splat(x * 0.25);
  let a3 = f32x4.splat(x * 0.125);
  let b0 = f32x4.splat(1e-20);
  let b1 = f32x4.splat(2e-20);
  let c0 = f32x4.splat(0);
  let c1 = c0;
  let c2 = c0;
  let c3 = c0;
  let c4 = c0;
  let c5 = c0;
  let c6 = c0;
  let c7 = c0;
  for (let i = 0; i < steps; i++) {
    c0 = f32x4.add(c0, f32x4.mul(a0, b0));
    c1 = f32x4.add(c1, f32x4.mul(a1, b0));
    c2 = f32x4.add(c2, f32x4.mul(a2, b0));
    c3 = f32x4.add(c3, f32x4.mul(a3, b0));
    c4 = f32x4.add(c4, f32x4.mul(a0, b1));
    c5 = f32x4.add(c5, f32x4.mul(a1, b1));
    c6 = f32x4.add(c6, f32x4.mul(a2, b1));
    c7 = f32x4.add(c7, f32x4.mul(a3, b1));
    b0 = f32x4.add(b0, a0);
    b1 = f32x4.add(b1, a1);
    const t = a0;
    a0 = a1;
    a1 = a2;
    a2 = a3;
    a3 = t;
  }
  const sum = f32x4.add(
    f32x4.add(f32x4.add(c0, c1), f32x4.add(c2, c3)),
    f32x4.add(f32x4.add(c4, c5), f32x4.add(c6, c7)),
  );
  return f32x4.extract_lane(sum, 0);
}

/** `steps` dependent f64 multiplies: at the multiply's latency (4 cycles on Intel since Skylake), the clock. */
export function multiplyChain(steps: i32, x: f64): f64 {
  for (let i = 0; i < steps; i++) x *= 1.0000000001;
  return x;
}
