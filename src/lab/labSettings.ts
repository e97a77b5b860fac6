import type { ActivationKind, BranchInit, NormKind, NormPlacement } from '../engine/model/spec';
import type { DatasetId } from './datasets';

/** The weight initializations the Lab offers (a subset of the engine's schemes, in menu order). */
export const LAB_INIT_KINDS = [
  'pytorchDefault',
  'zeros',
  'xavierUniform',
  'xavierNormal',
  'kaimingUniform',
  'kaimingNormal',
  'orthogonal',
  'custom',
] as const;
export type LabInitKind = (typeof LAB_INIT_KINDS)[number];

/** 'resmlp': the MLP with residual blocks of two Linear layers (the CNN's block with Linear for conv). */
export const ARCHITECTURES = ['mlp', 'resmlp', 'cnn'] as const;
export type Architecture = (typeof ARCHITECTURES)[number];

export const OPTIMIZERS = ['sgd', 'adam', 'adamw'] as const;
export type LabOptimizer = (typeof OPTIMIZERS)[number];

export const VALIDATION_MODES = ['eval', 'train'] as const;
export type ValidationMode = (typeof VALIDATION_MODES)[number];

export const CUSTOM_DISTRIBUTIONS = ['normal', 'uniform'] as const;
export const CUSTOM_FAN_MODES = ['fanIn', 'fanOut', 'fanAvg'] as const;

/**
 * Everything a learner can choose for one run, as a flat record of plain values: the form the
 * controls edit, the URL stores and `describeDifferences` compares. `toWorkerSetup` turns it into
 * the engine's RunConfig.
 */
export interface LabRunSettings {
  readonly dataset: DatasetId;
  /** 2-D sets only: how far points scatter from their ideal positions, 0 to 0.5. */
  readonly noise: number;
  readonly architecture: Architecture;
  /** MLP: hidden layers. CNN: residual blocks after the stem. */
  readonly depth: number;
  /** MLP: units per hidden layer. CNN: channels of every conv. */
  readonly width: number;
  readonly activation: ActivationKind;
  readonly norm: NormKind;
  /** GroupNorm only: the number of groups, which must divide the width. */
  readonly groups: number;
  readonly placement: NormPlacement;
  /**
   * BatchNorm only: train-mode statistics over ghost batches of this many samples, a divisor of the
   * batch size; 0 means the whole batch. The gradient step still uses the whole batch.
   */
  readonly ghostBatch: number;
  /** With a normalization: hidden layers standardize each unit's weights (Qiao et al. 2019). */
  readonly weightStandardization: boolean;
  /** CNN only: skip connections around each block. */
  readonly residual: boolean;
  /** Residual networks only: how each residual branch starts (zero-γ, Fixup, SkipInit, ReZero). */
  readonly branchInit: BranchInit;
  readonly init: LabInitKind;
  /** Custom init only: std = multiplier·gain/√fan (normal) or bound = multiplier·gain·√(3/fan) (uniform). */
  readonly initDistribution: (typeof CUSTOM_DISTRIBUTIONS)[number];
  readonly initFanMode: (typeof CUSTOM_FAN_MODES)[number];
  readonly initGain: number;
  readonly initMultiplier: number;
  readonly optimizer: LabOptimizer;
  readonly learningRate: number;
  /** PyTorch's weight_decay: L2 added to the gradient (SGD, Adam) or decoupled shrinking (AdamW). */
  readonly weightDecay: number;
  readonly batchSize: number;
  /** Seeds the initial weights and the data order. */
  readonly seed: number;
  /** How validation runs: eval mode (running statistics) or train mode (the forgotten model.eval()). */
  readonly validationMode: ValidationMode;
}

export type SettingKey = keyof LabRunSettings;

export const DEFAULT_RUN_SETTINGS: LabRunSettings = {
  dataset: 'spiral',
  noise: 0.1,
  architecture: 'mlp',
  depth: 4,
  width: 32,
  activation: 'relu',
  norm: 'none',
  groups: 4,
  placement: 'before',
  ghostBatch: 0,
  weightStandardization: false,
  residual: true,
  branchInit: 'standard',
  init: 'kaimingNormal',
  initDistribution: 'normal',
  initFanMode: 'fanIn',
  initGain: 1,
  initMultiplier: 1,
  optimizer: 'sgd',
  learningRate: 0.03,
  weightDecay: 0,
  batchSize: 32,
  seed: 1,
  validationMode: 'eval',
};

/** Run letters, in order. The Lab holds at most this many runs. */
export const RUN_LETTERS = ['A', 'B', 'C', 'D'] as const;
export type RunLetter = (typeof RUN_LETTERS)[number];
export const MAX_RUNS = RUN_LETTERS.length;

/** SGD always uses momentum 0.9, as most tutorials do. */
export const SGD_MOMENTUM = 0.9;
/** LeakyReLU's negative slope (PyTorch's default). */
export const LEAKY_SLOPE = 0.01;
