/**
 * PyTorch parity: every `*.json` case in the fixtures directory ($PARITY_FIXTURES, or
 * ../shared/fixtures/pytorch) runs through the engine and every output is compared with the README's
 * tolerances. Cases are recognised by what their config describes, never by their shapes, seeds or
 * group counts, so another directory of cases of the same kinds runs the same checks. A case of a kind
 * this runner does not know fails: none is skipped.
 */
import { describe, expect, it } from 'vitest';
import { computeFans } from '../../src/engine/init/fans';
import { calculateGain } from '../../src/engine/init/gain';
import { biasDistribution } from '../../src/engine/init/distribution';
import { initWeight } from '../../src/engine/init/initialize';
import { theoreticalSpread } from '../../src/engine/init/spread';
import type { InitScheme } from '../../src/engine/init/schemes';
import { BatchNorm1d, BatchNorm2d } from '../../src/engine/layers/batchNorm';
import { Conv2d } from '../../src/engine/layers/conv2d';
import { GELU } from '../../src/engine/layers/gelu';
import { GlobalAvgPool2d } from '../../src/engine/layers/globalAvgPool2d';
import { GroupNorm } from '../../src/engine/layers/groupNorm';
import { InstanceNorm2d } from '../../src/engine/layers/instanceNorm2d';
import type { Layer, Mode } from '../../src/engine/layers/layer';
import { LayerNorm } from '../../src/engine/layers/layerNorm';
import { LeakyReLU } from '../../src/engine/layers/leakyRelu';
import { Linear } from '../../src/engine/layers/linear';
import { MaxPool2d } from '../../src/engine/layers/maxPool2d';
import { ReLU } from '../../src/engine/layers/relu';
import { ResidualBlock } from '../../src/engine/layers/residualBlock';
import { Sigmoid } from '../../src/engine/layers/sigmoid';
import { Tanh } from '../../src/engine/layers/tanh';
import { crossEntropy } from '../../src/engine/loss/crossEntropy';
import { buildModel } from '../../src/engine/model/buildModel';
import type { Model } from '../../src/engine/model/model';
import type { ActivationKind, ModelSpec, NormSpec } from '../../src/engine/model/spec';
import { Adam } from '../../src/engine/optim/adam';
import type { Optimizer } from '../../src/engine/optim/optimizer';
import { SGD } from '../../src/engine/optim/sgd';
import { createRng } from '../../src/engine/rng';
import { tensor, type Tensor } from '../../src/engine/tensor';
import {
  expectClose,
  fixturesDir,
  loadFixtureCases,
  SINGLE_OP,
  TRAJECTORY,
  type FixtureCase,
  type FixtureTensor,
} from '../helpers/fixtures';

// ---------------------------------------------------------------------------------------------
// Reading a case

const num = (c: FixtureCase, key: string): number => {
  const v = c.config[key];
  if (typeof v !== 'number')
    throw new Error(`${c.case}: config.${key} should be a number, got ${JSON.stringify(v)}`);
  return v;
};
const has = (c: FixtureCase, key: string): boolean => c.config[key] !== undefined;

function input(c: FixtureCase, name: string): FixtureTensor {
  const t = c.inputs[name];
  if (!t) throw new Error(`${c.case}: missing input '${name}'`);
  return t;
}
function output(c: FixtureCase, name: string): FixtureTensor {
  const t = c.outputs[name];
  if (!t) throw new Error(`${c.case}: missing output '${name}'`);
  return t;
}
const asTensor = (t: FixtureTensor): Tensor => tensor(t.shape, t.data);

/** The t-th slice along the first dimension of a stacked tensor (batches_x[t], grads[t]). */
function slice(t: FixtureTensor, index: number): Tensor {
  const [, ...rest] = t.shape;
  const size = rest.reduce((a, b) => a * b, 1);
  return tensor(rest, t.data.slice(index * size, (index + 1) * size));
}

