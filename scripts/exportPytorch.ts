/**
 * Writes the PyTorch export of a run (the files the app's "Export to PyTorch" button zips):
 *   npm run -s export:pytorch -- '<Lab link>' --out DIR [--run b]
 *   npm run -s export:pytorch -- lessons/03-batch-normalization.md#bn-vs-plain --out DIR [--run b]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { exportFiles } from '../src/export/exportFiles';
import { fail, readCliRun } from './cliRun';

const USAGE =
  "usage: npm run -s export:pytorch -- '<Lab link or lesson file#experiment id>' --out DIR [--run b]";

async function main(): Promise<void> {
  const { setup, split, flags } = await readCliRun(USAGE, ['out'], []);
  const out = flags.get('out');
  if (typeof out !== 'string') fail(`--out DIR is required\n${USAGE}`);
  let files;
  try {
    files = exportFiles(setup, split);
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error));
  }
  mkdirSync(out, { recursive: true });
  for (const [name, bytes] of Object.entries(files)) writeFileSync(join(out, name), bytes);
  console.log(`${setup.title}: wrote ${Object.keys(files).join(', ')} to ${out}`);
}

void main();
