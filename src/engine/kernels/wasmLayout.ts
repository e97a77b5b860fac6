import type { ConvGeometry } from './im2col';

/**
 * What laying operands out in the WebAssembly module's memory needs to know about the module: where
 * the caller's scratch starts and how big the kernels' workspaces and tables are. The instantiated
 * module (wasmKernels.ts) answers from its exports; the memory plan answers without instantiating it
 * (wasmSizing.ts), so planning a run on the main thread never loads the module.
 */
export interface WasmSizing {
  /** First byte callers may lay out operands from (below it is the module's own data). */
  readonly base: number;
  readonly exports: {
    workspaceBytes(N: number): number;
    convTableBytes(channels: number, kernel: number, outHeight: number, outWidth: number): number;
  };
}

/** WebAssembly memory grows in pages of this many bytes. */
export const WASM_PAGE_BYTES = 65536;

/** Lays operands out one after another from `start`, each on a 64-byte boundary. */
export class WasmLayout {
  private next: number;

  constructor(start: number) {
    this.next = align64(start);
  }

  /** Reserves `bytes` and returns where they start. */
  take(bytes: number): number {
    const at = this.next;
    this.next = align64(at + bytes);
    return at;
  }

  /** The first byte past everything reserved. */
  get end(): number {
    return this.next;
  }
}

const align64 = (bytes: number): number => Math.ceil(bytes / 64) * 64;

/**
 * Where an M×N×K product puts A, B, C and its workspace in the module's memory; `end` is how much
 * memory it needs (the memory plan reads it too, src/engine/train/memoryPlan.ts).
 */
export function gemmLayout(
  sizing: WasmSizing,
  M: number,
  N: number,
  K: number,
): { offA: number; offB: number; offC: number; work: number; end: number } {
  const layout = new WasmLayout(sizing.base);
  const offA = layout.take(M * K * 4);
  const offB = layout.take(K * N * 4);
  const offC = layout.take(M * N * 4);
  const work = layout.take(sizing.exports.workspaceBytes(N));
  return { offA, offB, offC, work, end: layout.end };
}

/**
 * Floats the kernel may read before and after an input: in a "same" convolution it loads four
 * neighbouring pixels at once, at offsets up to k·(W + 1) from the plane, and masks the ones that
 * fall outside the image (see assembly/conv.ts).
 */
function guardBytes(g: ConvGeometry): number {
  return (g.kernel * (Math.max(g.width, g.outWidth) + 1) + 4) * 4;
}

/** Float counts of x, W and y (or dy). */
export function convSizes(
  g: ConvGeometry,
  outChannels: number,
): { x: number; w: number; y: number } {
  return {
    x: g.batch * g.channels * g.height * g.width,
    w: outChannels * g.channels * g.kernel * g.kernel,
    y: g.batch * outChannels * g.outHeight * g.outWidth,
  };
}

/**
 * Reserves the geometry table and x with its guard bands at the start of the module's scratch
 * memory, and returns where the table and x are.
 */
function layOutInput(
  sizing: WasmSizing,
  g: ConvGeometry,
  sizeX: number,
): { layout: WasmLayout; table: number; offX: number } {
  const guard = guardBytes(g);
  const layout = new WasmLayout(sizing.base);
  const table = layout.take(
    sizing.exports.convTableBytes(g.channels, g.kernel, g.outHeight, g.outWidth),
  );
  layout.take(guard);
  const offX = layout.take(sizeX * 4 + guard);
  return { layout, table, offX };
}

/** Where a forward convolution puts its operands; `end` is how much memory it needs. */
export function convForwardLayout(
  sizing: WasmSizing,
  g: ConvGeometry,
  outChannels: number,
  bias: boolean,
): {
  table: number;
  offX: number;
  offW: number;
  offBias: number;
  offY: number;
  work: number;
  end: number;
} {
  const { x: sizeX, w: sizeW, y: sizeY } = convSizes(g, outChannels);
  const { layout, table, offX } = layOutInput(sizing, g, sizeX);
  const offW = layout.take(sizeW * 4);
  const offBias = bias ? layout.take(outChannels * 4) : 0;
  const offY = layout.take(sizeY * 4);
  const work = layout.take(sizing.exports.workspaceBytes(g.batch * g.outHeight * g.outWidth));
  return { table, offX, offW, offBias, offY, work, end: layout.end };
}

/** Where a weight gradient puts its operands; `end` is how much memory it needs. */
export function convWeightGradientLayout(
  sizing: WasmSizing,
  g: ConvGeometry,
  outChannels: number,
): { table: number; offX: number; offDy: number; offDw: number; work: number; end: number } {
  const { x: sizeX, w: sizeW, y: sizeDy } = convSizes(g, outChannels);
  const { layout, table, offX } = layOutInput(sizing, g, sizeX);
  const offDy = layout.take(sizeDy * 4);
  const offDw = layout.take(sizeW * 4);
  const work = layout.take(sizing.exports.workspaceBytes(g.channels * g.kernel * g.kernel));
  return { table, offX, offDy, offDw, work, end: layout.end };
}

/** One 4×8 tile of the micro-kernel, in bytes. */
const TILE_BYTES = 4 * 8 * 4;

