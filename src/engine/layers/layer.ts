import type { Tensor } from '../tensor';

/** PyTorch's module.train() / module.eval(). Only BatchNorm behaves differently between them. */
export type Mode = 'train' | 'eval';

/**
 * What a parameter is for: init schemes and probes treat weights, biases and norm affines differently.
 * 'scalar' is one learned number on a whole tensor (Fixup's biases and multiplier, SkipInit's α).
 */
export type ParamRole = 'weight' | 'bias' | 'normScale' | 'normShift' | 'scalar';

/** A learned tensor and the gradient that backward accumulates into it (zeroed by `zeroGrad`). */
export interface Param {
  /** PyTorch state_dict name relative to the layer that owns it: 'weight', 'bias', 'bn1.weight'. */
  readonly name: string;
  readonly role: ParamRole;
  readonly value: Tensor;
  readonly grad: Tensor;
}

/** Non-learned state that is part of the model (BatchNorm running statistics). */
export interface Buffer {
  readonly name: string;
  readonly value: Tensor;
}

/**
 * One differentiable module. `forward` caches what `backward` needs; `backward` takes the gradient
 * of the loss with respect to the output of the *latest* forward, returns the gradient with respect
 * to its input and *accumulates* (+=) into each `Param.grad`, as PyTorch's autograd does.
 *
 * Layers may reuse their output buffers between calls: a returned tensor is valid until the next
 * forward (or backward) of the same layer.
 */
export interface Layer {
  /** A short, human-readable name of the layer type, e.g. 'Linear(196→64)'. */
  readonly label: string;
  forward(x: Tensor, mode: Mode): Tensor;
  backward(dy: Tensor): Tensor;
  /**
   * Where a layer can skip it: backward without the input gradient, for a caller that never reads
   * it (`Model.backward`, whose input is the data). Accumulates every `Param.grad` exactly as
   * `backward` does.
   */
  backwardParams?(dy: Tensor): void;
  params(): readonly Param[];
  buffers(): readonly Buffer[];
}

export function makeParam(name: string, role: ParamRole, value: Tensor): Param {
  return {
    name,
    role,
    value,
    grad: { shape: value.shape, data: new Float32Array(value.data.length) },
  };
}

export function zeroGrad(layer: Pick<Layer, 'params'>): void {
  for (const p of layer.params()) p.grad.data.fill(0);
}

/** Prefixes the names of a child's params/buffers, as PyTorch's state_dict does ('block' + 'bn1.weight'). */
export function prefixed<T extends { readonly name: string }>(
  prefix: string,
  items: readonly T[],
): T[] {
  return items.map((item) => ({ ...item, name: `${prefix}.${item.name}` }));
}

/** Throws when backward is called before forward, which would otherwise read stale caches. */
export function cached<T>(value: T | undefined, layer: string): T {
  if (value === undefined) throw new Error(`${layer}: backward called before forward`);
  return value;
}
