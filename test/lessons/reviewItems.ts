/**
 * The December 2026 review of lessons 01–05 (/work/shared/reviews/lessons-2026-12.md in the team's
 * notes; issue 10): every High (A1–A7) and Medium (B1–B15) item, what the lessons say now, and what
 * proves it with our engine (or real PyTorch). reviewItems.test.ts checks that each corrected
 * statement is still in its lesson (and names its line), that each wrong statement the review quoted
 * is gone, that each block cited still has the claims or probe expectations named (which
 * experimentClaims.test.ts trains and checks, seeded), and that each test cited still exists.
 */

/** What backs an item: a lesson block with its claim kinds or probe measures, or a named test. */
export type ReviewBacking =
  | { readonly block: string; readonly claims: readonly string[] }
  | { readonly test: string; readonly name: string };

export interface ReviewItem {
  readonly id: string;
  /** What the review found wrong, in a line. */
  readonly finding: string;
  readonly lesson: string;
  /** The corrected statement, as the lesson writes it (any run of whitespace matches any). */
  readonly says: string;
  /** What the review quoted as wrong, which no lesson of 01–05 may still say. */
  readonly gone?: readonly string[];
  /**
   * For a fact the lesson reports from a paper rather than from our runs: the arXiv id the lesson
   * must give in the same paragraph as `says` (or, in a block, the same field), so that the
   * learner can tell the paper's figures from the engine's.
   */
  readonly cites?: string;
  readonly backedBy: readonly ReviewBacking[];
}

const L1 = '01-signal-propagation.md';
const L2 = '02-initialization.md';
const L3 = '03-batch-normalization.md';
const L4 = '04-layer-group-instance-norm.md';
const L5 = '05-going-deep.md';

const EXPERIMENT_CLAIMS = 'test/lessons/experimentClaims.test.ts';
const PROSE_FIGURES = 'test/lessons/proseFigures.ts';

