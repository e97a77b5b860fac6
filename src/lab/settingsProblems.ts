import type { LabRunSettings } from './labSettings';
import { settingValueLabel } from './settingsRegistry';

/** A problem with a combination of settings that the learner should know about before training. */
export interface SettingsProblem {
  readonly severity: 'error' | 'warning';
  readonly title: string;
  readonly message: string;
}

/** The reason BatchNorm cannot train on one sample, in a learner's words. */
export const BATCH_OF_ONE_EXPLANATION =
  'In train mode BatchNorm normalizes every feature with the mean and variance of the current batch. ' +
  'A batch of one sample has a variance of 0, so there is nothing to normalize by: every output would ' +
  'equal β and no gradient would reach the layers below. PyTorch stops with “Expected more than 1 value ' +
  'per channel when training”. Eval mode would instead use the running statistics collected during ' +
  'training, which is how a trained model classifies one image at a time, but training itself needs ' +
  'batch statistics. Use a batch size of 2 or more, or switch to GroupNorm or LayerNorm, which ' +
  'normalize within each sample and work with any batch size.';

/** What the learner should know about these settings before pressing Train. */
export function settingsProblems(s: LabRunSettings): SettingsProblem[] {
  const problems: SettingsProblem[] = [];
  const batchNorm = s.norm === 'batchNorm';
  if (batchNorm && s.batchSize === 1 && s.architecture !== 'cnn') {
    problems.push({
      severity: 'error',
      title: 'BatchNorm cannot train with a batch size of 1',
      message: BATCH_OF_ONE_EXPLANATION,
    });
  } else if (batchNorm && s.batchSize < 4) {
    problems.push({
      severity: 'warning',
      title: `Batch size ${s.batchSize} gives BatchNorm noisy statistics`,
      message:
        'Each step normalizes with the mean and variance of just a few samples, so they jump from batch ' +
        'to batch. Expect a noisy loss; GroupNorm or LayerNorm do not depend on the batch.',
    });
  }
  if (s.init === 'zeros') {
    problems.push({
      severity: 'warning',
      title: 'Zero init never breaks symmetry',
      message:
        'Every unit of a layer starts identical and receives the same gradient, so the units stay identical ' +
        'forever. Watch the weight histograms: a network initialized with zeros learns very little.',
    });
  }
  const xavier = s.init === 'xavierNormal' || s.init === 'xavierUniform';
  const reluLike =
    s.activation === 'relu' || s.activation === 'leakyRelu' || s.activation === 'gelu';
  if (xavier && reluLike && s.depth >= 10 && s.norm === 'none') {
    problems.push({
      severity: 'warning',
      title: `Xavier init with ${settingValueLabel('activation', s.activation)} in a deep network`,
      message:
        'Xavier keeps the variance for symmetric activations; ReLU zeroes half of its input, so the signal ' +
        'shrinks by about 1/√2 per layer. Kaiming init compensates for that.',
    });
  }
  return problems;
}
