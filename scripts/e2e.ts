/**
 * `npm run test:e2e [-- --no-build] [-- <vitest args>]`
 *
 * Builds the app for production (into its own folder, see test/e2e/previewServer.ts), then runs the
 * browser suite with vitest.e2e.config.ts, whose global setup serves the build with `vite preview` on a
 * free localhost port. Chromium must be installed: `bash scripts/ensureBrowser.sh`.
 */
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { buildApp, ROOT } from '../test/e2e/previewServer';

const args = process.argv.slice(2);
const skipBuild = args.includes('--no-build');
const vitestArgs = args.filter((arg) => arg !== '--no-build');

async function main(): Promise<number> {
  if (!skipBuild) {
    console.log('e2e: building the app for production');
    await buildApp();
  }
  // vitest prints its own failures and summary: pass its exit code on without adding a line after it.
  const vitest = spawn(
    process.execPath,
    [
      resolve(ROOT, 'node_modules/vitest/vitest.mjs'),
      'run',
      '--config',
      'vitest.e2e.config.ts',
      ...vitestArgs,
    ],
    { cwd: ROOT, stdio: 'inherit' },
  );
  return new Promise((done, fail) => {
    vitest.on('error', fail);
    vitest.on('exit', (code) => done(code ?? 1));
  });
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`e2e: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
