/**
 * `npx tsx bench/lessons/claimMargins.ts <lesson file> <experiment id> [--steps N] [--base JSON] [--json]`
 *
 * How far each part of an experiment's claim is from failing, trained headless as the claims test
 * trains it (runExperiment). Before an experiment is made cheaper (fewer steps, a smaller network),
 * record its margins here; afterwards every part must keep at least the same margin, so that a
 * faster experiment does not show its effect more narrowly than before (issue 17).
 *
 * A margin is the distance from the measured value to the nearest bound the claim sets: in the
 * measure's own units for losses and accuracies, and as a factor (value over lower bound, upper bound
 * over value) for gradient norms and their ratios, which span decades. `--base` merges settings into
 * the experiment's base (`--base '{"batchSize":16}'`) to try a cheaper candidate.
 */
import { smoothedHistory } from '../../src/lessons/smoothedHistory';
import { evaluateClaim, type Claim, type RunHistory } from '../../src/lessons/claims';
import { measureInternal, type InternalClaim } from '../../src/lessons/internalClaims';
import { runExperiment } from '../../src/lessons/runExperiment';
import type { Experiment } from '../../src/lessons/schema';
import { nodeDatasetLoader } from '../../test/lessons/headlessLessons';
import { readExperiment } from '../lessonExperiment';

/** One leaf of a claim: what it measured and how far that is from its nearest bound. */
export interface ClaimMargin {
  readonly claim: string;
  readonly shown: boolean;
  readonly value: number | undefined;
  /** Distance to the nearest bound: in the measure's units, or a factor when `factor` is set. */
  readonly margin: number | undefined;
  readonly factor: boolean;
  readonly detail: string;
}

/** Measures that span decades: their margin is a factor. */
const FACTOR_KINDS = new Set(['gradNorm', 'gradRatio', 'weightNorm', 'effectiveLearningRate']);

function leaves(claim: Claim): Claim[] {
  return claim.kind === 'allOf' ? claim.claims.flatMap(leaves) : [claim];
}

function describe(claim: Claim): string {
  const { kind, ...rest } = claim as Claim & Record<string, unknown>;
  return `${kind} ${JSON.stringify(rest)}`;
}

function lastAccuracy(runs: readonly RunHistory[], label: string): number | undefined {
  const run = runs.find((r) => r.label === label);
  return run?.validation[run.validation.length - 1]?.accuracy;
}

function finalSmoothed(runs: readonly RunHistory[], label: string): number | undefined {
  const run = runs.find((r) => r.label === label);
  if (!run || run.divergedAt !== undefined) return undefined;
  const smooth = smoothedHistory(run.losses);
  return smooth[smooth.length - 1];
}

/** Distance of `value` to the bounds [atLeast, atMost], as a difference or a factor. */
function toBounds(
  value: number,
  atLeast: number | undefined,
  atMost: number | undefined,
  factor: boolean,
): number {
  const gaps: number[] = [];
  if (atLeast !== undefined) gaps.push(factor ? value / atLeast : value - atLeast);
  if (atMost !== undefined) gaps.push(factor ? atMost / value : atMost - value);
  return Math.min(...gaps);
}

/** Every leaf of `claim`, measured on `runs`. Kinds not measured here report their verdict only. */
export function claimMargins(claim: Claim, runs: readonly RunHistory[]): ClaimMargin[] {
  return leaves(claim).map((leaf) => {
    const verdict = evaluateClaim(leaf, runs);
    const base = { claim: describe(leaf), shown: verdict.shown, detail: verdict.detail };
    const factor = FACTOR_KINDS.has(leaf.kind);
    let value: number | undefined;
    let margin: number | undefined;
    if (leaf.kind === 'accuracyAbove' || leaf.kind === 'accuracyBelow') {
      value = lastAccuracy(runs, leaf.run);
      if (value !== undefined)
        margin = leaf.kind === 'accuracyAbove' ? value - leaf.accuracy : leaf.accuracy - value;
    } else if (leaf.kind === 'lowerLoss') {
      const a = finalSmoothed(runs, leaf.run);
      const b = finalSmoothed(runs, leaf.than);
      if (a !== undefined && b !== undefined) {
        value = b - a;
        margin = value - leaf.margin;
      }
    } else if ('atLeast' in leaf || 'atMost' in leaf) {
      const internal = leaf as InternalClaim & { atLeast?: number; atMost?: number };
      const run = runs.find((r) => r.label === internal.run);
      const measured = run ? measureInternal(internal, run) : undefined;
      if (measured && 'value' in measured) {
        value = measured.value;
        margin = toBounds(value, internal.atLeast, internal.atMost, factor);
      }
    }
    return { ...base, value, margin, factor };
  });
}

function parseArgs(argv: readonly string[]) {
  const [file, id] = argv;
  if (!file || !id) {
    throw new Error(
      'usage: tsx bench/lessons/claimMargins.ts <lesson file> <experiment id> [--steps N] [--base JSON] [--json]',
    );
  }
  const flag = (name: string): string | undefined => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const steps = flag('--steps');
  const base = flag('--base');
  return {
    file,
    id,
    steps: steps !== undefined ? Number(steps) : undefined,
    base: base !== undefined ? (JSON.parse(base) as Record<string, unknown>) : {},
    json: argv.includes('--json'),
  };
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const lessonExperiment = readExperiment(args.file, args.id);
  const { claim } = lessonExperiment;
  if (!claim) throw new Error(`${args.id} has no claim`);
  const experiment: Experiment = {
    ...lessonExperiment,
    base: { ...lessonExperiment.base, ...args.base },
    ...(args.steps !== undefined ? { steps: args.steps } : {}),
  };
  const started = performance.now();
  const { runs } = await runExperiment(experiment, nodeDatasetLoader);
  const margins = claimMargins(claim, runs);
  if (args.json) {
    console.log(JSON.stringify({ experiment: args.id, base: experiment.base, margins }));
    return;
  }
  const number = (x: number | undefined, factor: boolean) =>
    x === undefined ? '—' : factor ? `×${x.toPrecision(3)}` : x.toFixed(4);
  for (const m of margins) {
    console.log(
      `${m.shown ? 'shown' : 'NOT  '}  value ${m.value === undefined ? '—' : m.value.toPrecision(4)}  margin ${number(m.margin, m.factor)}  ${m.claim}`,
    );
  }
  console.log(`${((performance.now() - started) / 1000).toFixed(1)} s wall`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
