/**
 * `npm run bench:memory`: peak memory per run, in Node, through the worker's own code path (a
 * TrainingSession fed the worker's messages, the same engine and dataset loader), for the largest
 * setting of each architecture and dataset (src/lab/memoryLimits.ts), printed next to the plan and
 * the budget. Each setting runs in a fresh process, so no run inherits another's memory.
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
import { DATASET_IDS, type DatasetId } from '../src/lab/datasets';
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
  const settings = largestSetting(architecture, dataset);
  const started = performance.now();
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

function describe(s: LabRunSettings): string {
  return `depth ${s.depth} × width ${s.width}, batch ${s.batchSize}, ${s.norm}, ${s.optimizer}`;
}

function runChild(architecture: Architecture, dataset: DatasetId): Measurement {
  const script = fileURLToPath(import.meta.url);
  const child = spawnSync(
    process.execPath,
    ['--expose-gc', '--import', 'tsx', script, '--one', architecture, dataset],
    { encoding: 'utf8', maxBuffer: 1 << 20 },
  );
  if (child.status !== 0) {
    throw new Error(`${architecture} on ${dataset} failed:\n${child.stderr}${child.stdout}`);
  }
  const line = child.stdout.trim().split('\n').pop() ?? '';
  return JSON.parse(line) as Measurement;
}

async function main(): Promise<void> {
  const [flag, architecture, dataset] = process.argv.slice(2);
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
  for (const id of DATASET_IDS) {
    for (const arch of architecturesFor(id)) {
      const m = runChild(arch, id);
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
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  console.log('');
  for (const r of rows) console.log(r.map((cell, c) => cell.padEnd(widths[c]!)).join('  '));
  if (over) {
    console.log('\nA run went over its plan or the budget.');
    process.exitCode = 1;
  }
}

await main();
