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
