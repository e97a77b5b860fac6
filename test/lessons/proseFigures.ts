/**
 * Figures the lessons state in their prose, outside any block, about what the Lab shows when the
 * learner tries something ("Try GroupNorm with the norm control…", "Try 12 blocks in the Lab…", what
 * a depth probe shows) or what the engine measures outside the Lab (correlated features), each
 * quoted as the lesson writes it with the runs, the probe or the computation that measure it. proseFigures.test.ts checks each against the engine; proseNumbers.test.ts counts the numbers
 * inside these quotes as measured.
 */
import { expect } from 'vitest';
import type { DepthProbeLayer } from '../../src/engine/probes/depthProbe';
import { experimentSchema, type Experiment } from '../../src/lessons/schema';
import type { DepthProbeChoice } from '../../src/lessons/widgets/depthProbeSetup';
import { TRAINED_FRACTION_OF_CHANCE } from '../../src/lessons/widgets/depthSweep';
import { correlatedRegression } from './correlatedFeatures';

/** Expects `value` to round to `written` at the digits written ("0.21" is 0.205 to 0.215). */
function expectRoundsTo(value: number, written: string): void {
  const decimals = written.split('.')[1]?.length ?? 0;
  expect(value.toFixed(decimals)).toBe(written);
}

/** A sentence of a lesson's prose and the runs (with their claim) that measure what it says. */
export interface ProseExperiment {
  readonly lesson: string;
  readonly quote: string;
  readonly experiment: Omit<Experiment, 'takeaway'>;
}

const smallBatchCnn = {
  dataset: 'mnist14',
  architecture: 'cnn',
  depth: 1,
  width: 8,
  residual: true,
  init: 'kaimingNormal',
  learningRate: 0.1,
} as const;

export const FIGURES: readonly ProseExperiment[] = [
  {
    lesson: '04-layer-group-instance-norm.md',
    quote: 'from about 66 % at batch 8 to about 41 % at batch 2',
    // "Try GroupNorm with the norm control": small-batch-cnn's network with GroupNorm, 2 groups.
    experiment: experimentSchema.parse({
      title: 'GroupNorm in the small-batch CNN',
      base: { ...smallBatchCnn, norm: 'groupNorm', groups: 2 },
      runs: [
        { label: 'GroupNorm, batch 8', settings: { batchSize: 8 } },
        { label: 'GroupNorm, batch 2', settings: { batchSize: 2 } },
      ],
      charts: ['accuracy'],
      steps: 1500,
      validationEvery: 500,
      claim: {
        kind: 'allOf',
        claims: [
          { kind: 'accuracyAbove', run: 'GroupNorm, batch 8', accuracy: 0.62 },
          { kind: 'accuracyBelow', run: 'GroupNorm, batch 8', accuracy: 0.7 },
          { kind: 'accuracyAbove', run: 'GroupNorm, batch 2', accuracy: 0.37 },
          { kind: 'accuracyBelow', run: 'GroupNorm, batch 2', accuracy: 0.45 },
        ],
      },
    }),
  },
  {
    lesson: '05-going-deep.md',
    quote: 'Try 12 blocks in the Lab: the residual network with BatchNorm still trains.',
    // The CNN sweep's "Residual + BN" configuration at 12 blocks, judged as the sweep judges a cell.
    experiment: experimentSchema.parse({
      title: 'The residual CNN with BatchNorm at 12 blocks',
      base: {
        dataset: 'mnist14',
        architecture: 'cnn',
        width: 8,
        residual: true,
        norm: 'batchNorm',
        init: 'kaimingNormal',
        learningRate: 0.05,
        batchSize: 16,
      },
      runs: [{ label: 'Residual + BN', settings: { depth: 12 } }],
      charts: ['loss'],
      steps: 150,
      validationEvery: 150,
      claim: {
        kind: 'finalLoss',
        run: 'Residual + BN',
        atMost: TRAINED_FRACTION_OF_CHANCE * Math.log(10),
      },
    }),
  },
];

/** A sentence about a depth probe (the widget's network, or one the text asks the learner to switch to). */
export interface ProseProbe {
  readonly lesson: string;
  readonly quote: string;
  readonly probe: Pick<DepthProbeChoice, 'depth' | 'activation' | 'init'> &
    Partial<Pick<DepthProbeChoice, 'norm' | 'residual'>>;
  readonly check: (layers: readonly DepthProbeLayer[]) => void;
}

/**
 * Lesson 7's 50-layer BatchNorm probe (lesson 5's), with or without skip connections: the gradient
 * at layer 1 over layer 50 (`ratio`, an "about" range) and its factor per layer as written.
 */
