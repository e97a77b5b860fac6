import { mnistTrainTest, type TrainTestSplit } from '../engine/data/dataset';
import { mnistFileName, type MnistResolution, type MnistSplit } from '../engine/data/mnistFiles';
import { parseMnist, type ParsedMnist } from '../engine/data/mnistFormat';

export interface BrowserMnistOptions {
  readonly standardize: boolean;
  /** Where public/ is served; default Vite's BASE_URL, so it works under a sub-path too. */
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
 * MNIST train/test sets fetched from `public/data/` (about 0.5 MB at 14×14, 1.2 MB at 28×28).
 * Decoding 28×28 takes a few hundred milliseconds: call it from the worker, not the UI thread.
 */
export async function loadMnistBrowser(
  resolution: MnistResolution,
  options: BrowserMnistOptions,
): Promise<TrainTestSplit> {
  const base = options.baseUrl ?? import.meta.env.BASE_URL;
  const fetchImpl = options.fetchImpl ?? fetch;
  const url = (split: MnistSplit) =>
    `${base.endsWith('/') ? base : `${base}/`}data/${mnistFileName(resolution, split)}`;
  const [train, test] = await Promise.all([
    fetchParsed(url('train'), fetchImpl, options.signal),
    fetchParsed(url('test'), fetchImpl, options.signal),
  ]);
  return mnistTrainTest(train, test, {
    standardize: options.standardize,
    name: `mnist-${resolution}`,
  });
}
