/**
 * `npm run test:e2e [-- --no-build] [-- <vitest args>]`
 *
 * Builds the app for production into a folder of this run's own, then runs the browser suite with
 * vitest.e2e.config.ts, whose global setup serves that build with `vite preview` on a free localhost
 * port; the folder is removed afterwards. `--no-build` serves the last `npm run build`
 * (dist/, or NORMLAB_E2E_DIST) instead. Chromium must be installed:
 * `bash scripts/ensureBrowser.sh` (npm run test:all runs it first).
 */
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { buildApp, privateBuildDir, removeBuild, ROOT } from '../test/e2e/previewServer';

const args = process.argv.slice(2);
const skipBuild = args.includes('--no-build');
const vitestArgs = args.filter((arg) => arg !== '--no-build');

/** A build of our own, removed at the end; --no-build serves dist/ (E2E_DIST) instead. */
const outDir = skipBuild ? undefined : privateBuildDir();

async function main(): Promise<number> {
  if (outDir !== undefined) {
    console.log('e2e: building the app for production');
    await buildApp(outDir);
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
    {
      cwd: ROOT,
      stdio: 'inherit',
      env: outDir === undefined ? process.env : { ...process.env, NORMLAB_E2E_DIST: outDir },
    },
  );
  return new Promise((done, fail) => {
    vitest.on('error', fail);
    vitest.on('exit', (code) => done(code ?? 1));
  });
}

const cleanUp = (): void => {
  if (outDir !== undefined) removeBuild(outDir);
};

process.on('SIGINT', () => {
  cleanUp();
  process.exit(130);
});

main().then(
  (code) => {
    cleanUp();
    process.exit(code);
  },
  (error: unknown) => {
    cleanUp();
    console.error(`e2e: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
