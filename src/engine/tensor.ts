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
 * Returns `cached` when it already has `shape`, else a fresh zeroed tensor. Layers use this to reuse
 * their output buffers from one step to the next instead of allocating every call.
 */
export function reuse(cached: Tensor | undefined, shape: Shape): Tensor {
  return cached !== undefined && sameShape(cached.shape, shape) ? cached : zeros(shape);
}
