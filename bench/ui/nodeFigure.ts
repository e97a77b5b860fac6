import { spawn } from 'node:child_process';
import { z } from 'zod';
import { ROOT } from '../../test/e2e/previewServer';

export interface NodeFigure {
  readonly stepsPerSecond: number;
  readonly min: number;
  readonly max: number;
  readonly firstLoss: number;
}

/**
 * The performance engineer's Node figure for one reference model, from `npm run bench -- --json`
 * (ours only: TensorFlow.js is not part of this comparison).
 */
export function nodeFigure(name: string): Promise<NodeFigure> {
  return new Promise((done, fail) => {
    const child = spawn(
      'npm',
      ['run', '--silent', 'bench', '--', '--json', '--only', name, '--no-tfjs'],
      { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
    });
    child.on('error', fail);
    child.on('exit', (code) => {
      if (code !== 0) {
        fail(new Error(`npm run bench exited with code ${String(code)}`));
        return;
      }
      try {
        const parsed: unknown = JSON.parse(out.slice(out.indexOf('{')));
        done(readFigure(parsed, name));
      } catch (error) {
        fail(new Error(`npm run bench -- --json printed something unexpected`, { cause: error }));
      }
    });
  });
}

const rateSchema = z.object({
  median: z.number(),
  min: z.number(),
  max: z.number(),
  firstLoss: z.number(),
});

function readFigure(json: unknown, name: string): NodeFigure {
  const parsed = z.record(z.string(), z.unknown()).parse(json);
  const ours = z.object({ ours: rateSchema }).parse(parsed[name]).ours;
  return { stepsPerSecond: ours.median, min: ours.min, max: ours.max, firstLoss: ours.firstLoss };
}
