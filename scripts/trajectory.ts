/**
 * Trains a run headless with the app's engine and prints its training loss at every step:
 *   npm run -s trajectory -- '<Lab link or lesson file#experiment id>' --steps N [--json] [--run b]
 * With --json the output is {"losses": [...]}, the form `python3 train.py --steps N --json` prints.
 */
import { trajectory } from '../src/export/trajectory';
import { fail, readCliRun } from './cliRun';

const USAGE =
  "usage: npm run -s trajectory -- '<Lab link or lesson file#experiment id>' --steps N [--json] [--run b]";

async function main(): Promise<void> {
  const { setup, split, flags } = await readCliRun(USAGE, ['steps'], ['json']);
  const stepsText = flags.get('steps');
  const steps = typeof stepsText === 'string' ? Number(stepsText) : setup.steps;
  if (!Number.isInteger(steps) || steps < 1) {
    fail(`--steps ${String(stepsText)} is not a whole number of steps ≥ 1\n${USAGE}`);
  }
  const result = trajectory(setup, split, steps);
  if (flags.get('json') === true) {
    console.log(JSON.stringify({ losses: result.losses }));
    return;
  }
  result.losses.forEach((loss, i) => console.log(`step ${i + 1}\tloss ${loss}`));
  if (result.divergedAt !== undefined) console.log(`diverged at step ${result.divergedAt}`);
}

void main();
