import { formatShape, reuse, sameShape, type Tensor } from '../tensor';
import { Conv2d } from './conv2d';
import { prefixed, type Buffer, type Layer, type Mode, type Param } from './layer';
import type { BranchInit } from './branchInit';
import { Linear } from './linear';
import { ScalarBias, ScalarScale } from './scalar';
import { layerWasm } from './layerWasm';
import { scratch } from './scratch';
import { Sequential, type NamedLayer } from './sequential';

export interface ResidualBlockOptions {
  inChannels: number;
  outChannels: number;
  /** Stride of conv1 (and of the projection shortcut): 2 halves the resolution. */
  stride?: number;
  /** false gives the same stack without the skip connection (a "plain" block). */
  residual?: boolean;
  /** Builds the norm layer for a feature map of `channels` channels; null for no norm. */
  makeNorm: ((channels: number) => Layer) | null;
  makeActivation: () => Layer;
  /** 'before': conv → norm → activation (standard); 'after': conv → activation → norm. */
  normPlacement?: 'before' | 'after';
  /** 'conv' (default): 3×3 convolutions conv1, conv2; 'linear': Linear layers fc1, fc2 (the residual MLP). */
  transform?: 'conv' | 'linear';
  /** How the branch is scaled at initialization; only 'fixup', 'skipInit' and 'reZero' add layers. */
  branchInit?: BranchInit;
  /** Every weight layer (the projection's too) standardizes its weights (weightStandardization.ts). */
  weightStandardization?: boolean;
}

/**
 * torchvision's BasicBlock (or the same with Linear layers), y = act(F(x) + shortcut(x)) with F = conv3×3 → bn → act → conv3×3 → bn
 * ('before'), or with each norm moved after its activation ('after':
 * conv1 → act → bn1 → conv2 → (+ shortcut) → act → bn2). The shortcut is the identity when shapes
 * match, else a strided 1×1 conv (+ its norm), named 'shortcut.0' / 'shortcut.1'. A conv has a bias
 * only when no norm directly follows it (a norm's β would make it redundant).
 *
 * Backward: the gradient of the sum goes both ways, dx = dF(x) + dshortcut(x).
 */
export class ResidualBlock implements Layer {
  readonly label: string;
  readonly residual: boolean;
  readonly normPlacement: 'before' | 'after';
  /** Every sub-layer with its state_dict name, in forward order. */
  readonly children: readonly NamedLayer[];
  readonly branchInit: BranchInit;
  /** The branch's weight layers: conv1 and conv2, or fc1 and fc2. */
  readonly layer1: Conv2d | Linear;
  readonly layer2: Conv2d | Linear;
  readonly bn1: Layer | undefined;
  readonly bn2: Layer | undefined;
  readonly shortcut: Sequential | undefined;
  /** F: everything before the sum. */
  private readonly branch: readonly Layer[];
  /** Everything after the sum: act, or act → bn2. */
  private readonly tail: readonly Layer[];
  private sum: Tensor | undefined;