/**
 * The zero-padded copy of x the stride-1 kernels read (assembly/convPadded.ts): every plane with
 * `padding` zeros around it, then the k + 8 floats the last tiles may read past the last plane.
 */
function paddedInputBytes(g: ConvGeometry): number {
  const planes = g.batch * g.channels;
  const padded = (g.height + 2 * g.padding) * (g.width + 2 * g.padding);
  return (planes * padded + g.kernel + 8) * 4;
}

/** Where a stride-1 forward convolution (assembly/convPadded.ts) puts its operands. */
export function convPaddedForwardLayout(
  sizing: WasmSizing,
  g: ConvGeometry,
  outChannels: number,
  bias: boolean,
): {
  offX: number;
  offXp: number;
  taps: number;
  offW: number;
  offBias: number;
  offY: number;
  work: number;
  end: number;
} {
  const { x: sizeX, w: sizeW, y: sizeY } = convSizes(g, outChannels);
  const layout = new WasmLayout(sizing.base);
  const offX = layout.take(sizeX * 4);
  const offXp = layout.take(paddedInputBytes(g));
  const taps = layout.take(g.channels * g.kernel * g.kernel * 4);
  const offW = layout.take(sizeW * 4);
  const offBias = bias ? layout.take(outChannels * 4) : 0;
  const offY = layout.take(sizeY * 4);
  // A product's workspace for one column sliver: the packed-A block, then room for the tile.
  const work = layout.take(sizing.exports.workspaceBytes(1));
  return { offX, offXp, taps, offW, offBias, offY, work, end: layout.end };
}

/** Where a stride-1 weight gradient (assembly/convPadded.ts) puts its operands. */
export function convPaddedWeightGradientLayout(
  sizing: WasmSizing,
  g: ConvGeometry,
  outChannels: number,
): {
  offX: number;
  offXp: number;
  taps: number;
  positions: number;
  offDy: number;
  offDyp: number;
  offDw: number;
  tile: number;
  end: number;
} {
  const { x: sizeX, w: sizeW, y: sizeDy } = convSizes(g, outChannels);
  const depth = g.batch * g.outHeight * g.outWidth;
  const layout = new WasmLayout(sizing.base);
  const offX = layout.take(sizeX * 4);
  const offXp = layout.take(paddedInputBytes(g));
  const taps = layout.take(g.channels * g.kernel * g.kernel * 4);
  const positions = layout.take(depth * 4);
  const offDy = layout.take(sizeDy * 4);
  const offDyp = layout.take(Math.ceil(outChannels / 8) * depth * 8 * 4);
  const offDw = layout.take(sizeW * 4);
  const tile = layout.take(TILE_BYTES);
  return { offX, offXp, taps, positions, offDy, offDyp, offDw, tile, end: layout.end };
}

/**
 * Where one call of the layers' loops (src/engine/layers/layerWasm.ts: ReLU, the residual sum,
 * BatchNorm, a convolution's bias gradient) puts its numbers: three float64 a channel (or plane),
 * then two operands of `floats` floats each; `end` is how much memory it needs (the memory plan
 * reads it too).
 */
export function eltwiseLayout(
  sizing: WasmSizing,
  floats: number,
  channels: number,
): { perChannel: number; first: number; second: number; end: number } {
  const layout = new WasmLayout(sizing.base);
  const perChannel = layout.take(24 * channels);
  const first = layout.take(4 * floats);
  const second = layout.take(4 * floats);
  return { perChannel, first, second, end: layout.end };
}

/**
 * The optimizers' updates (src/engine/optim/optimWasm.ts) go through the module in chunks of at
 * most this many floats of a parameter, so the memory they need stays small whatever the layer.
 */
export const OPTIMIZER_CHUNK = 4096;

/**
 * Where one optimizer update puts its operands (the parameter, its gradient and up to two state
 * arrays: SGD's momentum buffer, Adam's two moments), `floats` floats each; `end` is how much
 * memory it needs (the memory plan reads it too).
 */
export function optimizerLayout(
  sizing: WasmSizing,
  floats: number,
): { p: number; g: number; s0: number; s1: number; end: number } {
  const layout = new WasmLayout(sizing.base);
  const p = layout.take(4 * floats);
  const g = layout.take(4 * floats);
  const s0 = layout.take(4 * floats);
  const s1 = layout.take(4 * floats);
  return { p, g, s0, s1, end: layout.end };
}

/** Whether a convolution runs on the padded kernels (stride 1) rather than the table-driven ones. */
export function convIsPadded(g: ConvGeometry): boolean {
  return g.stride === 1;
}

/** Bytes of module memory a forward convolution needs, whichever kernel runs it. */
export function convForwardBytes(
  sizing: WasmSizing,
  g: ConvGeometry,
  outChannels: number,
  bias: boolean,
): number {
  return convIsPadded(g)
    ? convPaddedForwardLayout(sizing, g, outChannels, bias).end
    : convForwardLayout(sizing, g, outChannels, bias).end;
}

/** Bytes of module memory a weight gradient needs, whichever kernel runs it. */
export function convWeightGradientBytes(
  sizing: WasmSizing,
  g: ConvGeometry,
  outChannels: number,
): number {
  return convIsPadded(g)
    ? convPaddedWeightGradientLayout(sizing, g, outChannels).end
    : convWeightGradientLayout(sizing, g, outChannels).end;
}
