/**
 * tfjs-backend-wasm 4.22 has no Conv2DBackpropFilter kernel, so training a CNN on it would fail (or,
 * with the CPU backend registered, silently fall back to its slow scalar loop). We register one built
 * from the wasm backend's own Transpose and Conv2D (XNNPACK) kernels, for stride 1 and no dilation:
 *
 *   dW[i, j, ci, co] = Σ_{n, oh, ow} x[n, oh + i − pt, ow + j − pl, ci] · dy[n, oh, ow, co]
 *
 * is a convolution of x' = xᵀ [Ci, H, W, N] (Ci as the batch, N as the channels) with the "filter"
 * dy' = dyᵀ [OH, OW, N, Co], with the forward padding: out[ci, i, j, co] = dW[i, j, ci, co], so
 * dW = transpose(out, [1, 2, 0, 3]).
 */
import * as tf from '@tensorflow/tfjs-core';
import type {
  Attribute,
  NamedAttrMap,
  NamedTensorInfoMap,
  TensorInfo,
} from '@tensorflow/tfjs-core';
import type { ExplicitPadding } from '@tensorflow/tfjs-core/dist/ops/conv_util';

type Backend = Parameters<tf.KernelFunc>[0]['backend'];

function runWasmKernel(
  name: string,
  inputs: NamedTensorInfoMap,
  backend: Backend,
  attrs: NamedAttrMap,
): TensorInfo {
  const kernel = tf.getKernel(name, 'wasm');
  if (!kernel)
    throw new Error(`Conv2DBackpropFilter (wasm): the wasm backend has no ${name} kernel`);
  const out = kernel.kernelFunc({ inputs, backend, attrs });
  if (Array.isArray(out))
    throw new Error(`Conv2DBackpropFilter (wasm): ${name} returned several outputs`);
  return out;
}

function disposeInfo(backend: Backend, info: TensorInfo): void {
  if (!(backend instanceof tf.KernelBackend))
    throw new Error('Conv2DBackpropFilter (wasm): no backend');
  backend.disposeData(info.dataId);
}

function numberPair(value: Attribute | undefined, what: string): [number, number] | number {
  if (typeof value === 'number') return value;
  if (Array.isArray(value) && value.length === 2) {
    const [a, b] = value;
    if (typeof a === 'number' && typeof b === 'number') return [a, b];
  }
  throw new Error(
    `Conv2DBackpropFilter (wasm): ${what} must be a number or a pair, got ${String(value)}`,
  );
}

function padding(value: Attribute | undefined): 'same' | 'valid' | number | ExplicitPadding {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && (value === 'same' || value === 'valid')) return value;
  const pairs = Array.isArray(value) ? value.map((pair) => numberPair(pair, 'a padding pair')) : [];
  if (pairs.length === 4 && pairs.every((pair) => Array.isArray(pair))) {
    return pairs as ExplicitPadding;
  }
  throw new Error(`Conv2DBackpropFilter (wasm): unsupported padding ${JSON.stringify(value)}`);
}

function filterShapeOf(value: Attribute | undefined): [number, number, number, number] {
  const dims = Array.isArray(value) ? value.map((d) => (typeof d === 'number' ? d : NaN)) : [];
  const [kh, kw, ci, co] = dims;
  if (dims.length === 4 && dims.every(Number.isInteger)) return [kh!, kw!, ci!, co!];
  throw new Error(
    `Conv2DBackpropFilter (wasm): filterShape must be 4 numbers, got ${String(value)}`,
  );
}

const conv2DBackpropFilter: tf.KernelFunc = ({ inputs, backend, attrs = {} }) => {
  const { x, dy } = inputs;
  if (x === undefined || dy === undefined) {
    throw new Error('Conv2DBackpropFilter (wasm): needs inputs x and dy');
  }
  const dataFormat = attrs['dataFormat'];
  if (dataFormat !== 'NHWC') {
    throw new Error(
      `Conv2DBackpropFilter (wasm): only NHWC is supported, got ${String(dataFormat)}`,
    );
  }
  const strides = numberPair(attrs['strides'], 'strides');
  if (!(strides === 1 || (Array.isArray(strides) && strides[0] === 1 && strides[1] === 1))) {
    throw new Error(
      `Conv2DBackpropFilter (wasm): only stride 1 is supported, got ${String(strides)}`,
    );
  }
  const filterShape = filterShapeOf(attrs['filterShape']);
  const rounding = attrs['dimRoundingMode'];
  const info = tf.backend_util.computeConv2DInfo(
    x.shape as [number, number, number, number],
    filterShape,
    strides,
    1,
    padding(attrs['pad']),
    typeof rounding === 'string' &&
      (rounding === 'floor' || rounding === 'round' || rounding === 'ceil')
      ? rounding
      : undefined,
  );
  const { top, bottom, left, right } = info.padInfo;
  // x' [Ci, H, W, N]: Ci becomes the batch and N the channels.
  const xT = runWasmKernel('Transpose', { x }, backend, { perm: [3, 1, 2, 0] });
  // dy' [OH, OW, N, Co]: a filter of OH×OW taps from N channels to Co.
  const dyT = runWasmKernel('Transpose', { x: dy }, backend, { perm: [1, 2, 0, 3] });
  // out [Ci, kh, kw, Co]
  const out = runWasmKernel('Conv2D', { x: xT, filter: dyT }, backend, {
    strides: [1, 1],
    pad: [
      [0, 0],
      [top, bottom],
      [left, right],
      [0, 0],
    ],
    dataFormat: 'NHWC',
    dilations: [1, 1],
  });
  const dW = runWasmKernel('Transpose', { x: out }, backend, { perm: [1, 2, 0, 3] });
  disposeInfo(backend, xT);
  disposeInfo(backend, dyT);
  disposeInfo(backend, out);
  if (dW.shape.join() !== filterShape.join()) {
    throw new Error(
      `Conv2DBackpropFilter (wasm): computed a filter gradient of shape [${dW.shape.join(', ')}], expected [${filterShape.join(', ')}]`,
    );
  }
  return dW;
};

/** Registers the kernel once (idempotent). */
export function registerWasmConv2DBackpropFilter(): void {
  if (tf.getKernel(tf.Conv2DBackpropFilter, 'wasm')) return;
  tf.registerKernel({
    kernelName: tf.Conv2DBackpropFilter,
    backendName: 'wasm',
    kernelFunc: conv2DBackpropFilter,
  });
}