  constructor({
    inChannels,
    outChannels,
    stride = 1,
    residual = true,
    makeNorm,
    makeActivation,
    normPlacement = 'before',
    transform = 'conv',
    branchInit = 'standard',
    weightStandardization = false,
  }: ResidualBlockOptions) {
    this.residual = residual;
    this.normPlacement = normPlacement;
    this.branchInit = branchInit;
    const hasNorm = makeNorm !== null;
    const normFirst = normPlacement === 'before';
    const fixup = branchInit === 'fixup';
    const needsProjection = inChannels !== outChannels || stride !== 1;
    if ((fixup || branchInit === 'reZero') && hasNorm) {
      throw new Error(
        `ResidualBlock: ${branchInit} replaces normalization; build it without norms`,
      );
    }
    if (branchInit !== 'standard' && !residual) {
      throw new Error(`ResidualBlock: ${branchInit} scales a residual branch; it needs the skip`);
    }
    if (fixup && needsProjection) {
      throw new Error('ResidualBlock: Fixup is built here for identity shortcuts only');
    }
    const conv = (inC: number, kernelSize: number, s: number, bias: boolean) =>
      new Conv2d({
        inChannels: inC,
        outChannels,
        kernelSize,
        stride: s,
        padding: kernelSize === 3 ? 1 : 0,
        bias,
        weightStandardization,
      });
    // Fixup's scalar biases take the place of the per-unit ones.
    const weightBias = !(hasNorm && normFirst) && !fixup;
    const weightLayer = (inC: number, s: number): Conv2d | Linear => {
      if (transform === 'conv') return conv(inC, 3, s, weightBias);
      if (s !== 1) throw new Error('ResidualBlock: a Linear block has no stride');
      return new Linear(inC, outChannels, weightBias, undefined, { weightStandardization });
    };
    this.layer1 = weightLayer(inChannels, stride);
    this.layer2 = weightLayer(outChannels, 1);
    const [name1, name2] = transform === 'conv' ? ['conv1', 'conv2'] : ['fc1', 'fc2'];
    this.bn1 = makeNorm?.(outChannels);
    this.bn2 = makeNorm?.(outChannels);
    const act1: NamedLayer = ['act1', makeActivation()];
    const act2: NamedLayer = ['act2', makeActivation()];
    const bn1: NamedLayer[] = this.bn1 ? [['bn1', this.bn1]] : [];
    const bn2: NamedLayer[] = this.bn2 ? [['bn2', this.bn2]] : [];

    if (residual && needsProjection) {
      const projection: NamedLayer[] = [['0', conv(inChannels, 1, stride, !hasNorm)]];
      if (makeNorm) projection.push(['1', makeNorm(outChannels)]);
      this.shortcut = new Sequential(projection);
    }
    const shortcut: NamedLayer[] = this.shortcut ? [['shortcut', this.shortcut]] : [];

    const l1: NamedLayer = [name1, this.layer1];
    const l2: NamedLayer = [name2, this.layer2];
    const branch: NamedLayer[] = fixup
      ? [
          ['bias1a', new ScalarBias()],
          l1,
          ['bias1b', new ScalarBias()],
          act1,
          ['bias2a', new ScalarBias()],
          l2,
          ['scale', new ScalarScale(1)],
          ['bias2b', new ScalarBias()],
        ]
      : normFirst
        ? [l1, ...bn1, act1, l2, ...bn2]
        : [l1, act1, ...bn1, l2];
    if (branchInit === 'skipInit' || branchInit === 'reZero') {
      branch.push(['alpha', new ScalarScale(0)]);
    }
    const tail: NamedLayer[] = branchInit === 'reZero' ? [] : normFirst ? [act2] : [act2, ...bn2];
    this.branch = branch.map(([, layer]) => layer);
    this.tail = tail.map(([, layer]) => layer);
    this.children = [...branch, ...shortcut, ...tail];
    const strideText = stride === 1 ? '' : `, s${stride}`;
    const initText = branchInit === 'standard' ? '' : `, ${branchInit}`;
    this.label = `ResidualBlock(${inChannels}→${outChannels}${strideText}${residual ? '' : ', no skip'}${initText})`;
  }

  /** The norm that ends the block (bn2), whose γ the model builder may zero-init (Goyal et al.); undefined without norms. */
  get lastNorm(): Layer | undefined {
    return this.bn2;
  }

  forward(x: Tensor, mode: Mode): Tensor {
    let h = x;
    for (const layer of this.branch) h = layer.forward(h, mode);
    if (this.residual) {
      // s = F(x) + shortcut(x)
      const skip = this.shortcut ? this.shortcut.forward(x, mode) : x;
      if (!sameShape(h.shape, skip.shape)) {
        throw new Error(
          `${this.label}: branch output ${formatShape(h.shape)} does not match shortcut ${formatShape(skip.shape)}`,
        );
      }
      const sum = (this.sum = reuse(this.sum, h.shape));
      add(h.data, skip.data, sum.data);
      h = sum;
    }
    for (const layer of this.tail) h = layer.forward(h, mode);
    return h;
  }

  backward(dy: Tensor): Tensor {
    let dsum = dy;
    for (let i = this.tail.length - 1; i >= 0; i--) dsum = this.tail[i]!.backward(dsum);
    // Gradients live in shared scratch (scratch.ts): the sum's must survive the branch's backward.
    const release = this.residual ? scratch.hold(dsum) : () => {};
    try {
      let dBranch = dsum;
      for (let i = this.branch.length - 1; i >= 0; i--) dBranch = this.branch[i]!.backward(dBranch);
      if (!this.residual) return dBranch;
      // dx = dF + dshortcut, both fed the gradient of the sum
      const releaseBranch = scratch.hold(dBranch);
      try {
        const dSkip = this.shortcut ? this.shortcut.backward(dsum) : dsum;
        const dx = scratch.gradientBuffer(dBranch.shape, dBranch, dSkip);
        add(dBranch.data, dSkip.data, dx.data);
        return dx;
      } finally {
        releaseBranch();
      }
    } finally {
      release();
    }
  }

  params(): readonly Param[] {
    return this.children.flatMap(([name, layer]) => prefixed(name, layer.params()));
  }

  buffers(): readonly Buffer[] {
    return this.children.flatMap(([name, layer]) => prefixed(name, layer.buffers()));
  }
}

/** out = a + b, elementwise; in the WebAssembly module where the host has SIMD (layerWasm.ts). */
function add(a: Float32Array, b: Float32Array, out: Float32Array): void {
  const wasm = layerWasm();
  if (wasm) return wasm.add(a, b, out);
  for (let i = 0; i < out.length; i++) out[i] = a[i]! + b[i]!;
}
