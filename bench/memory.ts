/**
 * `npm run bench:memory`: peak memory per run, in Node, through the worker's own code path (a
 * TrainingSession fed the worker's messages, the same engine and dataset loader), for the largest
 * setting of each architecture and dataset (src/lab/largestSetting.ts), printed next to the plan and
 * the budget, and for the largest depth probe the Lab and the lessons allow (200 layers of width
 * 512, each normalization). Each setting runs in a fresh process, so no run inherits another's
 * memory. The learner's own data (csv, drawn) lives in the browser's storage, so it is not measured
 * here; test/lab/memoryLimits.test.ts checks its largest settings against the plan.
 *
 * Memory = typed arrays (process.memoryUsage().arrayBuffers minus what the process held before the
 * run) + the WebAssembly module's memory, sampled whenever the session reads the clock (several times
 * per step and per validation chunk) and whenever it posts a message. A sample above the peak so far
 * is taken again after a forced GC, so the peak counts live memory, not garbage.
 */
import { spawnSync } from 'node:child_process';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { loadMnistNode } from '../src/data/loadMnistNode';
import { engineWasmKernels } from '../src/engine/kernels/wasmKernels';
import { formatMegabytes, planRunMemory, RUN_MEMORY_BUDGET } from '../src/engine/train/memoryPlan';
import { DATASET_IDS, isOwnDataset, type DatasetId } from '../src/lab/datasets';
import { buildDepthProbe, type DepthProbeOptions } from '../src/engine/probes/depthProbe';
import type { DepthProbeMemory } from '../src/engine/probes/depthProbeMemory';
import { PROBE_SEED, probeInitScheme } from '../src/lessons/widgets/depthProbeSetup';
import { PROBE_BATCH_SIZE, PROBE_SETTINGS } from '../src/lab/probeSettings';
import type { Architecture, LabRunSettings } from '../src/lab/labSettings';
import { largestSetting } from '../src/lab/largestSetting';
import { architecturesFor, LAB_DATA_SIZES } from '../src/lab/memoryLimits';
import { toRunConfig, toWorkerSetup } from '../src/lab/settings';
import { createDatasetLoader } from '../src/worker/loadDataset';
import type { FromWorker } from '../src/worker/protocol';
import { TrainingSession } from '../src/worker/trainingSession';
import { TrainingRun } from '../src/engine/train/trainingRun';

/** Training steps measured after the first (which allocates gradients' users and optimizer state). */
const STEPS = 2;

/**
 * The learning rate the bench trains with. Memory does not depend on it, but the largest networks
 * (100 plain layers with Adam at the Lab's default rate) diverge at the second step, and a diverged
 * run takes no more steps.
 */
const LEARNING_RATE = 1e-4;

interface Measurement {
  readonly architecture: Architecture;
  readonly dataset: DatasetId;
  readonly settings: LabRunSettings;
  /** Peak from configure until the first validation chunk was done, before any training step. */
  readonly beforeTrain: number;
  /** Peak over the whole run: configure, 1 + STEPS steps with probes, a validation chunk after them. */
  readonly peak: number;
  readonly seconds: number;
}

const gc = (globalThis as { gc?: () => void }).gc;

function raw(baseline: number): number {
  const wasm = engineWasmKernels?.exports.memory.buffer.byteLength ?? 0;
  return process.memoryUsage().arrayBuffers - baseline + wasm;
}

