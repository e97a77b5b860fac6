import { loadMnistNode } from '../src/data/loadMnistNode';
import { createDatasetLoader } from '../src/worker/loadDataset';

/** The app's datasets for command-line tools: MNIST read from public/data, the 2-D sets generated. */
export const nodeDatasetLoader = createDatasetLoader((resolution, standardize) =>
  Promise.resolve(loadMnistNode(resolution, { standardize })),
);
