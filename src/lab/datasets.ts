import { ownDataSummary, type OwnDataSummary } from './ownDatasets';
import { formatCount } from './formatNumber';

/**
 * The datasets a run can train on. MNIST comes from the committed binaries, the 2-D sets are
 * generated, and the learner's own data (a CSV file, points drawn on the plane) is kept in the browser.
 */
export const DATASET_IDS = [
  'mnist14',
  'mnist28',
  'spiral',
  'circles',
  'xor',
  'blobs',
  'csv',
  'drawn',
] as const;
export type DatasetId = (typeof DATASET_IDS)[number];
export type OwnDatasetId = 'csv' | 'drawn';

export function isOwnDataset(id: DatasetId): id is OwnDatasetId {
  return id === 'csv' || id === 'drawn';
}

/** A dataset as a run asks the worker for it. */
export interface DatasetChoice {
  readonly id: DatasetId;
  /** 2-D sets: label noise / jitter, 0 to 0.5. */
  readonly noise: number;
  /** MNIST: standardize inputs with the training set's mean and std. */
  readonly standardize: boolean;
  /** Own data: the fingerprint of the table the run was set up for (absent: none is loaded). */
  readonly fingerprint?: string;
}

export interface LabDatasetInfo {
  readonly id: DatasetId;
  readonly label: string;
  readonly hint: string;
  /**
   * 'image': MNIST digits (MLP or CNN); 'points': 2-D sets with a decision boundary (MLP only);
   * 'table': an own table with any other number of features (MLP only).
   */
  readonly kind: 'image' | 'points' | 'table';
  /** [C, H, W] for images, [2] for points, [features] for a table. */
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
  csv: {
    id: 'csv',
    label: 'Your CSV file',
    hint: 'Numeric feature columns and a label column, from a file of yours. Choose the file below.',
    kind: 'table',
    sampleShape: [1],
    numClasses: 2,
  },
  drawn: {
    id: 'drawn',
    label: 'Your drawn points',
    hint: 'Points you place on the plane, class by class. Draw them below.',
    kind: 'points',
    sampleShape: [2],
    numClasses: 2,
  },
};

/** What an own dataset looks like once the learner has given one. */
function ownDatasetInfo(base: LabDatasetInfo, own: OwnDataSummary): LabDatasetInfo {
  const features = own.featureNames.length;
  const classes = own.classNames.length;
  return {
    ...base,
    hint: `${own.name}: ${formatCount(own.count)} rows, ${features} feature${features === 1 ? '' : 's'}, ${classes} classes.`,
    kind: features === 2 ? 'points' : 'table',
    sampleShape: [features],
    numClasses: classes,
  };
}

export function datasetInfo(id: DatasetId): LabDatasetInfo {
  const base = LAB_DATASETS[id];
  if (!isOwnDataset(id)) return base;
  const own = ownDataSummary(id);
  return own ? ownDatasetInfo(base, own) : base;
}

export function isImageDataset(id: DatasetId): boolean {
  return LAB_DATASETS[id].kind === 'image';
}

/** Features per sample after flattening: 196, 784, 2, or an own table's columns. */
export function inputFeatures(id: DatasetId): number {
  return datasetInfo(id).sampleShape.reduce((a, b) => a * b, 1);
}
