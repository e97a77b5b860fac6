/**
 * Where one convolution of lesson 5's CNN loses time (8 → 8 channels, 3×3, padding 1, 14×14,
 * batch 32): `npx tsx bench/convBreakdown.ts`. Each of the three products a training step makes
 * (forward, input gradient, weight gradient) is timed as Conv2d calls it (copies into and out of the
 * module's memory included) and as the wasm kernel alone on operands already in the module's memory,
 * next to `sgemm` on an explicit im2col matrix of the same shape (what the packing from NCHW costs
 * against packing a plain matrix). GFLOP/s of CPU time, 2·M·N·K per product, subjects taking turns.
 */
import { readFileSync } from 'node:fs';
import { engineConvWasm } from '../src/engine/kernels/convWasm';
import type { ConvGeometry } from '../src/engine/kernels/im2col';
import { engineWasmKernels } from '../src/engine/kernels/wasmKernels';
import {
  convForwardLayout,
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
  const gemmAt = gemmLayout(kernels, outChannels, columns, depth);
  const setup = (table: number) =>
    exports.convSetup(
      g.batch,
      g.channels,
      g.height,
      g.width,
      g.kernel,
      g.stride,
      g.padding,
      g.outHeight,
      g.outWidth,
      table,
    );
  // The kernel-only subjects each lay their operands out once, then call the kernel again and again.
  const residentForward = () => {
    const heap = kernels.heap(forwardAt.end);
    heap.set(x, forwardAt.offX >> 2);
    heap.set(w, forwardAt.offW >> 2);
    setup(forwardAt.table);
  };
  const residentGradient = () => {
    const heap = kernels.heap(gradAt.end);
    heap.set(x, gradAt.offX >> 2);
    heap.set(dy, gradAt.offDy >> 2);
    setup(gradAt.table);
  };
  const residentGemm = () => {
    const heap = kernels.heap(Math.max(gemmAt.end, gradAt.end, forwardAt.end));
    heap.fill(0.5, gemmAt.offA >> 2, gemmAt.offC >> 2);
  };
  let last = '';
  const once = (name: string, prepare: () => void, body: () => void) => () => {
    if (last !== name) prepare();
    last = name;
    body();
  };
  const subjects: [string, number, () => void][] = [
    ['forward, as Conv2d calls it', depth, () => conv.forward(x, w, undefined, y, g, outChannels)],
    [
      'forward, kernel alone',
      depth,
      once('f', residentForward, () =>
        exports.convForward(
          forwardAt.offX,
          forwardAt.offW,
          0,
          forwardAt.offY,
          outChannels,
          forwardAt.work,
        ),
      ),
    ],
    [
      'weight gradient, as Conv2d calls it',
      depth,
      () => conv.weightGradient(dy, x, dw, g, outChannels),
    ],
    [
      'weight gradient, kernel alone',
      depth,
      once('g', residentGradient, () =>
        exports.convWeightGrad(gradAt.offDy, gradAt.offX, gradAt.offDw, outChannels, gradAt.work),
      ),
    ],
    [
      'sgemm 8×72 · 72×6272 (im2col made)',
      depth,
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
    [
      'sgemm 8×6272 · 6272×72 (dW shape)',
      depth,
      once('n', residentGemm, () =>
        exports.sgemm(
          0,
          1,
          outChannels,
          depth,
          columns,
          gemmAt.offA,
          gemmAt.offB,
          gemmAt.offC,
          1,
          gemmAt.work,
        ),
      ),
    ],
  ];
  const flops = (2 * outChannels * columns * depth) / 1e9;
  const rates = measureInterleaved(
    subjects.map(([, , step]) => step),
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