/** Every output must be checked: this records which ones were, and the test fails on any left over. */
class OutputChecker {
  private readonly checked = new Set<string>();
  constructor(
    private readonly c: FixtureCase,
    private readonly tol = SINGLE_OP,
  ) {}
  close(name: string, actual: ArrayLike<number>): void {
    expectClose(actual, output(this.c, name), this.tol, `${this.c.case} ${name}`);
    this.checked.add(name);
  }
  /** For outputs compared by their statistics rather than elementwise (random samples). */
  statistical(name: string): void {
    output(this.c, name);
    this.checked.add(name);
  }
  exact(name: string, actual: ArrayLike<number>): void {
    expect(Array.from(actual), `${this.c.case} ${name}`).toEqual(output(this.c, name).data);
    this.checked.add(name);
  }
  done(): void {
    const missed = Object.keys(this.c.outputs).filter((k) => !this.checked.has(k));
    expect(missed, `${this.c.case}: outputs the runner did not compare`).toEqual([]);
  }
}

// ---------------------------------------------------------------------------------------------
// Single layers: forward, backward with the given grad_out, parameter gradients

function loadParam(layer: Layer, name: string, values: FixtureTensor): void {
  const p =
    layer.params().find((q) => q.name === name) ?? layer.buffers().find((q) => q.name === name);
  if (!p) throw new Error(`${layer.label} has no tensor '${name}'`);
  expect(p.value.data.length, `${layer.label}.${name} size`).toBe(values.data.length);
  p.value.data.set(values.data);
}

function runLayerCase(
  c: FixtureCase,
  layer: Layer,
  params: Record<string, string>,
  mode: Mode = 'train',
  reshapeOut?: (y: Tensor, gradOut: FixtureTensor) => Tensor,
): { out: OutputChecker; layer: Layer } {
  for (const [fixtureName, layerName] of Object.entries(params)) {
    if (c.inputs[fixtureName]) loadParam(layer, layerName, input(c, fixtureName));
  }
  const out = new OutputChecker(c);
  const y = layer.forward(asTensor(input(c, 'x')), mode);
  out.close('y', y.data);
  const gradOut = input(c, 'grad_out');
  const dy = reshapeOut ? reshapeOut(y, gradOut) : asTensor(gradOut);
  out.close('grad_x', layer.backward(dy).data);
  for (const [fixtureName, layerName] of Object.entries(params)) {
    const gradName = `grad_${fixtureName}`;
    if (c.outputs[gradName]) {
      const p = layer.params().find((q) => q.name === layerName);
      if (!p) throw new Error(`${c.case}: no parameter ${layerName}`);
      out.close(gradName, p.grad.data);
    }
  }
  return { out, layer };
}

const affine = { gamma: 'weight', beta: 'bias' };

function activationCase(c: FixtureCase): void {
  const name = c.config['activation'];
  const layer =
    name === 'relu'
      ? new ReLU()
      : name === 'leaky_relu'
        ? new LeakyReLU(num(c, 'negative_slope'))
        : name === 'tanh'
          ? new Tanh()
          : name === 'sigmoid'
            ? new Sigmoid()
            : name === 'gelu' && (c.config['approximate'] ?? 'none') === 'none'
              ? new GELU()
              : undefined;
  if (!layer) throw new Error(`${c.case}: unknown activation ${JSON.stringify(c.config)}`);
  runLayerCase(c, layer, {}).out.done();
}

function poolCase(c: FixtureCase): void {
  if (c.config['op'] === 'adaptive_avg_pool2d') {
    expect(c.config['output_size'], `${c.case}: only global (1×1) average pooling`).toEqual([1, 1]);
    const { out } = runLayerCase(c, new GlobalAvgPool2d(), {}, 'train', (y, g) =>
      tensor(y.shape, g.data),
    );
    out.done();
    return;
  }
  expect(
    [num(c, 'kernel_size'), num(c, 'stride'), num(c, 'padding'), c.config['ceil_mode']],
    `${c.case}: MaxPool2d is 2×2, stride 2, no padding, floor mode`,
  ).toEqual([2, 2, 0, false]);
  runLayerCase(c, new MaxPool2d(), {}).out.done();
}

function convCase(c: FixtureCase): void {
  expect([num(c, 'dilation'), num(c, 'groups')], `${c.case}: dilation and groups`).toEqual([1, 1]);
  const [outChannels, inChannels, kernelSize] = input(c, 'weight').shape as [
    number,
    number,
    number,
  ];
  const layer = new Conv2d({
    inChannels,
    outChannels,
    kernelSize,
    stride: num(c, 'stride'),
    padding: num(c, 'padding'),
    bias: c.config['bias'] === true,
  });
  runLayerCase(c, layer, { weight: 'weight', bias: 'bias' }).out.done();
}

