/**
 * The PyTorch export, checked against real PyTorch (Debian's python3-torch; `npm run test:all`
 * installs it through scripts/ensureTorch.sh). For configurations covering every architecture, every
 * norm and placement, residual on and off, every branch init (zero γ, Fixup, SkipInit, ReZero),
 * every init scheme the Lab offers, SGD and Adam, MNIST and
 * 2-D sets, the exported train.py must print the engine's loss curve; its data and initial weights
 * must be the engine's to the byte; and torch.nn.init must draw from the engine's distributions.
 * The last tests break one thing in a generated script and show that these checks catch it.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BRANCH_INITS, NORM_KINDS } from '../../src/engine/model/spec';
import { TrainingRun } from '../../src/engine/train/trainingRun';
import { exportFiles } from '../../src/export/exportFiles';
import type { ExportSetup } from '../../src/export/exportSetup';
import { resolveRunReference } from '../../src/export/runReference';
import {
  DEFAULT_RUN_SETTINGS,
  LAB_INIT_KINDS,
  type LabRunSettings,
} from '../../src/lab/labSettings';
import { labHash } from '../../src/lab/urlState';
import { nodeDatasetLoader } from '../../scripts/nodeDatasets';
import { torchPython } from '../helpers/torchPython';
import { compareInit, compareLosses, engineDistributions, type DrawnStats } from './parityChecks';
import type { WeightDistribution } from '../../src/engine/init/distribution';

const run = promisify(execFile);
const STEPS = 200;
const INSPECT = join(import.meta.dirname, 'inspect_export.py');

/** Small networks, so the suite stays quick; together they cover every axis the issue names. */
const CONFIGS: Record<string, Partial<LabRunSettings>> = {
  'MLP, spiral, BatchNorm before, Kaiming normal, SGD': {
    dataset: 'spiral',
    depth: 3,
    width: 16,
    norm: 'batchNorm',
    placement: 'before',
    init: 'kaimingNormal',
    learningRate: 0.05,
  },
  'MLP, MNIST 14×14, LayerNorm after, Xavier uniform, Adam': {
    dataset: 'mnist14',
    depth: 2,
    width: 32,
    norm: 'layerNorm',
    placement: 'after',
    init: 'xavierUniform',
    optimizer: 'adam',
    learningRate: 0.002,
  },
  'MLP, circles, GroupNorm before, custom uniform fan-avg, SGD': {
    dataset: 'circles',
    depth: 3,
    width: 32,
    learningRate: 0.01,
    norm: 'groupNorm',
    groups: 4,
    init: 'custom',
    initDistribution: 'uniform',
    initFanMode: 'fanAvg',
    initGain: 1.4,
    initMultiplier: 0.8,
  },
  'MLP, XOR, no norm, orthogonal, tanh, Adam': {
    dataset: 'xor',
    depth: 2,
    width: 16,
    activation: 'tanh',
    init: 'orthogonal',
    optimizer: 'adam',
    learningRate: 0.01,
  },
  'MLP, blobs, BatchNorm after, Xavier normal, leaky ReLU, SGD': {
    dataset: 'blobs',
    depth: 2,
    width: 16,
    activation: 'leakyRelu',
    norm: 'batchNorm',
    placement: 'after',
    init: 'xavierNormal',
  },
  'MLP, spiral, RMSNorm before, Kaiming uniform, SGD': {
    dataset: 'spiral',
    depth: 3,
    width: 16,
    norm: 'rmsNorm',
    placement: 'before',
    init: 'kaimingUniform',
    learningRate: 0.02,
  },
  'MLP, MNIST 14×14, GroupNorm before, weight standardization, Kaiming normal, SGD': {
    dataset: 'mnist14',
    depth: 2,
    width: 32,
    norm: 'groupNorm',
    groups: 4,
    weightStandardization: true,
    init: 'kaimingNormal',
    learningRate: 0.05,
    batchSize: 4,
  },
  'MLP, spiral, zeros, SGD': { dataset: 'spiral', depth: 2, width: 8, init: 'zeros' },
  // Weight decay: large enough that leaving it out changes the losses (tested below). With BatchNorm,
  // SGD at lr 0.1 and weight decay 0.05 is chaotic (the shrinking weights raise the effective
  // learning rate until float32 rounding alone separates the curves after ~150 steps), hence lr 0.05 and weight decay 0.01.
  'MLP, circles, BatchNorm before, Kaiming normal, SGD with weight decay 0.01': {
    dataset: 'circles',
    depth: 3,
    width: 16,
    norm: 'batchNorm',
    init: 'kaimingNormal',
    learningRate: 0.05,
    weightDecay: 0.01,
  },
  'MLP, MNIST 14×14, no norm, Kaiming uniform, AdamW with weight decay 0.1': {
    dataset: 'mnist14',
    depth: 2,
    width: 32,
    init: 'kaimingUniform',
    optimizer: 'adamw',
    learningRate: 0.003,
    weightDecay: 0.1,
  },
  'MLP, spiral, LayerNorm before, Xavier normal, Adam with L2 weight decay 0.01': {
    dataset: 'spiral',
    depth: 2,
    width: 16,
    norm: 'layerNorm',
    init: 'xavierNormal',
    optimizer: 'adam',
    learningRate: 0.01,
    weightDecay: 0.01,
  },
  'Residual MLP, MNIST 14×14, no norm, Fixup, Kaiming normal, SGD': {
    dataset: 'mnist14',
    architecture: 'resmlp',
    depth: 3,
    width: 16,
    branchInit: 'fixup',
    learningRate: 0.02,
  },
  'Residual MLP, spiral, no norm, ReZero, Kaiming uniform, Adam': {
    dataset: 'spiral',
    architecture: 'resmlp',
    depth: 3,
    width: 16,
    branchInit: 'reZero',
    init: 'kaimingUniform',
    optimizer: 'adam',
    learningRate: 0.01,
  },
  // On the 2-D sets this network amplifies float32 rounding: equal to 6 decimals for 40 steps, then apart.
  'Residual MLP, MNIST 14×14, BatchNorm after, SkipInit, Xavier normal, SGD': {
    dataset: 'mnist14',
    architecture: 'resmlp',
    depth: 2,
    width: 16,
    norm: 'batchNorm',
    placement: 'after',
    branchInit: 'skipInit',
    init: 'xavierNormal',
    learningRate: 0.05,
  },
  'CNN, MNIST 14×14, BatchNorm before, zero γ, Kaiming normal, SGD': {
    dataset: 'mnist14',
    architecture: 'cnn',
    depth: 2,
    width: 4,
    norm: 'batchNorm',
    branchInit: 'zeroGamma',
    learningRate: 0.05,
    batchSize: 16,
  },
  'CNN, MNIST 14×14, no norm, Fixup, SGD': {
    dataset: 'mnist14',
    architecture: 'cnn',
    depth: 2,
    width: 4,
    branchInit: 'fixup',
    learningRate: 0.02,
    batchSize: 16,
  },
  'CNN, MNIST 14×14, BatchNorm before, residual, Kaiming uniform, SGD': {
    dataset: 'mnist14',
    architecture: 'cnn',
    depth: 1,
    width: 4,
    norm: 'batchNorm',
    placement: 'before',
    residual: true,
    init: 'kaimingUniform',
    learningRate: 0.05,
    batchSize: 16,
  },
  // Ghost batches of 4 at learning rate 0.05 amplify float32 rounding tenfold every ~20 steps (equal
  // to 1e-5 for 40 steps, then apart: chaos, not a different computation); batches of 8 do not.
  'MLP, MNIST 14×14, BatchNorm before over ghost batches of 8, SGD': {
    dataset: 'mnist14',
    depth: 2,
    width: 16,
    norm: 'batchNorm',
    ghostBatch: 8,
    learningRate: 0.02,
    batchSize: 32,
  },
  'CNN, MNIST 14×14, GroupNorm before, residual, weight standardization, SGD': {
    dataset: 'mnist14',
    architecture: 'cnn',
    depth: 1,
    width: 4,
    norm: 'groupNorm',
    groups: 2,
    weightStandardization: true,
    init: 'kaimingNormal',
    learningRate: 0.05,
    batchSize: 8,
  },
  'CNN, MNIST 14×14, GroupNorm after, no residual, PyTorch default, Adam': {
    dataset: 'mnist14',
    architecture: 'cnn',
    depth: 1,
    width: 4,
    norm: 'groupNorm',
    groups: 2,
    placement: 'after',
    residual: false,
    init: 'pytorchDefault',
    optimizer: 'adam',
    learningRate: 0.003,
    batchSize: 16,
  },
  'CNN, MNIST 14×14, LayerNorm before, residual, custom normal fan-in, GELU, Adam': {
    dataset: 'mnist14',
    architecture: 'cnn',
    depth: 1,
    width: 4,
    activation: 'gelu',
    norm: 'layerNorm',
    residual: true,
    init: 'custom',
    initDistribution: 'normal',
    initFanMode: 'fanIn',
    initGain: 1.2,
    initMultiplier: 1.1,
    optimizer: 'adam',
    learningRate: 0.003,
    batchSize: 16,
  },
  'CNN, MNIST 14×14, InstanceNorm before, residual, Xavier normal, SGD, train-mode validation': {
    dataset: 'mnist14',
    architecture: 'cnn',
    depth: 1,
    width: 4,
    norm: 'instanceNorm',
    residual: true,
    init: 'xavierNormal',
    learningRate: 0.03,
    batchSize: 16,
    validationMode: 'train',
  },
};

