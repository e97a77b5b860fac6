/**
 * Plain steps of a lesson experiment's runs, uninstrumented, in CPU time:
 * `npx tsx bench/stepCost.ts [lesson-file] [experiment-id] [--steps N] [--rounds R] [--ab-optim]`.
 * The runs take turns step by step (each sees the same machine load); prints ms of CPU a step
 * per run and round, and the load average. For profiles (`node --cpu-prof --import tsx`) and
 * before/after comparisons where bench/stepProfile.ts's per-layer clocks would weigh in.
 * `--ab-optim`: rounds alternate the optimizers' JavaScript loops and the module's (optimWasm.ts).
 */
import { readFileSync } from 'node:fs';
import { useOptimWasm } from '../src/engine/optim/optimWasm';
import { experimentTrainingRuns, readExperiment } from './lessonExperiment';
import { cpuMs } from './sessionCost';

function option(args: readonly string[], name: string, fallback: number): number {
  const at = args.indexOf(name);
  return at >= 0 ? Number(args[at + 1]) : fallback;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const steps = option(args, '--steps', 100);
  const rounds = option(args, '--rounds', 1);
  const positional = args.filter((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--'));
  const file = positional[0] ?? 'lessons/05-going-deep.md';
  const id = positional[1] ?? 'plain-vs-resnet';
  const runs = await experimentTrainingRuns(readExperiment(file, id));
  // Warm-up: JIT, wasm tier-up, scratch buffers.
  for (let i = 0; i < 10; i++) for (const { run } of runs) run.step();
  const ab = args.includes('--ab-optim');
  for (let round = 0; round < rounds; round++) {
    const mode = ab ? (round % 2 === 0 ? 'JavaScript optimizer' : 'module optimizer') : '';
    if (ab) useOptimWasm(round % 2 === 1);
    const ms = runs.map(() => 0);
    for (let i = 0; i < steps; i++) {
      runs.forEach(({ run }, r) => {
        const started = cpuMs();
        run.step();
        ms[r]! += cpuMs() - started;
      });
    }
    const load = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
    const perRun = runs.map(({ label }, r) => `${label} ${(ms[r]! / steps).toFixed(3)}`);
    console.log(
      `${id} round ${round + 1} ${mode} (load ${load}), CPU ms a step: ${perRun.join(', ')}`,
    );
  }
}

await main();