function linearCase(c: FixtureCase): void {
  const [outF, inF] = input(c, 'weight').shape as [number, number];
  runLayerCase(c, new Linear(inF, outF, c.config['bias'] !== false), {
    weight: 'weight',
    bias: 'bias',
  }).out.done();
}

function batchNormCase(c: FixtureCase): void {
  const channels = input(c, 'gamma').shape[0]!;
  const opts = { eps: num(c, 'eps'), momentum: num(c, 'momentum') };
  const layer =
    num(c, 'dims') === 1 ? new BatchNorm1d(channels, opts) : new BatchNorm2d(channels, opts);
  const tracked = layer.buffers().find((b) => b.name === 'num_batches_tracked')!;
  tracked.value.data[0] = num(c, 'initial_num_batches_tracked');
  const mode: Mode = c.config['training'] === true ? 'train' : 'eval';
  const { out } = runLayerCase(
    c,
    layer,
    { ...affine, running_mean: 'running_mean', running_var: 'running_var' },
    mode,
  );
  const buffer = (name: string) => layer.buffers().find((b) => b.name === name)!.value.data;
  out.close('running_mean', buffer('running_mean'));
  out.close('running_var', buffer('running_var'));
  out.exact('num_batches_tracked', buffer('num_batches_tracked'));
  if (c.outputs['batch_mean']) {
    const stats = layer.lastBatchStats!;
    const x = input(c, 'x');
    const perChannel = x.data.length / channels; // N (1-D) or N·H·W (2-D)
    out.close('batch_mean', stats.mean);
    out.close('batch_var', stats.var);
    out.close(
      'batch_var_unbiased',
      Array.from(stats.var, (v) => (v * perChannel) / (perChannel - 1)),
    );
  }
  out.done();
}

function groupNormCase(c: FixtureCase): void {
  const layer = new GroupNorm(num(c, 'num_groups'), num(c, 'num_channels'), { eps: num(c, 'eps') });
  runLayerCase(c, layer, affine).out.done();
}

function layerNormCase(c: FixtureCase): void {
  const shape = c.config['normalized_shape'] as number[];
  runLayerCase(c, new LayerNorm(shape, { eps: num(c, 'eps') }), affine).out.done();
}

function instanceNormCase(c: FixtureCase): void {
  const layer = new InstanceNorm2d(input(c, 'gamma').shape[0]!, { eps: num(c, 'eps') });
  runLayerCase(c, layer, affine, c.config['training'] === false ? 'eval' : 'train').out.done();
}

function crossEntropyCase(c: FixtureCase): void {
  expect(c.config['reduction'], `${c.case}: reduction`).toBe('mean');
  const out = new OutputChecker(c);
  const { loss, grad } = crossEntropy(
    asTensor(input(c, 'logits')),
    Int32Array.from(input(c, 'target').data),
  );
  out.close('loss', [loss]);
  const scale = input(c, 'grad_out').data[0]!;
  out.close(
    'grad_logits',
    Array.from(grad.data, (g) => g * scale),
  );
  out.done();
}

function residualBlockCase(c: FixtureCase): void {
  const channels = num(c, 'channels');
  expect([
    num(c, 'kernel_size'),
    num(c, 'stride'),
    num(c, 'padding'),
    c.config['conv_bias'],
  ]).toEqual([3, 1, 1, false]);
  const block = new ResidualBlock({
    inChannels: channels,
    outChannels: channels,
    residual: true,
    makeNorm: (ch) => new BatchNorm2d(ch, { eps: num(c, 'eps'), momentum: num(c, 'momentum') }),
    makeActivation: () => new ReLU(),
    normPlacement: 'before',
  });
  const names = [...block.params(), ...block.buffers()].map((p) => p.name);
  for (const name of names) if (c.inputs[name]) loadParam(block, name, input(c, name));
  const out = new OutputChecker(c);
  const mode: Mode = c.config['training'] === false ? 'eval' : 'train';
  out.close('y', block.forward(asTensor(input(c, 'x')), mode).data);
  out.close('grad_x', block.backward(asTensor(input(c, 'grad_out'))).data);
  for (const p of block.params()) out.close(`grad_${p.name}`, p.grad.data);
  for (const b of block.buffers()) {
    if (b.name.endsWith('num_batches_tracked')) out.exact(b.name, b.value.data);
    else out.close(b.name, b.value.data);
  }
  out.done();
}