export const REVIEW_ITEMS: readonly ReviewItem[] = [
  {
    id: 'A1',
    finding: 'Xavier paired with sigmoid, contradicting lesson 1’s own probe',
    lesson: L2,
    says: 'It does **not** fit ReLU, which throws half of the signal away, and it does not fit **sigmoid** either',
    gone: ['sigmoid in the same spirit', 'Xavier for tanh and sigmoid'],
    backedBy: [
      { block: 'sigmoid-xavier', claims: ['finalLoss', 'accuracyBelow', 'gradRatio'] },
      { block: 'probe-sigmoid-xavier-l2', claims: ['gradientPerLayer'] },
      { block: 'probe-sigmoid-xavier', claims: ['gradientPerLayer', 'gradientRatio'] },
    ],
  },
  {
    id: 'A2',
    finding: 'weight gradients confused with back-propagated gradients in the Xavier story',
    lesson: L2,
    says: "the Xavier run's weight gradients are about 5 × 10⁻⁴ from fc1 to fc26, flat across depth",
    gone: [
      'the early layers get no usable gradient',
      'the gradient curve mirrors the activation curve',
    ],
    backedBy: [
      { block: 'he-figure-3', claims: ['gradNorm', 'gradRatio', 'updateRatio'] },
      { block: 'probe-xavier-relu', claims: ['gradientRatio', 'weightGradientRatio'] },
      {
        test: 'test/ui/widgets/DepthProbeWidget.test.tsx',
        name: 'explains both gradient curves, and says which one the measured weight gradient follows',
      },
      {
        test: 'test/ui/lab/LabPage.test.tsx',
        name: 'draws both gradient curves of the depth probe and explains how they differ',
      },
    ],
  },
  {
    id: 'A3',
    finding: '“fatal at 30 layers” holds only for SGD; Adam trains Xavier',
    lesson: L2,
    says: 'With Adam the Xavier network trains: about 53 % validation accuracy after 400 steps',
    gone: ['Harmless at 4 layers, fatal at 30'],
    backedBy: [
      {
        block: 'he-figure-3-adam',
        claims: ['accuracyAbove', 'accuracyBelow', 'stepsToLoss', 'gradRatio'],
      },
    ],
  },
  {
    id: 'A4',
    finding:
      'BatchNorm’s gradient explosion in deep plain stacks never explained (Yang et al. 2019)',
    lesson: L5,
    says: "the gradient at layer 1's output is about 16,000 times the one at layer 50 (×1.22 per layer)",
    backedBy: [
      {
        block: 'probe-bn-explodes',
        claims: ['gradientPerLayer', 'gradientRatio', 'weightGradientRatio'],
      },
      { block: 'bn-deep-first-step', claims: ['gradRatio'] },
    ],
  },
  {
    id: 'A5',
    finding: 'ResNet motivation misrepresented: the degradation problem, He et al. 2016b',
    lesson: L5,
    says: 'They called this the **degradation problem**',
    gone: ['depths at which plain networks of the same kind would not train at all'],
    backedBy: [
      { block: 'plain-vs-resnet', claims: ['finalLoss', 'lowerLoss'] },
      { block: 'residual-backward-source', claims: [] },
    ],
  },
  {
    id: 'A6',
    finding: 'the CNN demos do not isolate depth (no shallow control)',
    lesson: L5,
    says: 'But the shallow control is slow too: with one block it ends near loss 1.9 and 28 % accuracy',
    backedBy: [
      {
        block: 'plain-vs-resnet',
        claims: ['finalLoss', 'accuracyAbove', 'accuracyBelow', 'lowerLoss'],
      },
      { block: 'depth-sweep-cnn', claims: [] },
      { test: EXPERIMENT_CLAIMS, name: 'depthSweep' },
    ],
  },
  {
    id: 'A7',
    finding: 'the 14× speed-up belongs to BN-x5, not to BatchNorm alone',
    lesson: L3,
    says: 'The famous "14 times fewer steps" belongs to a different network, BN-x5',
    gone: ['reached the baseline’s accuracy in 14 times fewer training steps'],
    cites: 'arXiv:1502.03167',
    backedBy: [
      // The two parts of BN-x5 on our digits: BN alone, and the higher learning rate it allows.
      { block: 'bn-vs-plain', claims: ['fasterToLoss', 'stepsToLoss'] },
      { block: 'lr-sweep', claims: ['diverges', 'lossFalls', 'accuracyAbove'] },
      { test: 'test/lessons/proseNumbers.test.ts', name: 'cited sources’ figures' },
    ],
  },
  {
    id: 'B1',
    finding: 'the tanh gain 5/3 is not Xavier’s default, and it is chaotic at depth',
    lesson: L2,
    says: 'their\n`gain` argument defaults to **1**',
    backedBy: [
      { block: 'probe-tanh-gains', claims: ['activationRatio', 'gradientRatio'] },
      { test: PROSE_FIGURES, name: 'Switch the init to Xavier (gain 1)' },
    ],
  },
  {
    id: 'B2',
    finding: 'constant init overstated: one zero layer in a chain is safe',
    lesson: L2,
    says: 'So may **one** layer in a chain whose other layers are random',
    backedBy: [
      { block: 'zero-init', claims: ['gradNorm', 'accuracyBelow'] },
      { test: 'test/engine/init/constantInit.test.ts', name: 'trains a network one unit wide' },
    ],
  },
  {
    id: 'B3',
    finding: 'standardized features make the bowl round only when uncorrelated',
    lesson: L1,
    says: 'Standardizing rounds the bowl only when the features are **uncorrelated**',
    backedBy: [
      { block: 'loss-contours', claims: [] },
      // Correlation 0.90: curvatures 0.10 and 1.90, 52 steps; whitened 1 step (engine, seeded).
      { test: PROSE_FIGURES, name: 'with a correlation of 0.90 between two standardized features' },
      { test: 'test/lessons/correlatedFeatures.ts', name: 'export function correlatedRegression' },
    ],
  },
  {
    id: 'B4',
    finding: 'no sharp small-batch threshold; the train/eval mismatch at batch 2',
    lesson: L3,
    says: 'There is no sharp threshold.',
    backedBy: [{ block: 'batch-independence', claims: ['validationDiffers', 'validationLoss'] }],
  },
  {
    id: 'B5',
    finding: 'RMSNorm, Pre-/Post-LN, per-token statistics',
    lesson: L4,
    says: 'Many current large language models use **RMSNorm** instead',
    backedBy: [
      {
        test: 'test/lessons/pytorchDefaults.test.ts',
        name: 'normalizes each token over its features only',
      },
    ],
  },
  {
    id: 'B6',
    finding: 'zero-γ and no-norm residual remedies conflated',
    lesson: L5,
    says: 'Zero-γ needs a BatchNorm at the end of the branch.',
    backedBy: [{ test: 'test/engine/probes/residualMlpProbe.test.ts', name: 'Fixup' }],
  },
  {
    id: 'B7',
    finding: '“hockey stick” redefined; step-0 loss ≈ ln C never taught',
    lesson: L5,
    says: 'With too large a scale\n  in the output layer the loss starts far *above* $\\ln C$',
    backedBy: [
      { block: 'first-loss-check', claims: ['initialLoss', 'diverges'] },
      { block: 'mystery-overconfident-lab', claims: [] },
    ],
  },
  {
    id: 'B8',
    finding: 'FRN described without its TLU',
    lesson: L3,
    says: 'the\n**Thresholded Linear Unit** (TLU) $\\max(y, \\tau)$ with a learned threshold',
    gone: ['without the TLU it does not work'],
    // The Lab has no FRN: the lesson reports the paper's argument and says so.
    cites: 'arXiv:1911.09737',
    backedBy: [{ test: 'test/lessons/proseNumbers.test.ts', name: 'cited sources’ figures' }],
  },
  {
    id: 'B9',
    finding: 'Conv → BN → ReLU is the classic ResNet-style block, not “a modern CNN”',
    lesson: L5,
    says: 'What is the block of a classic ResNet-style CNN, in forward order?',
    gone: ['the block of a modern CNN'],
    cites: 'arXiv:2201.03545',
    backedBy: [
      { test: 'test/lessons/quizFairness.test.ts', name: 'longest' },
      // "subtracting the batch mean cancels any bias the convolution adds", in the engine.
      {
        test: 'test/lessons/biasBeforeBatchNorm.test.ts',
        name: 'gets no gradient in train mode, while the weights do',
      },
      // "BN after the activation … also works (this track's placement experiment)".
      { block: 'bn-placement', claims: ['lossFalls', 'finalLoss', 'stepsToLoss'] },
    ],
  },
  {
    id: 'B10',
    finding: 'a batch of one gives a defined but degenerate output, not 0/0',
    lesson: L3,
    says: 'defined, thanks to ε, but degenerate',
    gone: ['0/0 protected only by ε'],
    backedBy: [{ block: 'bn-batch-of-one', claims: [] }],
  },
  {
    id: 'B11',
    finding: 'after training the spread after BN is |γ|; x̂ has unit spread',
    lesson: L5,
    says: "but the layer's output γ·x̂ + β has spread |γ|",
    gone: ['With BatchNorm every layer still has unit spread'],
    backedBy: [{ block: 'init-and-norm', claims: ['deadShare', 'stepsToLoss'] }],
  },
  {
    id: 'B12',
    finding: 'takeaway numbers unchecked: gradient ratios, dead/saturated shares, percentiles',
    lesson: L1,
    says: 'roughly half the ReLUs are dead for the',
    backedBy: [
      { block: 'stalled-deep-net', claims: ['gradRatio', 'deadShare'] },
      { block: 'tanh-saturation', claims: ['saturatedShare'] },
      { test: 'test/lessons/claimsBackNumbers.test.ts', name: 'every' },
      { test: 'test/lessons/proseNumbers.test.ts', name: 'every number in the lessons' },
    ],
  },
  {
    id: 'B13',
    finding: '“1/6 per layer is harmless at a few layers” is not: 3× slower at depth 4',
    lesson: L2,
    says: 'At 4 layers the\n  default does train within the epoch, but it is not free',
    gone: ['is harmless when there are only a few layers'],
    backedBy: [{ block: 'default-vs-kaiming', claims: ['stepsToLoss'] }],
  },
  {
    id: 'B14',
    finding: '“the default init stops training beyond 5 layers” holds only for that budget',
    lesson: L5,
    says: 'that is a statement about the budget, not a wall',
    backedBy: [
      { block: 'depth-sweep-mlp', claims: [] },
      { block: 'init-and-norm', claims: ['stepsToLoss'] },
    ],
  },
  {
    id: 'B15',
    finding: 'PyTorch API defaults never stated',
    lesson: L4,
    says: '`nn.InstanceNorm2d(num_features)` defaults to `affine=False` and `track_running_stats=False`',
    backedBy: [
      {
        test: 'test/lessons/pytorchDefaults.test.ts',
        name: 'InstanceNorm2d defaults to affine=False',
      },
      { test: 'test/lessons/pytorchDefaults.test.ts', name: 'momentum=None' },
      { test: 'test/lessons/pytorchDefaults.test.ts', name: 'no default num_groups' },
      { test: 'test/lessons/pytorchDefaults.test.ts', name: 'a grouped convolution has fan_in' },
    ],
  },
];