/** Trains one setting through a TrainingSession and reports its peak memory. */
async function measureOne(architecture: Architecture, dataset: DatasetId): Promise<Measurement> {
  if (!gc)
    throw new Error('bench/memory.ts needs node --expose-gc (npm run bench:memory passes it)');
  const settings = { ...largestSetting(architecture, dataset), learningRate: LEARNING_RATE };
  const started = performance.now();
  // loadMnistNode keeps the files' decoded bytes for later calls (7.8 MB for MNIST 28×28), which the
  // browser's worker does not: read them before the baseline, so only the worker's own arrays count
  // (the Lab always standardizes MNIST, src/lab/settings.ts).
  if (dataset === 'mnist14' || dataset === 'mnist28') {
    loadMnistNode(dataset === 'mnist14' ? '14' : '28', { standardize: true });
  }
  const baseline = (gc(), process.memoryUsage().arrayBuffers);
  let peak = 0;
  // A reading above the peak so far may be garbage not yet collected: collect, then read again, so
  // the peak is live memory (and the GC runs only a few times per run).
  // V8 frees the storage of collected typed arrays on a background sweeper, so right after one GC the
  // count can still include garbage (a probe step's 8 MB weight copy, seen "live" on one run in two);
  // the second GC finishes the first one's sweeping.
  const sample = () => {
    if (raw(baseline) <= peak) return;
    gc();
    gc();
    peak = Math.max(peak, raw(baseline));
  };
  // Every validation chunk holds as much as the first (the layers keep their arrays), so the run
  // validates one chunk before and one after training rather than 1,000 samples each time: a CNN at
  // its largest takes minutes per validation on a busy machine.
  let chunks = 0;
  const evaluate = TrainingRun.prototype.evaluate;
  TrainingRun.prototype.evaluate = function (this: TrainingRun, ...args) {
    const result = evaluate.apply(this, args);
    chunks++;
    sample();
    return result;
  };
  let step = 0;
  let failure: string | undefined;
  const session = new TrainingSession({
    post: (message: FromWorker) => {
      if (message.type === 'snapshot') step = Math.max(step, message.step);
      if (message.type === 'error') failure = message.message;
      if (message.type === 'diverged')
        failure = `diverged at step ${message.step}: ${message.reason}`;
      sample();
    },
    loadDataset: createDatasetLoader((resolution, standardize) =>
      Promise.resolve(loadMnistNode(resolution, { standardize })),
    ),
    now: () => {
      sample();
      return performance.now();
    },
  });
  const until = async (done: () => boolean) => {
    while (!done()) {
      if (failure !== undefined) throw new Error(`${architecture} on ${dataset}: ${failure}`);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  };
  await session.handle({ type: 'configure', setup: toWorkerSetup(settings, 0) });
  await until(() => chunks >= 1);
  const beforeTrain = peak;
  await session.handle({ type: 'step', count: 1 + STEPS });
  await until(() => step >= 1 + STEPS);
  const trained = chunks;
  await session.handle({ type: 'evaluate' });
  await until(() => chunks > trained);
  sample();
  return {
    architecture,
    dataset,
    settings,
    beforeTrain,
    peak,
    seconds: (performance.now() - started) / 1000,
  };
}

/** The widest probe the lessons' schema and the Lab's MLP allow. */
const PROBE_WIDTH = 512;

interface ProbeMeasurement {
  readonly norm: DepthProbeOptions['norm'];
  readonly plan: number;
  readonly peak: number;
  readonly bankedLayers: number;
  readonly seconds: number;
}

/**
 * The largest depth probe with `norm`, measured as its worker holds it: everything it allocated is
 * still referenced when it finishes (its layers, the bank, the shared gradient), so memory read then,
 * after two GCs, is its peak. It runs twice: the second run reuses the bank, as a slider move does.
 */
function measureProbe(norm: DepthProbeOptions['norm']): ProbeMeasurement {
  if (!gc) throw new Error('bench/memory.ts needs node --expose-gc');
  gc();
  const baseline = process.memoryUsage().arrayBuffers;
  const started = performance.now();
  const options: DepthProbeOptions = {
    depth: PROBE_SETTINGS.depth.max,
    width: PROBE_WIDTH,
    batchSize: PROBE_BATCH_SIZE,
    activation: 'relu',
    init: probeInitScheme('kaimingNormal', 'relu'),
    norm,
    seed: PROBE_SEED,
  };
  let peak = 0;
  const once = (): DepthProbeMemory => {
    const probe = buildDepthProbe(options);
    probe.run();
    gc();
    gc();
    peak = Math.max(peak, raw(baseline));
    return probe.memory;
  };
  once();
  const memory = once();
  return {
    norm,
    plan: memory.total,
    peak,
    bankedLayers: memory.bankedLayers,
    seconds: (performance.now() - started) / 1000,
  };
}

function describe(s: LabRunSettings): string {
  return `depth ${s.depth} × width ${s.width}, batch ${s.batchSize}, ${s.norm}, ${s.optimizer}`;
}

/** A child process gets this long; one that takes longer has stalled (the bench once waited forever). */
const CHILD_TIMEOUT_MS = 45 * 60 * 1000;

function runChild<T>(args: string[]): T {
  const script = fileURLToPath(import.meta.url);
  const child = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', script, ...args], {
    encoding: 'utf8',
    maxBuffer: 1 << 20,
    timeout: CHILD_TIMEOUT_MS,
  });
  if (child.status !== 0) {
    const why = child.error ? `${child.error.message}\n` : '';
    throw new Error(`${args.join(' ')} failed:\n${why}${child.stderr}${child.stdout}`);
  }
  const line = child.stdout.trim().split('\n').pop() ?? '';
  return JSON.parse(line) as T;
}

