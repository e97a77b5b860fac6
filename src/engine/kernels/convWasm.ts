import type { ConvGeometry } from './im2col';
import { engineWasmKernels, type WasmKernels } from './wasmKernels';
import { wasmSwitch } from './wasmSwitch';
import {
  convForwardLayout,
  convIsPadded,
  convPaddedForwardLayout,
  convPaddedWeightGradientLayout,
  convSizes,
  convWeightGradientLayout,
} from './wasmLayout';

/**
 * Convolutions on the WebAssembly SIMD module as implicit GEMMs (assembly/conv.ts): the im2col
 * matrix is never built, the kernel packs its panels straight from the NCHW tensors. Each call
 * copies its operands into the module's memory and its result back; those copies are the size of
 * x and y, against k² times that for an im2col matrix. Stride-1 convolutions (every one our models
 * have, and every stride-1 input gradient) run on a zero-padded copy of x made in the module
 * (assembly/convPadded.ts); others on the kernel-offset tables of assembly/conv.ts.
 */
export interface ConvWasm {
  /** y [N, O, OH, OW] = conv(x, W) + b, W [O, C, k, k]; overwrites y. */
  forward(
    x: Float32Array,
    weight: Float32Array,
    bias: Float32Array | undefined,
    y: Float32Array,
    g: ConvGeometry,
    outChannels: number,
  ): void;
  /** dW [O, C, k, k] += Σ_{n, oh, ow} dy[n, o, oh, ow] · x[n, c, oh·s − p + i, ow·s − p + j]. */
  weightGradient(
    dy: Float32Array,
    x: Float32Array,
    weightGrad: Float32Array,
    g: ConvGeometry,
    outChannels: number,
  ): void;
}

/** Prepares the padded kernels (assembly/convPadded.ts) for geometry g. */
export function setupPaddedConv(kernels: WasmKernels, g: ConvGeometry): void {
  kernels.exports.convPaddedSetup(
    g.batch,
    g.channels,
    g.height,
    g.width,
    g.kernel,
    g.padding,
    g.outHeight,
    g.outWidth,
  );
}

/** Builds the table-driven kernels' offset table (assembly/conv.ts) for geometry g at byte `table`. */
export function setupConvTable(kernels: WasmKernels, g: ConvGeometry, table: number): void {
  kernels.exports.convSetup(
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
}

export function createConvWasm(kernels: WasmKernels): ConvWasm {
  // The exports are read at each call: release() may have replaced the instance.
  return {
    forward(x, weight, bias, y, g, outChannels) {
      const { x: sizeX, w: sizeW, y: sizeY } = convSizes(g, outChannels);
      if (convIsPadded(g)) {
        const at = convPaddedForwardLayout(kernels, g, outChannels, bias !== undefined);
        const heap = kernels.heap(at.end);
        heap.set(x.subarray(0, sizeX), at.offX >> 2);
        heap.set(weight.subarray(0, sizeW), at.offW >> 2);
        if (bias !== undefined) heap.set(bias.subarray(0, outChannels), at.offBias >> 2);
        setupPaddedConv(kernels, g);
        kernels.exports.convPaddedForward(
          at.offX,
          at.offXp,
          at.taps,
          at.offW,
          at.offBias,
          at.offY,
          outChannels,
          at.work,
        );
        y.set(heap.subarray(at.offY >> 2, (at.offY >> 2) + sizeY));
        return;
      }
      const { table, offX, offW, offBias, offY, work, end } = convForwardLayout(
        kernels,
        g,
        outChannels,
        bias !== undefined,
      );
      const heap = kernels.heap(end);
      heap.set(x.subarray(0, sizeX), offX >> 2);
      heap.set(weight.subarray(0, sizeW), offW >> 2);
      if (bias !== undefined) heap.set(bias.subarray(0, outChannels), offBias >> 2);
      setupConvTable(kernels, g, table);
      kernels.exports.convForward(offX, offW, offBias, offY, outChannels, work);
      y.set(heap.subarray(offY >> 2, (offY >> 2) + sizeY));
    },

    weightGradient(dy, x, weightGrad, g, outChannels) {
      const { x: sizeX, w: sizeW, y: sizeDy } = convSizes(g, outChannels);
      if (convIsPadded(g)) {
        const at = convPaddedWeightGradientLayout(kernels, g, outChannels);
        const heap = kernels.heap(at.end);
        heap.set(x.subarray(0, sizeX), at.offX >> 2);
        heap.set(dy.subarray(0, sizeDy), at.offDy >> 2);
        heap.set(weightGrad.subarray(0, sizeW), at.offDw >> 2);
        setupPaddedConv(kernels, g);
        kernels.exports.convPaddedWeightGrad(
          at.offDy,
          at.offX,
          at.offXp,
          at.taps,
          at.positions,
          at.offDyp,
          at.offDw,
          outChannels,
          at.tile,
        );
        weightGrad.set(heap.subarray(at.offDw >> 2, (at.offDw >> 2) + sizeW));
        return;
      }
      const { table, offX, offDy, offDw, work, end } = convWeightGradientLayout(
        kernels,
        g,
        outChannels,
      );
      const heap = kernels.heap(end);
      heap.set(x.subarray(0, sizeX), offX >> 2);
      heap.set(dy.subarray(0, sizeDy), offDy >> 2);
      heap.set(weightGrad.subarray(0, sizeW), offDw >> 2);
      setupConvTable(kernels, g, table);
      kernels.exports.convWeightGrad(offDy, offX, offDw, outChannels, work);
      weightGrad.set(heap.subarray(offDw >> 2, (offDw >> 2) + sizeW));
    },
  };
}

/** The engine's wasm convolutions, or undefined where WebAssembly SIMD is missing (Conv2d then uses im2col). */
export const engineConvWasm: ConvWasm | undefined =
  engineWasmKernels && createConvWasm(engineWasmKernels);

const implicitPath = wasmSwitch(engineConvWasm);

/** The convolution kernel Conv2d uses: the wasm implicit GEMM, or undefined for im2col + gemm. */
export function implicitConv(): ConvWasm | undefined {
  return implicitPath.current();
}

/**
 * Switches Conv2d between the implicit GEMM and im2col + gemm (tests and the benchmark compare the
 * two); returns whether the implicit GEMM was on. Without WebAssembly SIMD it is im2col either way.
 */
export function setImplicitConv(enabled: boolean): boolean {
  return implicitPath.use(enabled);
}
