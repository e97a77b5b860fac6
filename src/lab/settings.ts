import type { ActivationKind, InitScheme, ModelSpec } from '../engine/model/spec';
import type { RunConfig } from '../engine/train/runConfig';
import { datasetInfo, inputFeatures, isOwnDataset, type DatasetChoice } from './datasets';
import { ownDataSummary } from './ownDatasets';
import { LEAKY_SLOPE, SGD_MOMENTUM, type LabRunSettings } from './labSettings';

/** Everything a training worker needs to build and run one run (the `configure` message's payload). */
export interface WorkerSetup {
  readonly config: RunConfig;
  readonly dataset: DatasetChoice;
  /** How validation runs: eval mode (running statistics) or, to show the classic mistake, train mode. */
  readonly validationMode: 'eval' | 'train';
  /** Maximum training steps per second; 0 means as fast as possible. */
  readonly speed: number;
  /**
   * Validate exactly every this many steps, and after the last step of a Step (lesson experiments:
   * the learner sees the points the lesson's tests check). Absent, the worker keeps its own schedule:
   * every 50 steps or more, spending at most a fifth of its time validating.
   */
  readonly validationEvery?: number;
}

/** The nonlinearity Kaiming init should compensate for (GELU behaves like ReLU for this purpose). */
function kaimingNonlinearity(
  activation: ActivationKind,
): 'relu' | 'leakyRelu' | 'tanh' | 'sigmoid' {
  return activation === 'gelu' ? 'relu' : activation;
}

export function toInitScheme(s: LabRunSettings): InitScheme {
  switch (s.init) {
    case 'zeros':
    case 'pytorchDefault':
      return { kind: s.init };
    case 'xavierUniform':
    case 'xavierNormal':
    case 'orthogonal':
      // gain 1, as torch.nn.init's default.
      return { kind: s.init, gain: 1 };
    case 'kaimingUniform':
    case 'kaimingNormal':
      return {
        kind: s.init,
        a: s.activation === 'leakyRelu' ? LEAKY_SLOPE : 0,
        mode: 'fanIn',
        nonlinearity: kaimingNonlinearity(s.activation),
      };
    case 'custom':
      return {
        kind: 'custom',
        distribution: s.initDistribution,
        fanMode: s.initFanMode,
        gain: s.initGain,
        multiplier: s.initMultiplier,
      };
  }
}

/** Whether BatchNorm's statistics come from ghost batches smaller than the batch. */
function ghostBatches(s: LabRunSettings): boolean {
  return s.ghostBatch >= 2 && s.ghostBatch < s.batchSize && s.batchSize % s.ghostBatch === 0;
}

/** Weight standardization, stated only when it is on (so older specs stay as they were). */
function standardization(s: LabRunSettings): Pick<ModelSpec, 'weightStandardization'> {
  return s.weightStandardization && s.norm !== 'none' ? { weightStandardization: true } : {};
}

/** The branch init, stated only when it is not the standard one (so older specs stay as they were). */
function branchInit(s: LabRunSettings): Pick<ModelSpec, 'branchInit'> {
  return s.branchInit === 'standard' ? {} : { branchInit: s.branchInit };
}

export function toModelSpec(s: LabRunSettings): ModelSpec {
  const info = datasetInfo(s.dataset);
  const norm =
    s.norm === 'groupNorm'
      ? { kind: s.norm, groups: s.groups }
      : s.norm === 'batchNorm' && ghostBatches(s)
        ? { kind: s.norm, ghostBatch: s.ghostBatch }
        : { kind: s.norm };
  const slope = s.activation === 'leakyRelu' ? { negativeSlope: LEAKY_SLOPE } : {};
  if (s.architecture === 'cnn') {
    const [c, h, w] = info.sampleShape;
    if (c === undefined || h === undefined || w === undefined) {
      throw new Error(`The CNN needs an image dataset; '${info.label}' has 2-D points`);
    }
    return {
      family: 'cnn',
      inputShape: [c, h, w],
      numClasses: info.numClasses,
      stemChannels: s.width,
      blocks: s.depth,
      residual: s.residual,
      activation: s.activation,
      ...slope,
      norm,
      normPlacement: s.placement,
      init: toInitScheme(s),
      ...(s.residual ? branchInit(s) : {}),
      ...standardization(s),
    };
  }
  return {
    family: 'mlp',
    inputSize: inputFeatures(s.dataset),
    numClasses: info.numClasses,
    depth: s.depth,
    width: s.width,
    activation: s.activation,
    ...slope,
    norm,
    normPlacement: s.placement,
    init: toInitScheme(s),
    ...(s.architecture === 'resmlp' ? { residual: true, ...branchInit(s) } : {}),
    ...standardization(s),
    // BatchNorm right after the Linear subtracts the batch mean, so a bias there would do nothing (β does its job).
    bias: !(s.norm === 'batchNorm' && s.placement === 'before'),
  };
}

/** AdamW always states its decay (PyTorch's default would be 0.01); SGD and Adam only when it is on. */
function toOptimizerSpec(s: LabRunSettings): RunConfig['optimizer'] {
  const decay = s.weightDecay > 0 ? { weightDecay: s.weightDecay } : {};
  switch (s.optimizer) {
    case 'sgd':
      return { kind: 'sgd', lr: s.learningRate, momentum: SGD_MOMENTUM, ...decay };
    case 'adam':
      return { kind: 'adam', lr: s.learningRate, ...decay };
    case 'adamw':
      return { kind: 'adamw', lr: s.learningRate, weightDecay: s.weightDecay };
  }
}

export function toRunConfig(s: LabRunSettings): RunConfig {
  return {
    model: toModelSpec(s),
    optimizer: toOptimizerSpec(s),
    batchSize: s.batchSize,
    seed: s.seed,
  };
}

export function toDatasetChoice(s: LabRunSettings): DatasetChoice {
  const choice = { id: s.dataset, noise: s.noise, standardize: true };
  if (!isOwnDataset(s.dataset)) return choice;
  const own = ownDataSummary(s.dataset);
  return own ? { ...choice, fingerprint: own.fingerprint } : choice;
}

export function toWorkerSetup(
  s: LabRunSettings,
  speed: number,
  validationEvery?: number,
): WorkerSetup {
  return {
    config: toRunConfig(s),
    dataset: toDatasetChoice(s),
    validationMode: s.validationMode,
    speed,
    ...(validationEvery !== undefined ? { validationEvery } : {}),
  };
}
