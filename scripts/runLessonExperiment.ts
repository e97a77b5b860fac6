/**
 * Runs one experiment (or practice) of a lesson headless and prints whether its claim shows:
 *   npm run lessons:run -- lessons/03-batch-normalization.md bn-vs-plain [--steps 800]
 * For authors tuning an experiment so it really demonstrates what the text says.
 */
import { readFileSync } from 'node:fs';
import { smoothLosses } from '../src/engine/train/smoothLosses';
import { evaluateClaim, stepsToLoss, type RunHistory } from '../src/lessons/claims';
import { parseLesson } from '../src/lessons/parseLesson';
import { runExperiment } from '../src/lessons/runExperiment';
import { nodeDatasetLoader } from './nodeDatasets';

/** The numbers the internal claims read, so an author can choose their bounds from a real run. */
function internalSummary(run: RunHistory): string {
  const parts = [`loss at step 1 ${run.losses[0]?.toFixed(3) ?? '—'}`];
  const probe = run.finalProbe;
  if (!probe) return parts.join('; ');
  const grads = (role: string) =>
    probe.params
      .filter((p) => p.role === role)
      .map((p) => `${p.name.split('.')[0]} ${p.gradNorm.toExponential(1)}`)
      .join(', ');
  const share = (key: 'dead' | 'saturated') => {
    const values = probe.activations.map((a) => a[key]).filter((v) => v !== undefined);
    return values.length === 0
      ? undefined
      : `${key} ${values.map((v) => (100 * v).toFixed(0)).join('/')}%`;
  };
  const ratios = probe.params
    .filter((p) => p.role === 'weight' && p.updateRatio !== null)
    .map((p) => p.updateRatio!.toFixed(1));
  parts.push(`‖∂L/∂W‖ at step ${probe.step}: ${grads('weight')}`, `‖∂L/∂b‖: ${grads('bias')}`);
  for (const s of [share('dead'), share('saturated')]) if (s) parts.push(s);
  parts.push(`log10 update ratio: ${ratios.join(' ')}`);
  parts.push(
    `unit-0 percentiles (15/50/85): ${probe.activations
      .map((a) => `${a.name} ${a.unitPercentiles.map((v) => v.toFixed(2)).join('/')}`)
      .join(', ')}`,
  );
  return parts.join('\n  ');
}

async function main(): Promise<void> {
  const [file, id, ...rest] = process.argv.slice(2);
  if (!file || !id) {
    console.error(
      'usage: npm run lessons:run -- <lesson file> <experiment or practice id> [--steps N]',
    );
    process.exit(2);
  }
  const stepsFlag = rest.indexOf('--steps');
  const steps = stepsFlag >= 0 ? Number(rest[stepsFlag + 1]) : undefined;
  const lesson = parseLesson(readFileSync(file, 'utf8'), file);
  for (const issue of lesson.issues) console.error(`${issue.file}:${issue.line}: ${issue.message}`);
  const block = lesson.segments.find((s) => 'id' in s && s.id === id);
  const experimentId = block?.kind === 'practice' ? block.data.experiment : id;
  const experiment = lesson.segments.find((s) => s.kind === 'experiment' && s.id === experimentId);
  if (!experiment || experiment.kind !== 'experiment') {
    console.error(`${file}: no experiment or practice '${id}'`);
    process.exit(2);
  }
  const loader = nodeDatasetLoader;
  const started = Date.now();
  const result = await runExperiment(experiment.data, loader, steps !== undefined ? { steps } : {});
  for (const run of result.runs) {
    const smooth = smoothLosses(run.losses);
    const last = run.validation[run.validation.length - 1];
    console.log(
      `${run.label}: ${run.losses.length} steps${run.divergedAt ? `, diverged at ${run.divergedAt}` : ''}; smoothed loss ${smooth[19]?.toFixed(3)} → ${smooth[smooth.length - 1]?.toFixed(3)}; validation acc ${last ? (100 * last.accuracy).toFixed(1) : '—'}%`,
    );
    for (const threshold of [1.5, 1.0, 0.7, 0.5, 0.3, 0.2]) {
      process.stdout.write(`  loss≤${threshold}: ${stepsToLoss(run, threshold) ?? '—'}`);
    }
    process.stdout.write('\n');
    console.log(`  ${internalSummary(run)}`);
  }
  const claim = block?.kind === 'practice' ? block.data.claim : experiment.data.claim;
  if (claim) {
    const verdict = evaluateClaim(claim, result.runs);
    console.log(`claim ${verdict.shown ? 'SHOWN' : 'NOT shown'}: ${verdict.detail}`);
  }
  console.log(`${((Date.now() - started) / 1000).toFixed(1)} s`);
}

void main();
