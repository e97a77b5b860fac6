/**
 * Where one convolution of lesson 5's CNN loses time (8 → 8 channels, 3×3, padding 1, 14×14,
 * batch 32): `npx tsx bench/convBreakdown.ts`. The forward (the input gradient is the same product)
 * and the weight gradient, each as Conv2d calls it (copies into and out of the module's memory
 * included), with the table-driven kernels of assembly/conv.ts that stride 1 ran on before (same
 * copies), and the padded kernel alone on operands already in the module's memory; next to `sgemm`
 * on an explicit im2col matrix of the same shape. GFLOP/s of CPU time, 2·M·N·K per product, subjects taking turns.
 */
import { readFileSync } from 'node:fs';
import { engineConvWasm, setupConvTable, setupPaddedConv } from '../src/engine/kernels/convWasm';
import type { ConvGeometry } from '../src/engine/kernels/im2col';
import { engineWasmKernels } from '../src/engine/kernels/wasmKernels';
import {
  convForwardLayout,
  convPaddedForwardLayout,
  convPaddedWeightGradientLayout,
  convSizes,
  convWeightGradientLayout,
  gemmLayout,
} from '../src/engine/kernels/wasmLayout';
import { createRng } from '../src/engine/rng';
import { cpuSeconds, DEFAULT_MEASURE, measureInterleaved } from './measure';

export const LESSON5_CONV: ConvGeometry = {
  batch: 32,
  channels: 8,
  height: 14,
  width: 14,
  kernel: 3,
  stride: 1,
  padding: 1,
  outHeight: 14,
  outWidth: 14,
};

function randomArray(length: number, seed: number): Float32Array {
  const rng = createRng(seed);
  return Float32Array.from({ length }, () => rng.normal());
}

export interface ConvBreakdownRow {
  readonly subject: string;
  readonly median: number;
  readonly min: number;
  readonly max: number;
}

