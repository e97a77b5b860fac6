import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILT_MNIST_URLS, loadMnistBrowser } from '../../src/data/loadMnistBrowser';
import { MNIST_RESOLUTIONS, MNIST_SPLITS, mnistFileName } from '../../src/engine/data/mnistFiles';
import { MNIST_DATA_DIR } from '../../src/data/loadMnistNode';

/** A fetch that serves public/data/ and records the URLs asked for. */
function fakeFetch(requested: string[], status = 200): typeof fetch {
  return (input) => {
    const url = String(input);
    requested.push(url);
    if (status !== 200) {
      return Promise.resolve(new Response(null, { status, statusText: 'Not Found' }));
    }
    const file = url.slice(url.lastIndexOf('/') + 1);
    return Promise.resolve(new Response(readFileSync(join(MNIST_DATA_DIR, file))));
  };
}

describe('loadMnistBrowser', () => {
  it("fetches both splits from Vite's base URL and parses them", async () => {
    const requested: string[] = [];
    const { train, test } = await loadMnistBrowser('14', {
      standardize: true,
      fetchImpl: fakeFetch(requested),
    });
    expect(requested.sort()).toEqual(['/data/mnist-14-test.bin', '/data/mnist-14-train.bin']);
    expect([train.count, test.count]).toEqual([8000, 2000]);
    expect(test.sampleShape).toEqual([1, 14, 14]);
    expect(test.standardization).toEqual(train.standardization);
  });

  it('respects a base URL served under a sub-path', async () => {
    const requested: string[] = [];
    await loadMnistBrowser('14', {
      standardize: false,
      baseUrl: '/normlab',
      fetchImpl: fakeFetch(requested),
    });
    expect(requested.sort()).toEqual([
      '/normlab/data/mnist-14-test.bin',
      '/normlab/data/mnist-14-train.bin',
    ]);
  });

  it('reports an HTTP failure with the URL and status', async () => {
    await expect(
      loadMnistBrowser('28', { standardize: false, fetchImpl: fakeFetch([], 404) }),
    ).rejects.toThrow(/Could not load \/data\/mnist-28-(train|test)\.bin: HTTP 404 Not Found/);
  });
});

describe('BUILT_MNIST_URLS', () => {
  it('names every committed MNIST file, each under /data/', () => {
    for (const resolution of MNIST_RESOLUTIONS) {
      for (const split of MNIST_SPLITS) {
        const url = BUILT_MNIST_URLS[resolution][split]();
        expect(url.pathname).toBe(`/data/${mnistFileName(resolution, split)}`);
      }
    }
  });
});
