import { Elementwise } from './elementwise';
import { layerWasm } from './layerWasm';

/**
 * nn.ReLU: y = max(0, x). The gradient at exactly 0 is 0, as in PyTorch; NaN propagates forward, and
 * backward passes dy where x is NaN (PyTorch's threshold_backward: x ≤ 0 ? 0 : dy).
 *
 * Both loops work branch-free on the float32 bit patterns b: about half the activations are
 * positive in no predictable order, so `x > 0 ? … : …` mispredicted every other element and ran
 * ~3× slower (docs/PERFORMANCE.md). As int32, x > 0 ⇔ b > 0 (sign clear, not +0) and x is NaN ⇔
 * |b| > 0x7f800000; `v >> 31` turns "v < 0" into an all-ones mask.
 *
 * Backward reads that mask from y rather than x: y keeps x's bits where x > 0 or x is NaN and is +0
 * elsewhere, so [y > 0 or y is NaN] = [x > 0 or x is NaN] bit for bit. y is the next layer's input,
 * which that layer's backward has just read, while x was last touched in the forward pass: reading y
 * spares a 200 KB read from far in the cache hierarchy on lesson 5's maps.
 */
export class ReLU extends Elementwise {
  readonly kind = 'relu';
  readonly label = 'ReLU';
  private readonly views = new Int32Views();

  protected apply(x: Float32Array, y: Float32Array): void {
    // The same loop four floats at a time (layerWasm.ts), where the host has WebAssembly SIMD.
    const wasm = layerWasm();
    if (wasm) return wasm.relu(x, y);
    const xb = this.views.of(0, x);
    const yb = this.views.of(1, y);
    for (let i = 0; i < xb.length; i++) {
      const b = xb[i]!;
      // y = x where the sign is clear or x is NaN, else +0
      yb[i] = (b & ~(b >> 31)) | (b & ((0x7f800000 - (b & 0x7fffffff)) >> 31));
    }
  }

  // dx = dy · [x > 0 or x is NaN] = dy · [y > 0 or y is NaN]
  protected derive(_x: Float32Array, y: Float32Array, dy: Float32Array, dx: Float32Array): void {
    const wasm = layerWasm();
    if (wasm) return wasm.reluGradient(y, dy, dx);
    const yb = this.views.of(1, y);
    const gb = this.views.of(2, dy);
    const db = this.views.of(3, dx);
    for (let i = 0; i < yb.length; i++) {
      const b = yb[i]!;
      // (−b & ~b) < 0 ⇔ b > 0;  0x7f800000 − |b| < 0 ⇔ NaN
      db[i] = gb[i]! & (((-b & ~b) | (0x7f800000 - (b & 0x7fffffff))) >> 31);
    }
    // dy and dx live in shared scratch (scratch.ts): a cached view would keep a buffer alive that
    // the scratch has let go.
    this.views.forget(2);
    this.views.forget(3);
  }
}

/** Int32Array views of Float32Arrays, kept per slot so steady-state calls allocate nothing. */
class Int32Views {
  private readonly slots: (Int32Array | undefined)[] = [];

  forget(slot: number): void {
    this.slots[slot] = undefined;
  }

  of(slot: number, values: Float32Array): Int32Array {
    const view = this.slots[slot];
    if (
      view !== undefined &&
      view.buffer === values.buffer &&
      view.byteOffset === values.byteOffset &&
      view.length === values.length
    ) {
      return view;
    }
    return (this.slots[slot] = new Int32Array(values.buffer, values.byteOffset, values.length));
  }
}
