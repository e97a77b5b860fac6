import type { Buffer, Layer, Mode, Param } from '../layers/layer';
import type { NamedLayer, Sequential } from '../layers/sequential';
import { formatShape, tensor, type Tensor } from '../tensor';
import type { ModelSpec } from './spec';

/** A layer with its dotted state_dict path ('fc1', 'block2.bn1'). */
export interface LayerAtPath {
  readonly name: string;
  readonly layer: Layer;
}

/** Called with each top-level layer's output during an observed forward. */
export type ForwardObserver = (name: string, layer: Layer, output: Tensor) => void;

interface HasChildren {
  readonly children: readonly NamedLayer[];
}

const hasChildren = (layer: Layer): layer is Layer & HasChildren =>
  Array.isArray((layer as Partial<HasChildren>).children);

/** `Model.predict`'s chunk when nothing smaller is asked for: forward-only passes never go wider. */
export const MAX_FORWARD_CHUNK = 256;

/** A built network: the spec it came from and the root Sequential that computes it. */
export class Model {
  private readonly paramList: readonly Param[];
  private readonly bufferList: readonly Buffer[];
  /**
   * The most samples `predict` sends through at once. Every layer's output grows with the samples of
   * one forward, so a run sets this from its memory plan (src/engine/train/memoryPlan.ts).
   */
  forwardChunk = MAX_FORWARD_CHUNK;

  constructor(
    readonly spec: ModelSpec,
    readonly root: Sequential,
  ) {
    this.paramList = root.params();
    this.bufferList = root.buffers();
  }

  /** Logits [N, classes]. `observe` sees every top-level layer's output (probes use it). */
  forward(x: Tensor, mode: Mode, observe?: ForwardObserver): Tensor {
    if (!observe) return this.root.forward(x, mode);
    let h = x;
    for (const [name, layer] of this.root.children) {
      h = layer.forward(h, mode);
      observe(name, layer, h);
    }
    return h;
  }

  /**
   * Eval-mode logits [N, classes] for every sample of `x`, `forwardChunk` samples at a time. Eval mode
   * treats every sample on its own (BatchNorm uses its running statistics), so the chunks give the
   * same numbers as one pass. The result is the last layer's buffer when one chunk does, else a copy.
   */
  predict(x: Tensor): Tensor {
    const n = x.shape[0] ?? 0;
    const chunk = Math.max(1, Math.floor(this.forwardChunk));
    if (n <= chunk) return this.forward(x, 'eval');
    const sampleShape = x.shape.slice(1);
    const size = x.data.length / n;
    let out: Float32Array | undefined;
    let classes = 0;
    for (let start = 0; start < n; start += chunk) {
      const m = Math.min(chunk, n - start);
      const part = tensor([m, ...sampleShape], x.data.subarray(start * size, (start + m) * size));
      const logits = this.forward(part, 'eval');
      classes = logits.shape[1] ?? 1;
      out ??= new Float32Array(n * classes);
      out.set(logits.data.subarray(0, m * classes), start * classes);
    }
    return { shape: [n, classes], data: out ?? new Float32Array(0) };
  }

  /**
   * Backpropagates ∂loss/∂logits; parameter gradients accumulate into each Param.grad. The gradient
   * with respect to the input (the data) is not computed: nothing reads it.
   */
  backward(dLogits: Tensor): void {
    this.root.backwardParams(dLogits);
  }

  params(): readonly Param[] {
    return this.paramList;
  }

  buffers(): readonly Buffer[] {
    return this.bufferList;
  }

  zeroGrad(): void {
    for (const p of this.paramList) p.grad.data.fill(0);
  }

  /** Every layer, depth first in forward order, with its dotted name; containers come before their children. */
  layers(): LayerAtPath[] {
    const out: LayerAtPath[] = [];
    const walk = (prefix: string, layer: Layer): void => {
      if (!hasChildren(layer)) return;
      for (const [name, child] of layer.children) {
        const path = prefix === '' ? name : `${prefix}.${name}`;
        out.push({ name: path, layer: child });
        walk(path, child);
      }
    };
    walk('', this.root);
    return out;
  }

  parameterCount(): number {
    return this.paramList.reduce((sum, p) => sum + p.value.data.length, 0);
  }

  /** Copies of every parameter and buffer, keyed by PyTorch state_dict name. */
  stateDict(): Record<string, Float32Array> {
    const state: Record<string, Float32Array> = {};
    for (const p of this.paramList) state[p.name] = Float32Array.from(p.value.data);
    for (const b of this.bufferList) state[b.name] = Float32Array.from(b.value.data);
    return state;
  }

  /** Loads values by name; every name must exist with the right size (extra names are an error too). */
  loadStateDict(state: Readonly<Record<string, ArrayLike<number>>>): void {
    const targets = new Map<string, Tensor>();
    for (const p of this.paramList) targets.set(p.name, p.value);
    for (const b of this.bufferList) targets.set(b.name, b.value);
    for (const [name, values] of Object.entries(state)) {
      const target = targets.get(name);
      if (!target) {
        throw new Error(
          `loadStateDict: unknown tensor '${name}'; the model has ${[...targets.keys()].join(', ')}`,
        );
      }
      if (values.length !== target.data.length) {
        throw new Error(
          `loadStateDict: '${name}' has ${values.length} values, the model's tensor ${formatShape(target.shape)} needs ${target.data.length}`,
        );
      }
      target.data.set(values);
    }
  }
}
