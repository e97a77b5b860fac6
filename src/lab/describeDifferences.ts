import type { LabRunSettings, SettingKey } from './labSettings';
import { formatNumber } from './formatNumber';
import { settingRelevant, settingValueLabel } from './settingsRegistry';

function normPhrase(s: LabRunSettings): string {
  if (s.norm === 'none') return 'no norm';
  if (s.norm === 'groupNorm') return `GroupNorm (${s.groups} groups)`;
  return settingValueLabel('norm', s.norm);
}

function initPhrase(s: LabRunSettings): string {
  switch (s.init) {
    case 'zeros':
      return 'zero init';
    case 'pytorchDefault':
      return 'PyTorch default init';
    case 'orthogonal':
      return 'orthogonal init';
    case 'custom':
      return `custom init (${s.initDistribution}, ${settingValueLabel('initFanMode', s.initFanMode)}, gain ${formatNumber(s.initGain)} × ${formatNumber(s.initMultiplier)})`;
    default:
      return settingValueLabel('init', s.init);
  }
}

/** Each phrase describes one group of settings; a group is mentioned when any of its keys differ. */
const PHRASES: readonly { keys: readonly SettingKey[]; say: (s: LabRunSettings) => string }[] = [
  { keys: ['dataset'], say: (s) => settingValueLabel('dataset', s.dataset) },
  { keys: ['noise'], say: (s) => `noise ${formatNumber(s.noise)}` },
  {
    keys: ['architecture'],
    say: (s) => ({ mlp: 'MLP', resmlp: 'residual MLP', cnn: 'CNN' })[s.architecture],
  },
  {
    keys: ['depth'],
    say: (s) => (s.architecture === 'mlp' ? `depth ${s.depth}` : `${s.depth} blocks`),
  },
  {
    keys: ['width'],
    say: (s) => (s.architecture === 'cnn' ? `${s.width} channels` : `width ${s.width}`),
  },
  { keys: ['activation'], say: (s) => settingValueLabel('activation', s.activation) },
  { keys: ['norm', 'groups'], say: normPhrase },
  {
    keys: ['placement'],
    say: (s) => (s.placement === 'before' ? 'norm before activation' : 'norm after activation'),
  },
  {
    keys: ['ghostBatch'],
    say: (s) =>
      s.ghostBatch === 0 ? 'statistics over the whole batch' : `ghost batches of ${s.ghostBatch}`,
  },
  {
    keys: ['weightStandardization'],
    say: (s) => (s.weightStandardization ? 'standardized weights' : 'plain weights'),
  },
  { keys: ['residual'], say: (s) => (s.residual ? 'residual' : 'no residual') },
  {
    keys: ['branchInit'],
    say: (s) =>
      ({
        standard: 'standard branches',
        zeroGamma: 'zero γ',
        fixup: 'Fixup',
        skipInit: 'SkipInit',
        reZero: 'ReZero',
      })[s.branchInit],
  },
  { keys: ['optimizer'], say: (s) => ({ sgd: 'SGD', adam: 'Adam', adamw: 'AdamW' })[s.optimizer] },
  { keys: ['learningRate'], say: (s) => `lr ${formatNumber(s.learningRate)}` },
  {
    keys: ['weightDecay'],
    say: (s) =>
      s.weightDecay === 0 ? 'no weight decay' : `weight decay ${formatNumber(s.weightDecay)}`,
  },
  { keys: ['batchSize'], say: (s) => `batch ${s.batchSize}` },
  {
    keys: ['init', 'initDistribution', 'initFanMode', 'initGain', 'initMultiplier'],
    say: initPhrase,
  },
  { keys: ['seed'], say: (s) => `seed ${s.seed}` },
  {
    keys: ['validationMode'],
    say: (s) => (s.validationMode === 'eval' ? 'eval-mode validation' : 'train-mode validation'),
  },
];

/** Every setting some phrase speaks for (a test checks that none is left out). */
export const DESCRIBED_SETTINGS: ReadonlySet<SettingKey> = new Set(PHRASES.flatMap((p) => p.keys));

function differs(key: SettingKey, a: LabRunSettings, b: LabRunSettings): boolean {
  return settingRelevant(key, b) && a[key] !== b[key];
}

/**
 * What makes run `b` different from run `a`, in a few words for a chart legend: "BatchNorm",
 * "lr 0.3, Xavier normal". Settings that do not affect `b` (groups without GroupNorm) are ignored.
 */
export function describeDifferences(a: LabRunSettings, b: LabRunSettings): string {
  const phrases: string[] = [];
  for (const phrase of PHRASES) {
    if (phrase.keys.some((key) => differs(key, a, b))) phrases.push(phrase.say(b));
  }
  return phrases.length > 0 ? phrases.join(', ') : 'same settings';
}

/** The legend label of run `letter`: "A", "B: BatchNorm". */
export function runLegend(letter: string, baseline: LabRunSettings, run: LabRunSettings): string {
  return letter === 'A' ? 'A' : `${letter}: ${describeDifferences(baseline, run)}`;
}
