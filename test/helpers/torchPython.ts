import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

let found: string | undefined;

/**
 * A Python interpreter that imports torch and numpy, tried in the order scripts/ensureTorch.sh uses
 * ($NORMLAB_PYTHON, /usr/bin/python3, python3 on PATH). Throws with the fix when there is none:
 * `npm run test:all` runs ensureTorch.sh first, which installs Debian's python3-torch.
 */
export function torchPython(): string {
  if (found !== undefined) return found;
  const candidates = [process.env.NORMLAB_PYTHON, '/usr/bin/python3', 'python3'].filter(
    (c): c is string => c !== undefined && c !== '',
  );
  for (const candidate of candidates) {
    try {
      execFileSync(candidate, ['-c', 'import torch, numpy'], { stdio: 'ignore' });
      found = candidate;
      return candidate;
    } catch {
      // not this one
    }
  }
  throw new Error(
    `No Python with torch and numpy among ${candidates.join(', ')}: run \`bash scripts/ensureTorch.sh\` (npm run test:all does), or set NORMLAB_PYTHON`,
  );
}

/**
 * Runs a reference script with the torch Python: `input` as JSON in a file of its own, whose name is
 * the script's one argument; returns what the script prints, parsed as JSON.
 */
export async function runTorchScript(script: string, input: unknown): Promise<unknown> {
  const dir = mkdtempSync(join(tmpdir(), 'normlab-torch-'));
  try {
    const file = join(dir, 'case.json');
    writeFileSync(file, JSON.stringify(input));
    const { stdout } = await promisify(execFile)(torchPython(), [script, file]);
    return JSON.parse(stdout) as unknown;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
