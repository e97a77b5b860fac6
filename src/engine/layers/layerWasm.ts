import { engineWasmKernels, type WasmKernels } from '../kernels/wasmKernels';
import { eltwiseLayout } from '../kernels/wasmLayout';
import { wasmSwitch } from '../kernels/wasmSwitch';

/**
 * ReLU's, the residual sum's, BatchNorm's and a convolution's bias gradient's loops in the WebAssembly
 * module (assembly/eltwise.ts), with the same bits as the JavaScript loops in relu.ts,
 * residualBlock.ts, batchNorm.ts and conv2d.ts, which stay
 * the definition and the path without WebAssembly SIMD. In JavaScript each of these loops costs 1–4 ns
 * a float (a typed-array load is a bounds check and a float32→float64 conversion, and V8 never
 * vectorises); in the module four floats (two for float64 arithmetic) go at once, and copying an
 * operand in or out costs about 0.1 ns a float (docs/PERFORMANCE.md).
 *
 * Nothing stays in the module's memory between calls (the convolutions use it too): each call copies
 * its operands in, from `base` on, and its result out. Channel loops take NCHW as [N, C, S] and the
 * samples [from, to) of it: only those rows are copied.
 */
export class LayerWasm {
  private f32: Float32Array = new Float32Array(0);
  private f64: Float64Array = new Float64Array(0);
  /** Byte addresses of this call's per-channel numbers and of its two operands. */
  private perChannel = 0;
  private first = 0;
  private second = 0;

  constructor(private readonly kernels: WasmKernels) {}

  /** y = max(0, x) (relu.ts). */
  relu(x: Float32Array, y: Float32Array): void {
    this.layout(x.length, 0);
    this.f32.set(x, this.first >> 2);
    this.kernels.exports.reluForward(this.first, x.length);
    this.read(this.first, y);
  }

  /** dx = dy · [x > 0 or x is NaN] (relu.ts; x may be ReLU's output, which gives the same mask). */
  reluGradient(x: Float32Array, dy: Float32Array, dx: Float32Array): void {
    this.layout(x.length, 0);
    this.f32.set(x, this.first >> 2);
    this.f32.set(dy, this.second >> 2);
    this.kernels.exports.reluBackward(this.first, this.second, x.length);
    this.read(this.second, dx);
  }

  /** out = a + b in float32 (the residual sum and its gradient). */
  add(a: Float32Array, b: Float32Array, out: Float32Array): void {
    this.layout(a.length, 0);
    this.f32.set(a, this.first >> 2);
    this.f32.set(b, this.second >> 2);
    this.kernels.exports.addInPlace(this.first, this.second, a.length);
    this.read(this.first, out);
  }

  /** sums[2c], sums[2c + 1] = Σ d, Σ d² over channel c of samples [from, to), d = x − its first value. */
  channelSums(x: Float32Array, rows: Rows, sums: Float64Array): void {
    const n = this.loadRows(x, undefined, rows);
    this.kernels.exports.channelSums(
      this.first,
      0,
      n,
      rows.channels,
      rows.spatial,
      this.perChannel,
    );
    sums.set(this.f64.subarray(this.perChannel >> 3, (this.perChannel >> 3) + 2 * rows.channels));
  }

  /** sums[2c], sums[2c + 1] = Σ dy, Σ dy·(x − mean[c]) over channel c of samples [from, to). */
  channelGradientSums(
    x: Float32Array,
    dy: Float32Array,
    rows: Rows,
    mean: Float64Array,
    sums: Float64Array,
  ): void {
    const n = this.loadRows(x, dy, rows);
    // The means go after the sums, both in the per-channel area (3 numbers a channel).
    const means = this.perChannel + 16 * rows.channels;
    this.f64.set(mean.subarray(0, rows.channels), means >> 3);
    this.kernels.exports.channelGradientSums(
      this.first,
      this.second,
      0,
      n,
      rows.channels,
      rows.spatial,
      means,
      this.perChannel,
    );
    sums.set(this.f64.subarray(this.perChannel >> 3, (this.perChannel >> 3) + 2 * rows.channels));
  }