interface Inspection {
  readonly folder: string;
  readonly data: Record<string, string>;
  readonly weights: Record<string, string>;
  readonly drawn: Record<string, DrawnStats>;
}

interface Case {
  readonly name: string;
  readonly setup: ExportSetup;
  readonly folder: string;
  readonly engineLosses: number[];
  /** What the engine trained and validated on, and started from. */
  readonly engineData: Record<string, ArrayBufferView>;
  readonly engineWeights: Record<string, Float32Array>;
  /** What the engine draws each parameter from, and the shapes. */
  readonly engineInit: Record<string, WeightDistribution>;
  readonly shapes: Record<string, readonly number[]>;
}

const sha = (view: ArrayBufferView) =>
  createHash('sha256')
    .update(new Uint8Array(view.buffer, view.byteOffset, view.byteLength))
    .digest('hex');

async function pythonLosses(folder: string, steps: number): Promise<number[]> {
  const { stdout } = await run(
    torchPython(),
    [join(folder, 'train.py'), '--steps', String(steps), '--json'],
    {
      maxBuffer: 16 << 20,
    },
  );
  return (JSON.parse(stdout) as { losses: number[] }).losses;
}

async function inspect(folders: readonly string[]): Promise<Inspection[]> {
  const { stdout } = await run(torchPython(), [INSPECT, ...folders], { maxBuffer: 16 << 20 });
  return stdout
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as Inspection);
}