export function measureConvBreakdown(g: ConvGeometry = LESSON5_CONV): ConvBreakdownRow[] {
  const kernels = engineWasmKernels;
  const conv = engineConvWasm;
  if (!kernels || !conv) throw new Error('bench: the convolution breakdown needs WebAssembly SIMD');
  const outChannels = g.channels;
  const sizes = convSizes(g, outChannels);
  const x = randomArray(sizes.x, 1);
  const w = randomArray(sizes.w, 2);
  const dy = randomArray(sizes.y, 3);
  const y = new Float32Array(sizes.y);
  const dw = new Float32Array(sizes.w);
  const { exports } = kernels;
  const columns = g.batch * g.outHeight * g.outWidth;
  const depth = g.channels * g.kernel * g.kernel;

  const forwardAt = convForwardLayout(kernels, g, outChannels, false);
  const gradAt = convWeightGradientLayout(kernels, g, outChannels);
  const paddedAt = convPaddedForwardLayout(kernels, g, outChannels, false);
  const paddedGradAt = convPaddedWeightGradientLayout(kernels, g, outChannels);
  const gemmAt = gemmLayout(kernels, outChannels, columns, depth);
  // The table-driven kernels (assembly/conv.ts, what stride-1 convolutions ran on before the padded
  // ones) with the same copies in and out as Conv2d makes.
  const tableForward = () => {
    const heap = kernels.heap(forwardAt.end);
    heap.set(x, forwardAt.offX >> 2);
    heap.set(w, forwardAt.offW >> 2);
    setupConvTable(kernels, g, forwardAt.table);
    exports.convForward(
      forwardAt.offX,
      forwardAt.offW,
      0,
      forwardAt.offY,
      outChannels,
      forwardAt.work,
    );
    y.set(heap.subarray(forwardAt.offY >> 2, (forwardAt.offY >> 2) + sizes.y));
  };
  const tableGradient = () => {
    const heap = kernels.heap(gradAt.end);
    heap.set(x, gradAt.offX >> 2);
    heap.set(dy, gradAt.offDy >> 2);
    heap.set(dw, gradAt.offDw >> 2);
    setupConvTable(kernels, g, gradAt.table);
    exports.convWeightGrad(gradAt.offDy, gradAt.offX, gradAt.offDw, outChannels, gradAt.work);
    dw.set(heap.subarray(gradAt.offDw >> 2, (gradAt.offDw >> 2) + sizes.w));
  };
  // The kernel-only subjects lay their operands out once, then call the kernel again and again.
  const residentForward = () => {
    const heap = kernels.heap(paddedAt.end);
    heap.set(x, paddedAt.offX >> 2);
    heap.set(w, paddedAt.offW >> 2);
    setupPaddedConv(kernels, g);
  };
  const residentGradient = () => {
    const heap = kernels.heap(paddedGradAt.end);
    heap.set(x, paddedGradAt.offX >> 2);
    heap.set(dy, paddedGradAt.offDy >> 2);
    setupPaddedConv(kernels, g);
  };
  const residentGemm = () => {
    const heap = kernels.heap(gemmAt.end);
    heap.fill(0.5, gemmAt.offA >> 2, gemmAt.offC >> 2);
  };
  let last = '';
  const once = (name: string, prepare: () => void, body: () => void) => () => {
    if (last !== name) prepare();
    last = name;
    body();
  };
  const subjects: [string, () => void][] = [
    ['forward, as Conv2d calls it', () => conv.forward(x, w, undefined, y, g, outChannels)],
    ['forward, table kernel (before)', tableForward],
    [
      'forward, padded kernel alone',
      once('f', residentForward, () =>
        exports.convPaddedForward(
          paddedAt.offX,
          paddedAt.offXp,
          paddedAt.taps,
          paddedAt.offW,
          0,
          paddedAt.offY,
          outChannels,
          paddedAt.work,
        ),
      ),
    ],
    ['weight gradient, as Conv2d calls it', () => conv.weightGradient(dy, x, dw, g, outChannels)],
    ['weight gradient, table kernel (before)', tableGradient],
    [
      'weight gradient, padded kernel alone',
      once('g', residentGradient, () =>
        exports.convPaddedWeightGrad(
          paddedGradAt.offDy,
          paddedGradAt.offX,
          paddedGradAt.offXp,
          paddedGradAt.taps,
          paddedGradAt.positions,
          paddedGradAt.offDyp,
          paddedGradAt.offDw,
          outChannels,
          paddedGradAt.tile,
        ),
      ),
    ],
    [
      'sgemm 8×72 · 72×6272 (im2col made)',
      once('m', residentGemm, () =>
        exports.sgemm(
          0,
          0,
          outChannels,
          columns,
          depth,
          gemmAt.offA,
          gemmAt.offB,
          gemmAt.offC,
          0,
          gemmAt.work,
        ),
      ),
    ],
  ];
  const flops = (2 * outChannels * columns * depth) / 1e9;
  const rates = measureInterleaved(
    subjects.map(([, step]) => step),
    { ...DEFAULT_MEASURE, reps: 9, repSeconds: 0.25, workPerStep: flops, clock: cpuSeconds },
  );
  return subjects.map(([subject], i) => ({
    subject,
    median: rates[i]!.median,
    min: rates[i]!.min,
    max: rates[i]!.max,
  }));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const load = () => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
  const before = load();
  const rows = measureConvBreakdown();
  console.log(`one 8→8 3×3 conv, 14×14, batch 32; GFLOP/s of CPU time (median, min–max of 9)`);
  for (const r of rows) {
    const flops = 2 * 8 * 6272 * 72;
    const ms = flops / (r.median * 1e6);
    console.log(
      `  ${r.subject.padEnd(38)} ${r.median.toFixed(1).padStart(5)} (${r.min.toFixed(1)}–${r.max.toFixed(1)})  ${ms.toFixed(3)} ms`,
    );
  }
  console.log(`load average ${before} → ${load()}`);
}
