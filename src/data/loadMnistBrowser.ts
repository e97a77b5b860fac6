import { mnistTrainTest, type TrainTestSplit } from '../engine/data/dataset';
import { mnistFileName, type MnistResolution, type MnistSplit } from '../engine/data/mnistFiles';
import { parseMnist, type ParsedMnist } from '../engine/data/mnistFormat';

export interface BrowserMnistOptions {
  readonly standardize: boolean;
  /** Where public/ is served; by default where the build put it (see BUILT_MNIST_URLS). */
  readonly baseUrl?: string;
  readonly signal?: AbortSignal;
  /** For tests. */
  readonly fetchImpl?: typeof fetch;
}

async function fetchParsed(
  url: string,
  fetchImpl: typeof fetch,
  signal: AbortSignal | undefined,
): Promise<ParsedMnist> {
  const response = await fetchImpl(url, signal === undefined ? {} : { signal });
  if (!response.ok) {
    throw new Error(`Could not load ${url}: HTTP ${response.status} ${response.statusText}`.trim());
  }
  return parseMnist(new Uint8Array(await response.arrayBuffer()), url);
}

/**
 * Each file in public/data/ as the build serves it. Vite rewrites a root-relative
 * `new URL('/…', import.meta.url)` naming a public file into a URL relative to the bundle that holds
 * it, so these are right inside a worker (whose script is under assets/) and under any sub-path,
 * where the relative BASE_URL './' would resolve against the worker script. Vite only rewrites
 * literal file names, hence one line per file (test/data/loadMnistBrowser.test.ts checks the names).
 */
export const BUILT_MNIST_URLS: Readonly<Record<MnistResolution, Record<MnistSplit, () => URL>>> = {
  '14': {
    train: () => new URL('/data/mnist-14-train.bin', import.meta.url),
    test: () => new URL('/data/mnist-14-test.bin', import.meta.url),
  },
  '28': {
    train: () => new URL('/data/mnist-28-train.bin', import.meta.url),
    test: () => new URL('/data/mnist-28-test.bin', import.meta.url),
  },
};

/** Outside a Vite build (unit tests in Node) the URL is the file's bare path, as in development. */
function builtUrl(resolution: MnistResolution, split: MnistSplit): string {
  const url = BUILT_MNIST_URLS[resolution][split]();
  return url.protocol === 'file:' ? url.pathname : url.href;
}

/**
 * MNIST train/test sets fetched from `public/data/` (about 0.5 MB at 14×14, 1.2 MB at 28×28).
 * Decoding 28×28 takes a few hundred milliseconds: call it from the worker, not the UI thread.
 */
export async function loadMnistBrowser(
  resolution: MnistResolution,
  options: BrowserMnistOptions,
): Promise<TrainTestSplit> {
  const fetchImpl = options.fetchImpl ?? fetch;
  const base = options.baseUrl;
  const url = (split: MnistSplit): string =>
    base === undefined
      ? builtUrl(resolution, split)
      : `${base.endsWith('/') ? base : `${base}/`}data/${mnistFileName(resolution, split)}`;
  const [train, test] = await Promise.all([
    fetchParsed(url('train'), fetchImpl, options.signal),
    fetchParsed(url('test'), fetchImpl, options.signal),
  ]);
  return mnistTrainTest(train, test, {
    standardize: options.standardize,
    name: `mnist-${resolution}`,
  });
}
