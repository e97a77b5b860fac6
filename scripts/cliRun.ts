import { readFileSync } from 'node:fs';
import type { TrainTestSplit } from '../src/engine/data/dataset';
import type { ExportSetup } from '../src/export/exportSetup';
import { resolveRunReference, runIndexOf } from '../src/export/runReference';
import { nodeDatasetLoader } from './nodeDatasets';

/**
 * The arguments `export:pytorch` and `trajectory` share: '<Lab link or lesson file#experiment>'
 * [--run b] plus each tool's own flags. Problems end the process with a sentence and exit code 2.
 */
export interface CliRun {
  readonly setup: ExportSetup;
  readonly split: TrainTestSplit;
  readonly flags: ReadonlyMap<string, string | true>;
}

export function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

export async function readCliRun(
  usage: string,
  valued: readonly string[],
  switches: readonly string[],
): Promise<CliRun> {
  const args = process.argv.slice(2);
  const flags = new Map<string, string | true>();
  const positional: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (!arg.startsWith('--')) {
      positional.push(arg);
      continue;
    }
    const name = arg.slice(2);
    if (switches.includes(name)) flags.set(name, true);
    else if (valued.includes(name) || name === 'run') {
      const value = args[++i];
      if (value === undefined) fail(`${arg} needs a value\n${usage}`);
      flags.set(name, value);
    } else fail(`unknown option ${arg}\n${usage}`);
  }
  if (positional.length !== 1) fail(usage);
  try {
    const run = flags.get('run');
    const setup = resolveRunReference(
      positional[0]!,
      typeof run === 'string' ? runIndexOf(run) : 0,
      (file) => readFileSync(file, 'utf8'),
    );
    const split = await nodeDatasetLoader(setup.dataset);
    return { setup, split, flags };
  } catch (error) {
    return fail(error instanceof Error ? error.message : String(error));
  }
}
