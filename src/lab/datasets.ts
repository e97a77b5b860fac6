/** The datasets a run can train on. MNIST comes from the committed binaries, the 2-D sets are generated. */
export const DATASET_IDS = ['mnist14', 'mnist28', 'spiral', 'circles', 'xor', 'blobs'] as const;
export type DatasetId = (typeof DATASET_IDS)[number];

/** A dataset as a run asks the worker for it. */
export interface DatasetChoice {
  readonly id: DatasetId;
  /** 2-D sets: label noise / jitter, 0 to 0.5. */
  readonly noise: number;
  /** MNIST: standardize inputs with the training set's mean and std. */
  readonly standardize: boolean;
}

export interface LabDatasetInfo {
  readonly id: DatasetId;
  readonly label: string;
  readonly hint: string;
  /** 'image': MNIST digits (MLP or CNN); 'points': 2-D sets with a decision boundary (MLP only). */
  readonly kind: 'image' | 'points';
  /** [C, H, W] for images, [2] for points. */
  readonly sampleShape: readonly number[];
  readonly numClasses: number;
}

export const LAB_DATASETS: Readonly<Record<DatasetId, LabDatasetInfo>> = {
  mnist14: {
    id: 'mnist14',
    label: 'MNIST 14×14',
    hint: 'Handwritten digits, shrunk to 14×14 pixels: quick to train.',
    kind: 'image',
    sampleShape: [1, 14, 14],
    numClasses: 10,
  },
  mnist28: {
    id: 'mnist28',
    label: 'MNIST 28×28',
    hint: 'Handwritten digits at full resolution: 4× the work per step.',
    kind: 'image',
    sampleShape: [1, 28, 28],
    numClasses: 10,
  },
  spiral: {
    id: 'spiral',
    label: 'Spiral',
    hint: 'Two interleaved spiral arms: needs a deep, curvy boundary.',
    kind: 'points',
    sampleShape: [2],
    numClasses: 2,
  },
  circles: {
    id: 'circles',
    label: 'Circles',
    hint: 'A ring around a disc: the boundary is a circle.',
    kind: 'points',
    sampleShape: [2],
    numClasses: 2,
  },
  xor: {
    id: 'xor',
    label: 'XOR',
    hint: 'Four quadrants, opposite corners share a class.',
    kind: 'points',
    sampleShape: [2],
    numClasses: 2,
  },
  blobs: {
    id: 'blobs',
    label: 'Blobs',
    hint: 'Three Gaussian clusters: the easiest set, almost linearly separable.',
    kind: 'points',
    sampleShape: [2],
    numClasses: 3,
  },
};

export function datasetInfo(id: DatasetId): LabDatasetInfo {
  return LAB_DATASETS[id];
}

export function isImageDataset(id: DatasetId): boolean {
  return LAB_DATASETS[id].kind === 'image';
}

/** Features per sample after flattening: 196, 784 or 2. */
export function inputFeatures(id: DatasetId): number {
  return LAB_DATASETS[id].sampleShape.reduce((a, b) => a * b, 1);
}