// ---------------------------------------------------------------------------------------------
// Optimizers: given gradients, parameter and state after each step

function optimizerCase(c: FixtureCase): void {
  const kind = c.config['optimizer'];
  const param = tensor(input(c, 'param').shape, input(c, 'param').data);
  const p = { name: 'param', role: 'weight' as const, value: param, grad: tensor(param.shape) };
  const lr = num(c, 'lr');
  const wd = num(c, 'weight_decay');
  let optimizer: Optimizer;
  let state: [string, () => Float32Array][];
  if (kind === 'SGD') {
    const sgd = new SGD([p], {
      lr,
      momentum: num(c, 'momentum'),
      dampening: num(c, 'dampening'),
      weightDecay: wd,
      nesterov: c.config['nesterov'] === true,
    });
    optimizer = sgd;
    state = [['momentum_buffers', () => sgd.momentumBuffer(p)!]];
  } else if (kind === 'Adam' || kind === 'AdamW') {
    if (c.config['amsgrad'] === true) throw new Error(`${c.case}: amsgrad is not supported`);
    const [beta1, beta2] = c.config['betas'] as [number, number];
    const adam = new Adam([p], {
      lr,
      betas: [beta1, beta2],
      eps: num(c, 'eps'),
      weightDecay: wd,
      decoupled: kind === 'AdamW',
    });
    optimizer = adam;
    state = [
      ['exp_avgs', () => adam.state(p)!.expAvg],
      ['exp_avg_sqs', () => adam.state(p)!.expAvgSq],
    ];
  } else {
    throw new Error(`${c.case}: unknown optimizer ${String(kind)}`);
  }
  const out = new OutputChecker(c);
  const steps = num(c, 'steps');
  const collected: Record<string, number[]> = { params: [] };
  for (const [name] of state) collected[name] = [];
  for (let t = 0; t < steps; t++) {
    p.grad.data.set(slice(input(c, 'grads'), t).data);
    optimizer.step();
    collected['params']!.push(...param.data);
    for (const [name, read] of state) collected[name]!.push(...read());
  }
  for (const [name, values] of Object.entries(collected)) out.close(name, values);
  out.done();
}

// ---------------------------------------------------------------------------------------------
// Init formulas

