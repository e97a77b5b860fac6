/**
 * Where one training step of lesson 5's plain-vs-resnet runs spends its CPU time, layer kind by layer
 * kind, forward and backward apart, plus the elementwise kernels alone on one 32×8×14×14 activation.
 *
 *   npx tsx bench/stepLayers.ts [--steps 60] [--rounds 3]
 *
 * CPU time (process.cpuUsage, this process's user + system, V8's helper threads included): on a shared
 * machine it is what an idle core would see, give or take a cache that others evict. Each layer call is
 * timed on its own, so a kind's figure includes about 1 µs of timer per call.
 */
import { makeCoherent } from '../src/lab/coherence';
import { toWorkerSetup } from '../src/lab/settings';
import { runSettings } from '../src/lessons/runSettings';
import type { Experiment } from '../src/lessons/schema';
import { TrainingRun } from '../src/engine/train/trainingRun';
import type { Layer, Mode } from '../src/engine/layers/layer';
import type { Tensor } from '../src/engine/tensor';
import { useLayerWasm } from '../src/engine/layers/layerWasm';
import { ReLU } from '../src/engine/layers/relu';
import { BatchNorm2d } from '../src/engine/layers/batchNorm';
import { ResidualBlock } from '../src/engine/layers/residualBlock';
import { createRng } from '../src/engine/rng';
import { nodeDatasetLoader, readLessons } from '../test/lessons/headlessLessons';
import { cpuMs } from './sessionCost';

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? Number(process.argv[at + 1]) : fallback;
}

const STEPS = option('steps', 60);
const ROUNDS = option('rounds', 3);

function experiment(): Experiment {
  for (const lesson of readLessons()) {
    for (const s of lesson.segments) {
      if (s.kind === 'experiment' && s.id === 'plain-vs-resnet') return s.data;
    }
  }
  throw new Error('plain-vs-resnet not found');
}

type Totals = Map<string, { ms: number; calls: number }>;

/** Times every leaf layer's forward and backward (the containers' own work is what is left). */
function instrument(run: TrainingRun, totals: Totals): void {
  for (const { layer } of run.model.layers()) {
    const kind = layer.constructor.name;
    const leaf = !('children' in layer);
    const add = (key: string, ms: number) => {
      const t = totals.get(key) ?? { ms: 0, calls: 0 };
      t.ms += ms;
      t.calls++;
      totals.set(key, t);
    };
    const target = layer as { forward: Layer['forward']; backward: Layer['backward'] };
    const forward = layer.forward.bind(layer);
    const backward = layer.backward.bind(layer);
    const suffix = leaf ? '' : ' (all)';
    target.forward = (x: Tensor, mode: Mode) => {
      const t0 = cpuMs();
      const y = forward(x, mode);
      add(`${kind}${suffix} forward`, cpuMs() - t0);
      return y;
    };
    target.backward = (dy: Tensor) => {
      const t0 = cpuMs();
      const dx = backward(dy);
      add(`${kind}${suffix} backward`, cpuMs() - t0);
      return dx;
    };
  }
}

async function buildRun(index: number): Promise<{ label: string; run: TrainingRun }> {
  const exp = experiment();
  const settings = makeCoherent(runSettings(exp, index)).settings;
  const setup = toWorkerSetup(settings, 0, exp.validationEvery);
  const { train } = await nodeDatasetLoader(setup.dataset);
  return { label: exp.runs[index]!.label, run: new TrainingRun(setup.config, train) };
}

function stepMs(run: TrainingRun, steps: number): number {
  const t0 = cpuMs();
  for (let i = 0; i < steps; i++) run.step();
  return (cpuMs() - t0) / steps;
}

/** Per-kernel CPU µs on one activation the size of the residual net's (32 × 8 × 14 × 14). */
function kernels(): Record<string, number> {
  const rng = createRng(1);
  const shape = [32, 8, 14, 14];
  const n = 32 * 8 * 14 * 14;
  const x = { shape, data: Float32Array.from({ length: n }, () => rng.normal()) };
  const dy = { shape, data: Float32Array.from({ length: n }, () => rng.normal()) };
  const relu = new ReLU();
  const bn = new BatchNorm2d(8);
  const block = new ResidualBlock({
    inChannels: 8,
    outChannels: 8,
    makeNorm: null,
    makeActivation: () => new ReLU(),
  });
  void block;
  const reps = 400;
  const time = (f: () => void) => {
    for (let i = 0; i < 20; i++) f();
    const t0 = cpuMs();
    for (let i = 0; i < reps; i++) f();
    return ((cpuMs() - t0) / reps) * 1000;
  };
  const a = x.data;
  const b = dy.data;
  const s = new Float32Array(n);
  return {
    'ReLU forward': time(() => relu.forward(x, 'train')),
    'ReLU backward': time(() => relu.backward(dy)),
    'BatchNorm2d forward': time(() => bn.forward(x, 'train')),
    'BatchNorm2d backward': time(() => bn.backward(dy)),
    'sum of two': time(() => {
      for (let i = 0; i < n; i++) s[i] = a[i]! + b[i]!;
    }),
  };
}

async function main(): Promise<void> {
  const runs = [await buildRun(0), await buildRun(1), await buildRun(2)];
  for (const { run } of runs) for (let i = 0; i < 10; i++) run.step();
  // A/B: the layers' loops in JavaScript (off) and in the WebAssembly module (on), alternating.
  for (let round = 0; round < ROUNDS; round++) {
    for (const on of [false, true]) {
      useLayerWasm(on);
      const steps = runs.map(({ label, run }) => `${label} ${stepMs(run, STEPS).toFixed(2)}`);
      console.log(
        `round ${round + 1}, layer loops in ${on ? 'wasm' : 'JS  '}: ${steps.join(', ')} ms CPU a step`,
      );
    }
  }
  for (const { label, run } of runs) {
    const totals: Totals = new Map();
    instrument(run, totals);
    const total = stepMs(run, STEPS);
    console.log(`\n${label}: ${total.toFixed(2)} ms CPU a step (instrumented), per step:`);
    const rows = [...totals.entries()].sort(([a], [b]) => a.localeCompare(b));
    for (const [key, { ms, calls }] of rows) {
      console.log(
        `  ${key.padEnd(32)} ${(ms / STEPS).toFixed(3)} ms  (${(calls / STEPS).toFixed(0)} calls)`,
      );
    }
  }
  console.log('\nKernels on 32×8×14×14 (µs CPU a call):');
  for (let round = 0; round < 2 * ROUNDS; round++) {
    useLayerWasm(round % 2 === 1);
    const k = kernels();
    console.log(
      (round % 2 === 1 ? '  wasm ' : '  JS   ') +
        Object.entries(k)
          .map(([name, us]) => `${name} ${us.toFixed(0)}`)
          .join(', '),
    );
  }
}

void main();