function lessonSevenProbe(
  quote: string,
  figures: { residual: boolean; ratio: [number, number]; perLayer: string },
): ProseProbe {
  return {
    lesson: '07-deep-without-normalization.md',
    quote,
    probe: {
      depth: 50,
      activation: 'relu',
      init: 'kaimingNormal',
      norm: 'batchNorm',
      residual: figures.residual,
    },
    check: (layers) => {
      const ratio = layers[0]!.gradNorm / layers[49]!.gradNorm;
      expect(ratio).toBeGreaterThanOrEqual(figures.ratio[0]);
      expect(ratio).toBeLessThanOrEqual(figures.ratio[1]);
      expectRoundsTo(ratio ** (1 / 49), figures.perLayer);
    },
  };
}

export const PROBE_FIGURES: readonly ProseProbe[] = [
  {
    lesson: '01-signal-propagation.md',
    quote:
      'Across 50 layers the activation standard deviation stays between roughly 0.6 and 0.86, and ' +
      'both gradient norms are about the same at layer 1 as at layer 50 (the probe measures 1.7 ' +
      'against 2.0 for the gradient at the outputs).',
    probe: { depth: 50, activation: 'relu', init: 'kaimingNormal' },
    check: (layers) => {
      const stds = layers.map((l) => l.activationStd);
      expectRoundsTo(Math.min(...stds), '0.6');
      expectRoundsTo(Math.max(...stds), '0.86');
      expectRoundsTo(layers[0]!.gradNorm, '1.7');
      expectRoundsTo(layers[49]!.gradNorm, '2.0');
      // "both gradient norms about the same": the weights' too, within 2× end to end.
      const weights = layers[0]!.weightGradNorm / layers[49]!.weightGradNorm;
      expect(weights).toBeGreaterThan(0.5);
      expect(weights).toBeLessThan(2);
    },
  },
  {
    lesson: '01-signal-propagation.md',
    quote:
      'The standard deviation falls from 0.58 at layer 1 to about 2.6 × 10⁻⁸ at layer 50 (a factor ' +
      "of about 4 × 10⁻⁸), and the gradient arriving at layer 1's output, " +
      '$\\lVert \\partial\\mathcal{L}/\\partial h_1 \\rVert$, has shrunk the same way going ' +
      'backwards (7 × 10⁻⁸ against 2.0 at layer 50).',
    probe: { depth: 50, activation: 'relu', init: 'xavierNormal' },
    check: (layers) => {
      expectRoundsTo(layers[0]!.activationStd, '0.58');
      expectRoundsTo(layers[49]!.activationStd * 1e8, '2.6');
      const ratio = layers[49]!.activationStd / layers[0]!.activationStd;
      expectRoundsTo(ratio * 1e8, '4');
      expectRoundsTo(layers[0]!.gradNorm * 1e8, '7');
      expectRoundsTo(layers[49]!.gradNorm, '2.0');
    },
  },
  {
    lesson: '01-signal-propagation.md',
    quote: 'the gradient of the weights is **flat**, between 6 × 10⁻⁷ and 10⁻⁶ at every layer.',
    probe: { depth: 50, activation: 'relu', init: 'xavierNormal' },
    check: (layers) => {
      const norms = layers.map((l) => l.weightGradNorm);
      expectRoundsTo(Math.min(...norms) * 1e7, '6');
      expect(Math.max(...norms)).toBeLessThanOrEqual(1e-6);
    },
  },
  {
    lesson: '02-initialization.md',
    quote:
      'At 50 layers the activations hold between 0.65 and 0.76 while the gradient at layer 1 is ' +
      'about 115 times the one at layer 50.',
    probe: { depth: 50, activation: 'tanh', init: 'kaimingNormal' },
    check: (layers) => {
      const stds = layers.map((l) => l.activationStd);
      expectRoundsTo(Math.min(...stds), '0.65');
      expectRoundsTo(Math.max(...stds), '0.76');
      // "about 115": within 10 %.
      const ratio = layers[0]!.gradNorm / layers[49]!.gradNorm;
      expect(ratio).toBeGreaterThan(105);
      expect(ratio).toBeLessThan(125);
    },
  },
  {
    lesson: '01-signal-propagation.md',
    quote:
      'By layer 10 the standard deviation is in the tens of billions. Around layer 36 it passes the ' +
      'largest number a float32 can hold',
    probe: { depth: 50, activation: 'relu', init: 'tooLarge' },
    check: (layers) => {
      const std = layers[9]!.activationStd;
      expect(std).toBeGreaterThanOrEqual(1e10);
      expect(std).toBeLessThan(1e11);
      const overflow = layers.findIndex((l) => !Number.isFinite(l.activationStd)) + 1;
      expect(overflow).toBeGreaterThanOrEqual(35);
      expect(overflow).toBeLessThanOrEqual(37);
      expect(layers.slice(overflow - 1).every((l) => !Number.isFinite(l.activationStd))).toBe(true);
      // "and the gradient overflows on its way back as well"
      expect(Number.isFinite(layers[0]!.gradNorm)).toBe(false);
    },
  },
  {
    lesson: '01-signal-propagation.md',
    quote:
      'Over 50 layers the gradient at the outputs falls from 2.0 to about $3 \\times 10^{-31}$ ' +
      "(×0.24 per layer) while the activations' spread barely moves.",
    probe: { depth: 50, activation: 'sigmoid', init: 'xavierNormal' },
    check: (layers) => {
      expectRoundsTo(layers[49]!.gradNorm, '2.0');
      expect(layers[0]!.gradNorm).toBeGreaterThanOrEqual(2.5e-31);
      expect(layers[0]!.gradNorm).toBeLessThan(3.5e-31);
      expectRoundsTo((layers[0]!.gradNorm / layers[49]!.gradNorm) ** (1 / 49), '0.24');
    },
  },
  {
    lesson: '02-initialization.md',
    quote: "Over 10 layers the sigmoid outputs' spread settles from 0.21 to 0.12",
    probe: { depth: 10, activation: 'sigmoid', init: 'xavierNormal' },
    check: (layers) => {
      expectRoundsTo(layers[0]!.activationStd, '0.21');
      expectRoundsTo(layers[9]!.activationStd, '0.12');
    },
  },
  {
    lesson: '02-initialization.md',
    quote:
      'Switch the init to Xavier (gain 1): the activations drift down from 0.63 to 0.09, and the ' +
      "gradient at layer 1 is about 0.17 of the top one's.",
    probe: { depth: 50, activation: 'tanh', init: 'xavierNormal' },
    check: (layers) => {
      expectRoundsTo(layers[0]!.activationStd, '0.63');
      expectRoundsTo(layers[49]!.activationStd, '0.09');
      expectRoundsTo(layers[0]!.gradNorm / layers[49]!.gradNorm, '0.17');
    },
  },
  lessonSevenProbe(
    "With the skip connections the gradient at layer 1's output is about 7 times the one at " +
      'layer 50 (×1.04 per layer).',
    { residual: true, ratio: [6, 8], perLayer: '1.04' },
  ),
  lessonSevenProbe(
    'a gradient at layer 1 about 16,000 times the one at layer 50 (×1.22 per layer).',
    { residual: false, ratio: [14_000, 18_000], perLayer: '1.22' },
  ),
];

