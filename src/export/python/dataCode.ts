import type { DatasetChoice } from '../../lab/datasets';

/** In words, what data.npz holds. */
export function datasetDescription(dataset: DatasetChoice): string {
  switch (dataset.id) {
    case 'mnist14':
    case 'mnist28': {
      const size = dataset.id === 'mnist14' ? '14×14 (2×2 pixel means, rounded half up)' : '28×28';
      const scaling = dataset.standardize
        ? "scaled to [0, 1] and standardized with the training set's pixel mean and std"
        : 'scaled to [0, 1]';
      return `the app's MNIST subset (8,000 training and 2,000 test digits) at ${size}, ${scaling}`;
    }
    case 'spiral':
    case 'circles':
    case 'xor':
    case 'blobs':
      return `the app's 2-D ${dataset.id} set (1,000 training and 500 test points, noise ${dataset.noise})`;
    case 'csv':
      return "the rows of your own CSV file, split into training and validation rows as the app split them (features standardized with the training rows' mean and std when you chose to)";
    case 'drawn':
      return 'the points you drew, split into training and validation points as the app split them';
  }
}

export function dataCode(dataset: DatasetChoice): string {
  return `# data.npz holds the exact float32 arrays the app used: ${datasetDescription(dataset)}.
# x_val, y_val are the first 1,000 test samples (or all of them), which the app validates on.
data = np.load(HERE / "data.npz")
train_set = TensorDataset(torch.from_numpy(data["x_train"]), torch.from_numpy(data["y_train"]).long())
val_set = TensorDataset(torch.from_numpy(data["x_val"]), torch.from_numpy(data["y_val"]).long())
`;
}

/**
 * The engine's shuffle (src/engine/rng.ts and data/loader.ts) in Python: the data stream is
 * createRng(seed).fork('data'), and each epoch Fisher–Yates-shuffles the previous epoch's order.
 */
export const SAMPLER_CODE = `M32 = 0xFFFFFFFF


class AppShuffle(Sampler):
    """The order DataLoader(shuffle=True) would give, but drawn exactly as the app draws it.

    torch's shuffle uses its own random generator, so this sampler repeats the app's: xoshiro128**
    seeded through splitmix32, the stream named "data" forked from the run's seed, and a Fisher–Yates
    shuffle of the previous epoch's order at the start of each epoch. Only this makes the batches the
    same as in the browser; for your own experiments, DataLoader(..., shuffle=True) is all you need.
    """

    def __init__(self, count, seed):
        self.order = list(range(count))
        mixed = (0x811C9DC5 ^ seed) & M32  # FNV-1a of the label "data", mixed with the seed
        for char in "data":
            mixed = ((mixed ^ ord(char)) * 0x01000193) & M32
        self.state = []
        for _ in range(4):  # splitmix32
            mixed = (mixed + 0x9E3779B9) & M32
            z = mixed
            z = ((z ^ (z >> 16)) * 0x85EBCA6B) & M32
            z = ((z ^ (z >> 13)) * 0xC2B2AE35) & M32
            self.state.append(z ^ (z >> 16))
        if not any(self.state):
            self.state[0] = 1

    def next_uint32(self):
        """One step of xoshiro128**."""
        s0, s1, s2, s3 = self.state
        rotl = lambda x, k: ((x << k) | (x >> (32 - k))) & M32
        result = (rotl((s1 * 5) & M32, 7) * 9) & M32
        t = (s1 << 9) & M32
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = rotl(s3, 11)
        self.state = [s0, s1, s2, s3]
        return result

    def __iter__(self):
        order = self.order
        for i in range(len(order) - 1, 0, -1):
            j = (self.next_uint32() * (i + 1)) >> 32  # a uniform integer in [0, i]
            order[i], order[j] = order[j], order[i]
        return iter(list(order))

    def __len__(self):
        return len(self.order)
`;
