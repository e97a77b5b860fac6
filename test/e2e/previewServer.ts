import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The production build the e2e suite and the UI bench run against, and the `vite preview` server
 * that serves it. The build goes to its own folder (not dist/) so a test run never races another
 * engineer's or CI's `npm run build`.
 */

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CACHE = resolve(ROOT, 'node_modules/.cache/normlab-e2e');

/**
 * The build the e2e suite serves: scripts/e2e.ts passes its own in NORMLAB_E2E_DIST; with
 * `--no-build` (suite or bench) it is the last `npm run build`, in dist/.
 */
export const E2E_DIST = process.env['NORMLAB_E2E_DIST'] ?? resolve(ROOT, 'dist');

/**
 * A build folder for this process alone, so two test runs in the same working tree (two engineers,
 * or a test run beside a bench) never overwrite each other's build. Remove it with `removeBuild`.
 */
export function privateBuildDir(): string {
  return resolve(CACHE, `dist-${process.pid}`);
}

export function removeBuild(outDir: string): void {
  rmSync(outDir, { recursive: true, force: true });
}
const VITE_BIN = resolve(ROOT, 'node_modules/vite/bin/vite.js');

/** Runs a command to completion, its output passed through; rejects with the exit code on failure. */
export function run(command: string, args: readonly string[], what: string): Promise<void> {
  return new Promise((done, fail) => {
    const child = spawn(command, args, { cwd: ROOT, stdio: 'inherit' });
    child.on('error', fail);
    child.on('exit', (code, signal) => {
      if (code === 0) done();
      else fail(new Error(`${what} failed (${signal ?? `exit code ${String(code)}`})`));
    });
  });
}

/** `vite build` into `outDir`. */
export function buildApp(outDir: string = E2E_DIST): Promise<void> {
  return run(
    process.execPath,
    [VITE_BIN, 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'],
    'vite build',
  );
}

/** A TCP port nobody listens on right now (the OS picks it). */
export function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.unref();
    server.on('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => {
        if (address && typeof address === 'object') done(address.port);
        else fail(new Error('freePort: the OS gave no port'));
      });
    });
  });
}

/**
 * How long `vite preview` may take to answer: 7.8 s at load 24; starved (nice 19 beside three busy
 * loops, load 25) it had not answered after 30 s, the old limit, and the suite ended before a test
 * ran. Waiting longer costs nothing when it starts sooner.
 */
const PREVIEW_START_MS = 120_000;

export interface PreviewServer {
  /** e.g. http://127.0.0.1:41234/ */
  readonly url: string;
  close(): Promise<void>;
}

async function waitUntilServing(
  url: string,
  child: ChildProcess,
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`vite preview exited with code ${String(child.exitCode)} before serving`);
    }
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((wake) => setTimeout(wake, 100));
  }
  throw new Error(`vite preview did not answer on ${url} within ${timeoutMs} ms`);
}

/** Serves `outDir` with `vite preview` on a free localhost port; resolves once it answers. */
export async function startPreview(outDir: string = E2E_DIST): Promise<PreviewServer> {
  if (!existsSync(resolve(outDir, 'index.html'))) {
    throw new Error(
      `No production build in ${outDir}: run \`npm run build\` first, or leave out --no-build so that a build of this run's own is made`,
    );
  }
  const port = await freePort();
  const host = '127.0.0.1';
  const child = spawn(
    process.execPath,
    [
      VITE_BIN,
      'preview',
      '--outDir',
      outDir,
      '--host',
      host,
      '--port',
      String(port),
      '--strictPort',
    ],
    { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const url = `http://${host}:${port}/`;
  try {
    await waitUntilServing(url, child, PREVIEW_START_MS);
  } catch (error) {
    child.kill();
    const detail = stderr.trim() === '' ? '' : `\n${stderr.trim()}`;
    throw new Error(`${error instanceof Error ? error.message : String(error)}${detail}`, {
      cause: error,
    });
  }
  return {
    url,
    close: () =>
      new Promise((done) => {
        if (child.exitCode !== null) return done();
        child.once('exit', () => done());
        child.kill();
      }),
  };
}
