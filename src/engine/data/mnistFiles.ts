/** Names of the committed MNIST binaries under `public/data/` (built by `npm run data`). */
export type MnistResolution = '14' | '28';
export type MnistSplit = 'train' | 'test';

export const MNIST_RESOLUTIONS: readonly MnistResolution[] = ['14', '28'];
export const MNIST_SPLITS: readonly MnistSplit[] = ['train', 'test'];

export function mnistFileName(resolution: MnistResolution, split: MnistSplit): string {
  return `mnist-${resolution}-${split}.bin`;
}