  /** sums[p] = Σ of plane p of v (planes of `spatial` floats), float64 in memory order. */
  planeSums(v: Float32Array, spatial: number, sums: Float64Array): void {
    const planes = v.length / spatial;
    // The sums go in the per-channel area, one number a plane.
    this.layout(v.length, planes);
    this.f32.set(v, this.first >> 2);
    this.kernels.exports.planeSums(this.first, planes, spatial, this.perChannel);
    sums.set(this.f64.subarray(this.perChannel >> 3, (this.perChannel >> 3) + planes));
  }

  /**
   * y = x·scale + offset over channel c of samples [from, to); coefficients as (scale, offset) pairs.
   * `loaded`: the module's last call was `channelSums` on this x and these rows, so x is in place.
   */
  channelAffine(
    x: Float32Array,
    y: Float32Array,
    rows: Rows,
    coefficients: Float64Array,
    loaded = false,
  ): void {
    const n = loaded ? this.placeRows(rows) : this.loadRows(x, undefined, rows);
    this.f64.set(coefficients.subarray(0, 2 * rows.channels), this.perChannel >> 3);
    const { exports } = this.kernels;
    exports.channelAffine(
      this.first,
      this.first,
      0,
      n,
      rows.channels,
      rows.spatial,
      this.perChannel,
    );
    this.readRows(this.first, y, rows);
  }

  /**
   * dx = dy·p + x·q + o over channel c of samples [from, to); coefficients as (p, q, o) triples.
   * `loaded`: the module's last call was `channelGradientSums` on this x, dy and these rows.
   */
  channelGradient(
    x: Float32Array,
    dy: Float32Array,
    dx: Float32Array,
    rows: Rows,
    coefficients: Float64Array,
    loaded = false,
  ): void {
    const n = loaded ? this.placeRows(rows) : this.loadRows(x, dy, rows);
    this.f64.set(coefficients.subarray(0, 3 * rows.channels), this.perChannel >> 3);
    const { exports } = this.kernels;
    exports.channelGradient(
      this.first,
      this.second,
      0,
      n,
      rows.channels,
      rows.spatial,
      this.perChannel,
    );
    this.readRows(this.second, dx, rows);
  }

  /** Copies rows [from, to) of x (and of dy) in; returns how many rows. */
  private loadRows(x: Float32Array, dy: Float32Array | undefined, rows: Rows): number {
    const row = rows.channels * rows.spatial;
    const count = (rows.to - rows.from) * row;
    this.layout(count, rows.channels);
    this.f32.set(x.subarray(rows.from * row, rows.to * row), this.first >> 2);
    if (dy) this.f32.set(dy.subarray(rows.from * row, rows.to * row), this.second >> 2);
    return rows.to - rows.from;
  }

  /** The layout of `loadRows` for rows already in the module (an affine map after its sums); returns how many rows. */
  private placeRows(rows: Rows): number {
    this.layout((rows.to - rows.from) * rows.channels * rows.spatial, rows.channels);
    return rows.to - rows.from;
  }

  private readRows(at: number, out: Float32Array, rows: Rows): void {
    const row = rows.channels * rows.spatial;
    const count = (rows.to - rows.from) * row;
    out.set(this.f32.subarray(at >> 2, (at >> 2) + count), rows.from * row);
  }

  private read(at: number, out: Float32Array): void {
    out.set(this.f32.subarray(at >> 2, (at >> 2) + out.length));
  }

  /** Room for three float64 numbers per channel and two operands of `floats` floats each. */
  private layout(floats: number, channels: number): void {
    const at = eltwiseLayout(this.kernels, floats, channels);
    this.perChannel = at.perChannel;
    this.first = at.first;
    this.second = at.second;
    const heap = this.kernels.heap(at.end);
    if (heap !== this.f32) {
      this.f32 = heap;
      this.f64 = new Float64Array(heap.buffer, 0, heap.buffer.byteLength >> 3);
    }
  }
}

/** Samples [from, to) of an input viewed as [N, channels, spatial]. */
export interface Rows {
  readonly from: number;
  readonly to: number;
  readonly channels: number;
  readonly spatial: number;
}

const layerPath = wasmSwitch(engineWasmKernels && new LayerWasm(engineWasmKernels));

/** The module's loops, or undefined without WebAssembly SIMD (the layers then run their own loops). */
export function layerWasm(): LayerWasm | undefined {
  return layerPath.current();
}

/** Turns the module's loops off or back on (tests compare both paths); returns whether they were on. */
export function useLayerWasm(on: boolean): boolean {
  return layerPath.use(on);
}