function initFormulasCase(c: FixtureCase): void {
  const out = new OutputChecker(c, { rtol: 1e-6, atol: 0 });
  const shapes = c.config['shapes'] as number[][];
  const nonlinearities = c.config['nonlinearities'] as { name: string; param: number | null }[];
  const nl = (name: string) =>
    (name === 'leaky_relu' ? 'leakyRelu' : name) as Parameters<typeof calculateGain>[0];
  out.close(
    'gain',
    nonlinearities.map((n) => calculateGain(nl(n.name), n.param ?? undefined)),
  );
  out.exact(
    'fan_in',
    shapes.map((s) => computeFans(s).fanIn),
  );
  out.exact(
    'fan_out',
    shapes.map((s) => computeFans(s).fanOut),
  );
  const table = (
    scheme: (n: { name: string; param: number | null }) => InitScheme,
    field: 'bound' | 'std',
  ) => shapes.flatMap((s) => nonlinearities.map((n) => theoreticalSpread(scheme(n), s)[field]!));
  const gainOf = (n: { name: string; param: number | null }) =>
    calculateGain(nl(n.name), n.param ?? undefined);
  const kaiming =
    (kind: 'kaimingUniform' | 'kaimingNormal', mode: 'fanIn' | 'fanOut') =>
    (n: { name: string; param: number | null }) =>
      ({ kind, a: n.param ?? 0, mode, nonlinearity: nl(n.name) }) as InitScheme;
  out.close(
    'xavier_uniform_bound',
    table((n) => ({ kind: 'xavierUniform', gain: gainOf(n) }), 'bound'),
  );
  out.close(
    'xavier_normal_std',
    table((n) => ({ kind: 'xavierNormal', gain: gainOf(n) }), 'std'),
  );
  out.close('kaiming_uniform_bound_fan_in', table(kaiming('kaimingUniform', 'fanIn'), 'bound'));
  out.close('kaiming_uniform_bound_fan_out', table(kaiming('kaimingUniform', 'fanOut'), 'bound'));
  out.close('kaiming_normal_std_fan_in', table(kaiming('kaimingNormal', 'fanIn'), 'std'));
  out.close('kaiming_normal_std_fan_out', table(kaiming('kaimingNormal', 'fanOut'), 'std'));
  out.close(
    'default_weight_bound',
    shapes.map((s) => theoreticalSpread({ kind: 'pytorchDefault' }, s).bound!),
  );
  out.close(
    'default_bias_bound',
    shapes.map((s) => {
      const d = biasDistribution({ kind: 'pytorchDefault' }, computeFans(s).fanIn);
      if (d.kind !== 'uniform') throw new Error('the default bias should be uniform');
      return d.high;
    }),
  );

  // Random samples: our generator draws other numbers than torch's, so compare statistics (README).
  const sampleShape = c.config['sample_shape'] as number[];
  const samples = c.config['samples'] as { init: string; kwargs: Record<string, unknown> }[];
  const moments = output(c, 'sample_moments');
  const rng = createRng(num(c, 'sample_seed'));
  samples.forEach((sample, k) => {
    const scheme = torchInitToScheme(sample.init, sample.kwargs);
    const w = tensor(sampleShape);
    initWeight(w, scheme, rng);
    const [, torchStd, torchMin, torchMax] = moments.data.slice(k * 4, k * 4 + 4) as [
      number,
      number,
      number,
      number,
    ];
    const n = w.data.length;
    let sum = 0;
    let sq = 0;
    let min = Infinity;
    let max = -Infinity;
    for (const v of w.data) {
      sum += v;
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
    const mean = sum / n;
    for (const v of w.data) sq += (v - mean) ** 2;
    const std = Math.sqrt(sq / n);
    const what = `${c.case} sample ${sample.init} ${JSON.stringify(sample.kwargs)}`;
    expect(Math.abs(mean), `${what}: |mean|`).toBeLessThan((5 * torchStd) / Math.sqrt(n));
    expect(Math.abs(std / torchStd - 1), `${what}: std within 1% of torch's`).toBeLessThan(0.01);
    const spread = theoreticalSpread(scheme, sampleShape);
    if (spread.bound !== undefined) {
      expect(max, `${what}: max below the bound`).toBeLessThan(spread.bound);
      expect(-min, `${what}: −min below the bound`).toBeLessThan(spread.bound);
      expect(
        max / spread.bound,
        `${what}: max close to the bound, as torch's ${torchMax}`,
      ).toBeGreaterThan(0.99);
      expect(
        -min / spread.bound,
        `${what}: −min close to the bound, as torch's ${torchMin}`,
      ).toBeGreaterThan(0.99);
    }
  });
  out.statistical('sample_moments');
  out.done();
}

function torchInitToScheme(init: string, kwargs: Record<string, unknown>): InitScheme {
  const gain = typeof kwargs['gain'] === 'number' ? kwargs['gain'] : 1;
  const mode = kwargs['mode'] === 'fan_out' ? 'fanOut' : 'fanIn';
  const nonlinearity = (
    kwargs['nonlinearity'] === 'leaky_relu' ? 'leakyRelu' : (kwargs['nonlinearity'] ?? 'leakyRelu')
  ) as 'relu';
  const a = typeof kwargs['a'] === 'number' ? kwargs['a'] : 0;
  switch (init) {
    case 'xavier_uniform':
      return { kind: 'xavierUniform', gain };
    case 'xavier_normal':
      return { kind: 'xavierNormal', gain };
    case 'kaiming_uniform':
      return { kind: 'kaimingUniform', a, mode, nonlinearity };
    case 'kaiming_normal':
      return { kind: 'kaimingNormal', a, mode, nonlinearity };
    case 'default_linear':
    case 'default_conv':
    case 'default':
      return { kind: 'pytorchDefault' };
    case 'orthogonal':
      return { kind: 'orthogonal', gain };
    case 'normal':
      return { kind: 'normal', mean: Number(kwargs['mean'] ?? 0), std: Number(kwargs['std'] ?? 1) };
    case 'uniform':
      return { kind: 'uniform', low: Number(kwargs['a'] ?? 0), high: Number(kwargs['b'] ?? 1) };
    default:
      throw new Error(`unknown torch init '${init}'`);
  }
}

// ---------------------------------------------------------------------------------------------
// Short training runs: the model builder, loss, backward and SGD together

/** The activation a trajectory's architecture uses: config.activation, else the one its description names. */
function trajectoryActivation(c: FixtureCase): ActivationKind {
  const named = c.config['activation'];
  const text = typeof named === 'string' ? named : String(c.config['architecture'] ?? 'ReLU');
  const found = (
    [
      [/leaky_?relu/i, 'leakyRelu'],
      [/gelu/i, 'gelu'],
      [/relu/i, 'relu'],
      [/tanh/i, 'tanh'],
      [/sigmoid/i, 'sigmoid'],
    ] as const
  ).find(([pattern]) => pattern.test(text));
  if (!found) throw new Error(`${c.case}: cannot tell the activation from ${JSON.stringify(text)}`);
  return found[1];
}

/** 'before' when the description puts norm1 ahead of the first activation (Linear → Norm → act). */
function trajectoryPlacement(c: FixtureCase): 'before' | 'after' {
  const arch = String(c.config['architecture'] ?? '');
  const norm = arch.search(/norm1|bn1/);
  const act = arch.search(/relu|tanh|sigmoid|gelu/i);
  return norm >= 0 && act >= 0 && act < norm ? 'after' : 'before';
}

function trajectoryModel(c: FixtureCase): { model: Model; rename: (torchName: string) => string } {
  const names = c.config['parameter_names'] as string[];
  if (has(c, 'hidden_features')) {
    const normName = String(c.config['norm']);
    const norm: NormSpec =
      normName === 'none'
        ? { kind: 'none' }
        : normName === 'batchnorm1d'
          ? { kind: 'batchNorm' }
          : normName === 'layernorm'
            ? { kind: 'layerNorm' }
            : normName === 'groupnorm'
              ? { kind: 'groupNorm', groups: num(c, 'num_groups') }
              : (() => {
                  throw new Error(`${c.case}: unknown norm '${normName}'`);
                })();
    const linearCount = names.filter((n) => /^fc\d+\.weight$/.test(n)).length;
    const spec: ModelSpec = {
      family: 'mlp',
      inputSize: num(c, 'in_features'),
      numClasses: num(c, 'out_features'),
      depth: linearCount - 1,
      width: num(c, 'hidden_features'),
      activation: trajectoryActivation(c),
      norm,
      normPlacement: trajectoryPlacement(c),
      init: { kind: 'pytorchDefault' },
      bias: names.includes('fc1.bias'),
    };
    return { model: buildModel(spec, createRng(0)), rename: (n) => n };
  }
  if (has(c, 'channels') && has(c, 'in_channels')) {
    expect(c.config['conv_bias'], `${c.case}: conv bias`).toBe(false);
    // PyTorch names one block 'block', several 'blocks.0', 'blocks.1', … (or block1, block2, …).
    const blockOf = (n: string): string | undefined => /^(blocks?\.\d+|block\d*)\./.exec(n)?.[1];
    const blocks = new Set(names.map(blockOf).filter((b) => b !== undefined));
    const spec: ModelSpec = {
      family: 'cnn',
      inputShape: [num(c, 'in_channels'), num(c, 'height'), num(c, 'width')],
      numClasses: num(c, 'num_classes'),
      stemChannels: num(c, 'channels'),
      blocks: blocks.size,
      residual: true,
      activation: 'relu',
      norm: { kind: 'batchNorm' },
      normPlacement: 'before',
      init: { kind: 'pytorchDefault' },
    };
    // PyTorch's single block is called 'block'; ours are numbered block1, block2, ...
    const rename = (n: string) =>
      blocks.size === 1 ? n.replace(/^block\./, 'block1.') : n.replace(/^block(\d+)\./, 'block$1.');
    return { model: buildModel(spec, createRng(0)), rename };
  }
  throw new Error(`${c.case}: unknown trajectory architecture`);
}

function trajectoryCase(c: FixtureCase): void {
  expect(c.config['optimizer'], `${c.case}: optimizer`).toBe('SGD');
  const { model, rename } = trajectoryModel(c);
  const stateNames = [
    ...(c.config['parameter_names'] as string[]),
    ...((c.config['buffer_names'] as string[] | undefined) ?? []),
  ];
  model.loadStateDict(Object.fromEntries(stateNames.map((n) => [rename(n), input(c, n).data])));
  const optimizer = new SGD(model.params(), {
    lr: num(c, 'lr'),
    momentum: num(c, 'momentum'),
    dampening: num(c, 'dampening'),
    weightDecay: num(c, 'weight_decay'),
    nesterov: c.config['nesterov'] === true,
  });
  const out = new OutputChecker(c, TRAJECTORY);
  const losses: number[] = [];
  const steps = num(c, 'steps');
  for (let t = 0; t < steps; t++) {
    model.zeroGrad();
    const logits = model.forward(slice(input(c, 'batches_x'), t), 'train');
    const { loss, grad } = crossEntropy(
      logits,
      Int32Array.from(slice(input(c, 'batches_y'), t).data),
    );
    losses.push(loss);
    if (t === 0) out.close('logits_step1', logits.data);
    model.backward(grad);
    if (t === 0) {
      for (const name of c.config['parameter_names'] as string[]) {
        const p = model.params().find((q) => q.name === rename(name));
        if (!p) throw new Error(`${c.case}: the model has no parameter ${rename(name)}`);
        out.close(`grad_step1_${name}`, p.grad.data);
      }
    }
    optimizer.step();
  }
  out.close('losses', losses);
  const state = model.stateDict();
  for (const name of stateNames) {
    const values = state[rename(name)]!;
    if (name.endsWith('num_batches_tracked')) out.exact(name, values);
    else out.close(name, values);
  }
  out.close('eval_logits', model.forward(asTensor(input(c, 'eval_x')), 'eval').data);
  out.done();
}

// ---------------------------------------------------------------------------------------------
// Recognising a case by what it describes

type Runner = (c: FixtureCase) => void;

function classify(c: FixtureCase): Runner | undefined {
  const cfg = c.config;
  if (has(c, 'steps') && has(c, 'batch_size') && Array.isArray(cfg['parameter_names']))
    return trajectoryCase;
  if (typeof cfg['optimizer'] === 'string' && c.inputs['grads']) return optimizerCase;
  if (Array.isArray(cfg['shapes']) && Array.isArray(cfg['nonlinearities'])) return initFormulasCase;
  if (typeof cfg['activation'] === 'string') return activationCase;
  if (cfg['op'] === 'adaptive_avg_pool2d' || cfg['op'] === 'max_pool2d') return poolCase;
  if (
    Array.isArray(cfg['parameter_names']) &&
    (cfg['parameter_names'] as string[]).includes('conv1.weight')
  ) {
    return residualBlockCase;
  }
  if (has(c, 'dims') && has(c, 'track_running_stats')) return batchNormCase;
  if (has(c, 'num_groups') && has(c, 'num_channels')) return groupNormCase;
  if (has(c, 'normalized_shape')) return layerNormCase;
  if (cfg['track_running_stats'] === false && c.inputs['gamma']) return instanceNormCase;
  if (has(c, 'kernel_size') && has(c, 'in_channels')) return convCase;
  if (has(c, 'in_features') && has(c, 'out_features')) return linearCase;
  if (cfg['reduction'] !== undefined && c.inputs['logits']) return crossEntropyCase;
  return undefined;
}

const cases = loadFixtureCases();

describe(`PyTorch parity (${fixturesDir()})`, () => {
  it('finds cases to run', () => {
    expect(cases.length).toBeGreaterThan(0);
  });

  for (const c of cases) {
    it(`${c.case} (${c.file.split('/').pop()})`, () => {
      const run = classify(c);
      if (!run) {
        throw new Error(
          `${c.file}: the parity runner does not know this kind of case (config keys: ${Object.keys(c.config).join(', ')})`,
        );
      }
      run(c);
    });
  }
});
