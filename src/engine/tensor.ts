/**
 * A dense float32 tensor in row-major (C) order. 4-D activations are NCHW, as in PyTorch.
 * Deliberately minimal: layers work on `data` directly, so the hot loops stay visible.
 */
export type Shape = readonly number[];

export interface Tensor {
  readonly shape: Shape;
  readonly data: Float32Array;
}

export function numel(shape: Shape): number {
  let n = 1;
  for (const d of shape) n *= d;
  return n;
}

export function tensor(shape: Shape, data?: Float32Array | ArrayLike<number>): Tensor {
  const n = numel(shape);
  if (data === undefined) return { shape: [...shape], data: new Float32Array(n) };
  if (data.length !== n) {
    throw new Error(`tensor: shape [${shape.join(', ')}] needs ${n} values, got ${data.length}`);
  }
  return { shape: [...shape], data: data instanceof Float32Array ? data : Float32Array.from(data) };
}

export function zeros(shape: Shape): Tensor {
  return tensor(shape);
}

export function sameShape(a: Shape, b: Shape): boolean {
  return a.length === b.length && a.every((d, i) => d === b[i]);
}

export function formatShape(shape: Shape): string {
  return `[${shape.join(', ')}]`;
}

/** Throws a readable error when `x` does not have `rank` dimensions. */
export function expectRank(x: Tensor, rank: number | readonly number[], where: string): void {
  const ranks = typeof rank === 'number' ? [rank] : rank;
  if (!ranks.includes(x.shape.length)) {
    throw new Error(
      `${where}: expected a ${ranks.join('-D or ')}-D input, got shape ${formatShape(x.shape)}`,
    );
  }
}

/**
 * Returns `cached` when it already has `shape`, else a tensor of `shape` on the same storage when that
 * is big enough, else a fresh zeroed one. Layers use this to reuse their output buffers from one step
 * to the next: a layer that alternates between a training batch and a smaller validation chunk keeps
 * one array, as big as the larger of the two, instead of allocating anew at every switch. Contents of
 * a reused tensor are whatever was there: callers overwrite every value.
 */
export function reuse(cached: Tensor | undefined, shape: Shape): Tensor {
  if (cached === undefined) return zeros(shape);
  if (sameShape(cached.shape, shape)) return cached;
  const n = numel(shape);
  const storage = cached.data;
  if (storage.byteOffset === 0 && storage.buffer.byteLength >= n * 4) {
    return { shape: [...shape], data: new Float32Array(storage.buffer, 0, n) };
  }
  return zeros(shape);
}
