import { numel, type Shape, type Tensor } from '../tensor';

/**
 * Memory every layer shares instead of each keeping its own (reliability audit, H1: 33 convolutions
 * each holding an im2col matrix took gigabytes). Layers run one at a time, so two kinds of buffer can
 * be shared by all of them, across models too (one set per thread, like the wasm module's memory):
 *
 * - Input gradients. A layer's dx is read only by the backward of the layer before it, so backward
 *   hands gradients down through a few buffers: `gradientBuffer` returns one that is not the storage
 *   of any tensor the caller still reads (its dy) nor one a container `hold`s (a residual block keeps
 *   the gradient of its sum while its branch runs). Two buffers serve a chain, three a residual net.
 * - Working arrays of one call (the im2col matrix and friends of the JavaScript convolution), by name.
 *
 * A tensor from here is valid until the next backward step of any layer: read it, don't keep it.
 */
class Scratch {
  private readonly gradients: Float32Array[] = [];
  private readonly held = new Map<ArrayBufferLike, number>();
  private readonly named = new Map<string, Float32Array>();

  /** A gradient tensor of `shape` whose storage is shared by no tensor in `live` and none held. */
  gradientBuffer(shape: Shape, ...live: Tensor[]): Tensor {
    const n = numel(shape);
    const busy = (b: Float32Array) =>
      this.held.has(b.buffer) || live.some((t) => t.data.buffer === b.buffer);
    // Always the first free buffer: a backward pass then hands each of its gradients to the same
    // buffer every step, so each buffer is as big as the largest gradient of a fixed set, and all
    // together at most the largest few gradients of the network (the memory plan counts on it).
    const pick = this.gradients.findIndex((b) => !busy(b));
    const index = pick >= 0 ? pick : this.gradients.push(new Float32Array(n)) - 1;
    if (this.gradients[index]!.length < n) this.gradients[index] = new Float32Array(n);
    return { shape: [...shape], data: this.gradients[index]!.subarray(0, n) };
  }

  /** Keeps `t`'s storage out of `gradientBuffer`'s hands until the returned release is called. */
  hold(t: Tensor): () => void {
    const key = t.data.buffer;
    this.held.set(key, (this.held.get(key) ?? 0) + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const count = (this.held.get(key) ?? 1) - 1;
      if (count > 0) this.held.set(key, count);
      else this.held.delete(key);
    };
  }

  /** The working array named `slot`, at least `length` floats long (contents undefined). */
  floats(slot: string, length: number): Float32Array {
    const current = this.named.get(slot);
    if (current !== undefined && current.length >= length) return current;
    const grown = new Float32Array(length);
    this.named.set(slot, grown);
    return grown;
  }

  /**
   * Lets every buffer go (a new run starts: the old run's sizes would otherwise stay allocated next to
   * the new run's). Tensors handed out before are invalid afterwards.
   */
  clear(): void {
    this.gradients.length = 0;
    this.held.clear();
    this.named.clear();
  }

  /** Bytes held right now (the memory benchmark and tests compare it with the plan). */
  bytes(): number {
    let total = 0;
    for (const b of this.gradients) total += b.byteLength;
    for (const b of this.named.values()) total += b.byteLength;
    return total;
  }
}

/** The scratch memory of this thread. */
export const scratch = new Scratch();