const root = mkdtempSync(join(tmpdir(), 'normlab-export-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

async function prepare(
  name: string,
  settings: Partial<LabRunSettings>,
  index: number,
): Promise<Case> {
  const link = `http://localhost:5173/${labHash([{ ...DEFAULT_RUN_SETTINGS, ...settings }])}`;
  const setup = resolveRunReference(link, 0, (file) => readFileSync(file, 'utf8'));
  const split = await nodeDatasetLoader(setup.dataset);
  const folder = join(root, `case-${index}`);
  const files = exportFiles(setup, split);
  await import('node:fs').then(({ mkdirSync }) => mkdirSync(folder));
  for (const [file, bytes] of Object.entries(files)) writeFileSync(join(folder, file), bytes);

  // The engine's own run, built as the worker builds it: its data, initial weights and losses.
  const training = new TrainingRun(setup.config, split.train);
  const engineWeights = training.model.stateDict();
  const engineInit = engineDistributions(training.model);
  const shapes = Object.fromEntries(training.model.params().map((p) => [p.name, p.value.shape]));
  const engineLosses: number[] = [];
  for (let s = 0; s < STEPS; s++) {
    const result = training.step();
    if (result.status !== 'ok')
      throw new Error(`${name}: the engine diverged at step ${result.step}`);
    engineLosses.push(result.loss);
  }
  const valCount = Math.min(1000, split.test.count);
  const sampleSize = split.test.sampleShape.reduce((a, b) => a * b, 1);
  return {
    name,
    setup,
    folder,
    engineLosses,
    engineWeights,
    engineInit,
    shapes,
    engineData: {
      x_train: split.train.x,
      y_train: split.train.y,
      x_val: split.test.x.subarray(0, valCount * sampleSize),
      y_val: split.test.y.subarray(0, valCount),
    },
  };
}

describe('the PyTorch export reproduces the engine in real PyTorch', () => {
  const cases: Case[] = [];
  const inspections = new Map<string, Inspection>();

  beforeAll(async () => {
    let index = 0;
    for (const [name, settings] of Object.entries(CONFIGS))
      cases.push(await prepare(name, settings, index++));
    for (const result of await inspect(cases.map((c) => c.folder)))
      inspections.set(result.folder, result);
  }, 600_000);

  it('covers what the issue asks for', () => {
    const specs = cases.map((c) => c.setup.config);
    const families = new Set(specs.map((c) => c.model.family));
    const norms = new Set(specs.map((c) => c.model.norm.kind));
    const placements = new Set(
      specs.filter((c) => c.model.norm.kind !== 'none').map((c) => c.model.normPlacement),
    );
    const residual = new Set(
      specs.flatMap((c) => (c.model.family === 'cnn' ? [c.model.residual] : [])),
    );
    const inits = new Set(cases.map((c) => c.setup.config.model.init.kind));
    const optimizers = new Set(specs.map((c) => c.optimizer.kind));
    const data = new Set(cases.map((c) => c.setup.dataset.id));
    expect(cases.length).toBeGreaterThanOrEqual(8);
    expect([...families].sort()).toEqual(['cnn', 'mlp']);
    expect(norms).toEqual(new Set(NORM_KINDS));
    expect(placements).toEqual(new Set(['before', 'after']));
    expect(residual).toEqual(new Set([true, false]));
    expect(inits).toEqual(new Set(LAB_INIT_KINDS));
    expect(optimizers).toEqual(new Set(['sgd', 'adam', 'adamw']));
    const decayed = new Set(
      specs.filter((c) => (c.optimizer.weightDecay ?? 0) > 0).map((c) => c.optimizer.kind),
    );
    expect(decayed).toEqual(new Set(['sgd', 'adam', 'adamw']));
    const branchInits = new Set(specs.map((c) => c.model.branchInit ?? 'standard'));
    expect(branchInits).toEqual(new Set(BRANCH_INITS));
    expect(specs.some((c) => c.model.family === 'mlp' && c.model.residual === true)).toBe(true);
    expect(specs.some((c) => c.model.weightStandardization === true)).toBe(true);
    expect(specs.some((c) => c.model.norm.ghostBatch !== undefined)).toBe(true);
    expect(data.has('mnist14') && data.has('spiral')).toBe(true);
  });

  for (const name of Object.keys(CONFIGS)) {
    it(`${name}: same data and initial weights to the byte, same init distributions, same losses`, async () => {
      const c = cases.find((k) => k.name === name)!;
      const seen = inspections.get(c.folder)!;
      for (const [key, view] of Object.entries(c.engineData))
        expect(seen.data[key], key).toBe(sha(view));
      expect(Object.keys(seen.weights).sort()).toEqual(Object.keys(c.engineWeights).sort());
      for (const [key, values] of Object.entries(c.engineWeights)) {
        // num_batches_tracked is an int64 counter in PyTorch: 0 at the start, as in the engine
        const bytes = key.endsWith('num_batches_tracked')
          ? BigInt64Array.from(values, (v) => BigInt(v))
          : values;
        expect(seen.weights[key], key).toBe(sha(bytes));
      }
      expect(compareInit(c.engineInit, seen.drawn, c.shapes)).toEqual([]);
      expect(compareLosses(c.engineLosses, await pythonLosses(c.folder, STEPS))).toEqual([]);
    }, 300_000);
  }

  describe('a script that differs from the run fails these checks', () => {
    const broken = (edit: (source: string) => string, c: Case = cases[0]!): string => {
      const folder = mkdtempSync(join(root, 'broken-'));
      for (const file of ['data.npz', 'initial_weights.npz']) {
        writeFileSync(join(folder, file), readFileSync(join(c.folder, file)));
      }
      const source = readFileSync(join(c.folder, 'train.py'), 'utf8');
      const changed = edit(source);
      expect(changed).not.toBe(source);
      writeFileSync(join(folder, 'train.py'), changed);
      return folder;
    };

    it('a layer: one ReLU replaced by a tanh', async () => {
      const folder = broken((s) => s.replace('self.act2 = nn.ReLU()', 'self.act2 = nn.Tanh()'));
      expect(
        compareLosses(cases[0]!.engineLosses.slice(0, 20), await pythonLosses(folder, 20)),
      ).not.toEqual([]);
    }, 300_000);

    it('an init formula: Kaiming scaled by fan_out instead of fan_in', async () => {
      const folder = broken((s) => s.replace('mode="fan_in"', 'mode="fan_out"'));
      const [seen] = await inspect([folder]);
      expect(compareInit(cases[0]!.engineInit, seen!.drawn, cases[0]!.shapes)).not.toEqual([]);
    }, 300_000);

    for (const kind of ['sgd', 'adamw'] as const) {
      it(`the weight decay of ${kind}: left out`, async () => {
        const c = cases.find(
          (k) =>
            k.setup.config.optimizer.kind === kind &&
            (k.setup.config.optimizer.weightDecay ?? 0) > 0,
        )!;
        const folder = broken((s) => s.replace(/weight_decay=[0-9.e-]+/, 'weight_decay=0.0'), c);
        expect(compareLosses(c.engineLosses, await pythonLosses(folder, STEPS))).not.toEqual([]);
      }, 300_000);
    }

    it('the data order: the sampler seeded differently', async () => {
      const folder = broken((s) =>
        s.replace('AppShuffle(len(train_set), SEED)', 'AppShuffle(len(train_set), SEED + 1)'),
      );
      expect(
        compareLosses(cases[0]!.engineLosses.slice(0, 20), await pythonLosses(folder, 20)),
      ).not.toEqual([]);
    }, 300_000);
  });
});