async function main(): Promise<void> {
  const [flag, architecture, dataset] = process.argv.slice(2);
  if (flag === '--probe') {
    console.log(JSON.stringify(measureProbe(architecture as DepthProbeOptions['norm'])));
    return;
  }
  if (flag === '--one') {
    const result = await measureOne(architecture as Architecture, dataset as DatasetId);
    console.log(JSON.stringify(result));
    // The session would go on validating the rest of the test set.
    process.exit(0);
  }
  console.log(
    `Peak memory per run: typed arrays + wasm memory, budget ${formatMegabytes(RUN_MEMORY_BUDGET)}`,
  );
  console.log(
    `Node ${process.version}, ${cpus()[0]?.model ?? 'unknown CPU'}, ${new Date().toISOString()}\n`,
  );
  const rows: string[][] = [
    [
      'architecture',
      'dataset',
      'largest setting',
      'plan',
      'measured',
      'before Train (plan)',
      'budget',
    ],
  ];
  let over = false;
  for (const id of DATASET_IDS.filter((d) => !isOwnDataset(d))) {
    for (const arch of architecturesFor(id)) {
      const m = runChild<Measurement>(['--one', arch, id]);
      const plan = planRunMemory(toRunConfig(m.settings), LAB_DATA_SIZES[id]);
      if (m.peak > RUN_MEMORY_BUDGET || m.peak > plan.total) over = true;
      rows.push([
        arch,
        id,
        describe(m.settings),
        formatMegabytes(plan.total),
        formatMegabytes(m.peak),
        `${formatMegabytes(m.beforeTrain)} (${formatMegabytes(plan.beforeTraining)})`,
        formatMegabytes(RUN_MEMORY_BUDGET),
      ]);
      console.log(`  ${arch} on ${id}: ${formatMegabytes(m.peak)} in ${m.seconds.toFixed(1)} s`);
    }
  }
  for (const norm of ['none', 'batchNorm', 'layerNorm'] as const) {
    const m = runChild<ProbeMeasurement>(['--probe', norm]);
    if (m.peak > RUN_MEMORY_BUDGET || m.peak > m.plan) over = true;
    rows.push([
      'depth probe',
      'N(0, 1)',
      `${PROBE_SETTINGS.depth.max} × ${PROBE_WIDTH}, batch ${PROBE_BATCH_SIZE}, ${norm}, ${m.bankedLayers} layers banked`,
      formatMegabytes(m.plan),
      formatMegabytes(m.peak),
      '',
      formatMegabytes(RUN_MEMORY_BUDGET),
    ]);
    console.log(`  depth probe, ${norm}: ${formatMegabytes(m.peak)} in ${m.seconds.toFixed(1)} s`);
  }
  console.log(
    '  (own data, csv and drawn, lives in the browser: test/lab/memoryLimits.test.ts checks its plan)',
  );
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  console.log('');
  for (const r of rows) console.log(r.map((cell, c) => cell.padEnd(widths[c]!)).join('  '));
  if (over) {
    console.log('\nA run went over its plan or the budget.');
    process.exitCode = 1;
  }
}

await main();
