import { createReadStream, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';

/**
 * A plain static file server, as a department's web server or GitHub Pages is: it knows nothing
 * about the app (no fallback to index.html, no rewrites) and serves one folder under a path prefix,
 * e.g. dist/ at /some/sub/path/. The sub-path and offline tests use it instead of `vite preview`,
 * which serves at the root and could not be stopped and restarted on the same address mid-test.
 */

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.webmanifest': 'application/manifest+json',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.bin': 'application/octet-stream',
  '.md': 'text/markdown; charset=utf-8',
};

export interface StaticServer {
  /** The app's address, e.g. http://127.0.0.1:41234/some/sub/path/ */
  readonly url: string;
  /** Every path asked for, in order (to check what the browser fetched from the network). */
  readonly requests: readonly string[];
  close(): Promise<void>;
}

/** The file `path` names inside `root`, or undefined when it is outside it or not a file. */
function fileFor(root: string, path: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    return undefined;
  }
  const folder = decoded === '' || decoded.endsWith('/');
  const file = normalize(join(root, folder ? `${decoded}index.html` : decoded));
  if (file !== root && !file.startsWith(root.endsWith(sep) ? root : `${root}${sep}`)) {
    return undefined;
  }
  try {
    return statSync(file).isFile() ? file : undefined;
  } catch {
    return undefined;
  }
}

/** Serves `root` at `prefix` ('/' or '/some/sub/path/') on a free localhost port. */
export async function serveStatic(root: string, prefix = '/'): Promise<StaticServer> {
  if (!prefix.startsWith('/') || !prefix.endsWith('/')) {
    throw new Error(`serveStatic: the prefix must start and end with '/', got '${prefix}'`);
  }
  const requests: string[] = [];
  const server: Server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    requests.push(path);
    if (`${path}/` === prefix) {
      response.writeHead(301, { Location: prefix }).end();
      return;
    }
    const file = path.startsWith(prefix) ? fileFor(root, path.slice(prefix.length)) : undefined;
    if (file === undefined) {
      response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found');
      return;
    }
    response.writeHead(200, {
      'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
      'Cache-Control': 'no-cache',
    });
    createReadStream(file).pipe(response);
  });
  await new Promise<void>((listening, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => listening());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${prefix}`,
    requests,
    close: () =>
      new Promise((closed) => {
        server.closeAllConnections();
        server.close(() => closed());
      }),
  };
}
