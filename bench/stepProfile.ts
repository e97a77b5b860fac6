/**
 * Where one training step of a lesson experiment's runs goes, by layer kind, forward and backward
 * apart, in CPU time: `npx tsx bench/stepProfile.ts [lesson-file] [experiment-id] [--steps N]`
 * (default lesson 5's plain-vs-resnet). Every leaf layer's forward and backward is wrapped with a
 * CPU clock; `Conv2d`'s backward is further split into the weight gradient and the input gradient
 * (the kernel calls it makes), and "rest" is the step minus every timed layer (residual sums,
 * the loss, the optimizer, the containers). The three runs take turns step by step, so each sees
 * the same machine load.
 */
import { readFileSync } from 'node:fs';
import { engineConvWasm } from '../src/engine/kernels/convWasm';
import type { Layer } from '../src/engine/layers/layer';
import { experimentTrainingRuns, readExperiment } from './lessonExperiment';
import { cpuMs } from './sessionCost';

type Totals = Map<string, number>;

function add(totals: Totals, key: string, ms: number): void {
  totals.set(key, (totals.get(key) ?? 0) + ms);
}

/** Which part of a Conv2d backward the kernel calls belong to (set while one runs). */
let convBackward = false;

function wrapLeaf(layer: Layer, totals: Totals): void {
  const kind = layer.constructor.name;
  const target = layer as unknown as Record<string, (...args: unknown[]) => unknown>;
  for (const pass of ['forward', 'backward'] as const) {
    const original = target[pass]!.bind(layer);
    target[pass] = (...args: unknown[]) => {
      const started = cpuMs();
      if (kind === 'Conv2d' && pass === 'backward') convBackward = true;
      try {
        return original(...args);
      } finally {
        convBackward = false;
        add(totals, `${kind} ${pass}`, cpuMs() - started);
      }
    };
  }
}

/** Splits Conv2d's backward into the wasm weight gradient and the input gradient's forward pass. */
function wrapConvKernels(current: () => Totals): void {
  const conv = engineConvWasm;
  if (!conv) return;
  const forward = conv.forward.bind(conv);
  const weightGradient = conv.weightGradient.bind(conv);
  conv.forward = (...args) => {
    const started = cpuMs();
    try {
      forward(...args);
    } finally {
      if (convBackward) add(current(), 'Conv2d backward: input gradient', cpuMs() - started);
    }
  };
  conv.weightGradient = (...args) => {
    const started = cpuMs();
    try {
      weightGradient(...args);
    } finally {
      add(current(), 'Conv2d backward: weight gradient', cpuMs() - started);
    }
  };
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const stepsAt = args.indexOf('--steps');
  const steps = stepsAt >= 0 ? Number(args[stepsAt + 1]) : 60;
  const positional = args.filter((a, i) => !a.startsWith('--') && args[i - 1] !== '--steps');
  const file = positional[0] ?? 'lessons/05-going-deep.md';
  const id = positional[1] ?? 'plain-vs-resnet';

  let active: Totals = new Map();
  wrapConvKernels(() => active);
  const runs = (await experimentTrainingRuns(readExperiment(file, id))).map(({ label, run }) => {
    const totals: Totals = new Map();
    for (const { layer } of run.model.layers()) {
      if (!('children' in layer)) wrapLeaf(layer, totals);
    }
    return { label, run, totals, stepMs: 0 };
  });
  // Warm-up (JIT, wasm tier-up, scratch buffers), then the measured steps, taking turns.
  for (let i = 0; i < 10; i++) for (const r of runs) r.run.step();
  for (const r of runs) r.totals.clear();
  for (let i = 0; i < steps; i++) {
    for (const r of runs) {
      active = r.totals;
      const started = cpuMs();
      r.run.step();
      r.stepMs += cpuMs() - started;
    }
  }
  const load = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
  console.log(`${file} ${id}: ${steps} steps a run, CPU ms per step, load average ${load}`);
  for (const r of runs) {
    const perStep = (ms: number) => (ms / steps).toFixed(2);
    const layersMs = [...r.totals]
      .filter(([key]) => !key.includes(':'))
      .reduce((sum, [, ms]) => sum + ms, 0);
    console.log(`\n${r.label}: step ${perStep(r.stepMs)}`);
    for (const [key, ms] of [...r.totals].sort((a, b) => a[0].localeCompare(b[0]))) {
      console.log(`  ${key.padEnd(36)} ${perStep(ms)}`);
    }
    console.log(`  ${'rest'.padEnd(36)} ${perStep(r.stepMs - layersMs)}`);
  }
}

await main();
