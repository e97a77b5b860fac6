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

/** One exported network to run in torch: the export's code, the engine's state_dict and a batch. */
export interface ExportedNetCase {
  readonly code: string;
  readonly state: Record<string, number[]>;
  readonly x: number[];
  readonly shape: number[];
  /** Batches of `shape` that torch.optim.swa_utils.update_bn recalibrates the Net on before the forward. */
  readonly updateBn?: number[][];
}

/** What torch made of it: the logits, the state_dict after the forward and every module's class. */
export interface ExportedNetResult {
  readonly logits: number[];
  readonly state: Record<string, number[]>;
  readonly modules: string[];
}

/**
 * Runs each exported `Net` in real torch, with the engine's state_dict loaded (each tensor at its
 * torch shape and dtype), on its batch in `mode`, without gradients (after update_bn on the case's
 * `updateBn` batches, when it has them).
 */
export function runExportedNets(
  cases: readonly ExportedNetCase[],
  mode: 'train' | 'eval',
): ExportedNetResult[] {
  const program = `
import json, sys, torch
import torch.nn as nn
out = []
for case in json.load(sys.stdin):
    scope = {"torch": torch, "nn": nn}
    exec(case["code"], scope)
    net = scope["Net"]()
    own = net.state_dict()
    net.load_state_dict({k: torch.tensor(v).reshape(own[k].shape).to(own[k].dtype) for k, v in case["state"].items()})
    if case.get("updateBn"):
        from torch.optim.swa_utils import update_bn
        update_bn([torch.tensor(b).reshape(case["shape"]) for b in case["updateBn"]], net)
    net.${mode}()
    with torch.no_grad():
        y = net(torch.tensor(case["x"]).reshape(case["shape"]))
    out.append({
        "logits": y.flatten().tolist(),
        "state": {k: v.flatten().tolist() for k, v in net.state_dict().items()},
        "modules": [type(m).__name__ for m in net.modules()],
    })
print(json.dumps(out))
`;
  return JSON.parse(
    execFileSync(torchPython(), ['-c', program], {
      input: JSON.stringify(cases),
      encoding: 'utf8',
    }),
  ) as ExportedNetResult[];
}

/**
 * A test that starts torch waits for Python to import it (seconds on an idle machine, tens of
 * seconds when the suite shares two cores with others): more than the default 60 s test limit.
 */
export const TORCH_TEST_TIMEOUT_MS = 120_000;