/** A sentence about a figure the engine computes outside any run or probe, and its check. */
export interface ProseComputation {
  readonly lesson: string;
  readonly quote: string;
  readonly check: () => void;
}

export const COMPUTED_FIGURES: readonly ProseComputation[] = [
  {
    lesson: '01-signal-propagation.md',
    quote:
      'with a correlation of 0.90 between two standardized features, the curvatures along the ' +
      "valley's axes are 0.10 and 1.90, about 19 times apart, and it needs 52 steps to get within " +
      '$0.01$ of the minimum. With uncorrelated standardized features the same run needs 2 steps, ' +
      'and with the correlated pair decorrelated as well (whitened) both curvatures are 1 and it ' +
      'needs 1 step.',
    check: () => {
      const correlated = correlatedRegression(0.9, 'standardized');
      expectRoundsTo(correlated.correlation, '0.90');
      expectRoundsTo(correlated.curvatures[0], '0.10');
      expectRoundsTo(correlated.curvatures[1], '1.90');
      // "about 19 times apart": within 10 %.
      const apart = correlated.curvatures[1] / correlated.curvatures[0];
      expect(apart).toBeGreaterThan(17);
      expect(apart).toBeLessThan(21);
      expect(correlated.steps).toBe(52);
      expect(correlatedRegression(0, 'standardized').steps).toBe(2);
      const whitened = correlatedRegression(0.9, 'whitened');
      for (const c of whitened.curvatures) expect(c).toBeCloseTo(1, 9);
      expect(whitened.steps).toBe(1);
    },
  },
];

/** Every sentence quoted above: the prose figures a test measures. */
export const MEASURED_QUOTES: readonly string[] = [
  ...FIGURES,
  ...PROBE_FIGURES,
  ...COMPUTED_FIGURES,
].map((f) => f.quote);
