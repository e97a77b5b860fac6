import { describe, expect, it } from 'vitest';
import { claimSchema } from '../../src/lessons/claims';
import {
  backs,
  claimedNumbers,
  statedNumbers,
  unbackedNumbers,
  unbackedPredictionNumbers,
} from '../../src/lessons/claimNumbers';
import { predictionSchema } from '../../src/lessons/predictions';
import { experimentSchema } from '../../src/lessons/schema';

const read = (text: string) => statedNumbers(text).map((n) => [n.text, n.value, n.percent]);

/** Whether a claimed number backs the first number `text` states. */
const backedBy = (claimed: ReturnType<typeof claimedNumbers>, text: string): boolean =>
  claimed.some((c) => backs(c, statedNumbers(text)[0]!));

/** Checks that `backed` holds for every phrase of the first list and for none of the second. */
function expectBacking(
  backed: (text: string) => boolean,
  yes: readonly string[],
  no: readonly string[],
): void {
  for (const text of yes) expect(backed(text), `backs '${text}'`).toBe(true);
  for (const text of no) expect(backed(text), `does not back '${text}'`).toBe(false);
}

describe('statedNumbers', () => {
  it('reads decimals, thousands, percentages, signs and scientific notation', () => {
    expect(read('loss 2.30, about 88 % and 3,300 steps; median −2.3, +1.5')).toEqual([
      ['2.30', 2.3, false],
      ['88 %', 88, true],
      ['3,300', 3300, false],
      ['−2.3', -2.3, false],
      ['+1.5', 1.5, false],
    ]);
    const [sci] = statedNumbers('about 2 × 10⁻⁸ at fc1');
    expect(sci!.value).toBeCloseTo(2e-8, 20);
    expect(sci!.halfUnit).toBeCloseTo(0.5e-8, 20);
  });

  it('reads a bare power of ten with its exponent, and number words', () => {
    const [power] = statedNumbers('moves by about 10⁻³·⁷ of its weights');
    expect(power!.exponent).toEqual({ value: -3.7, halfUnit: 0.05 });
    expect(read('a million times smaller, within ten steps, half the units, ½ per layer')).toEqual([
      ['a million', 1e6, false],
      ['ten', 10, false],
      ['half', 0.5, false],
      ['½', 0.5, false],
    ]);
    expect(statedNumbers('a million times smaller')[0]!.factor).toBe(true);
    expect(statedNumbers('ends near 1.9 after')[0]!.factor).toBe(false);
  });

  it('skips math, layer names, ordinals and references', () => {
    expect(
      read('$\\ln 10 \\approx 2.303$ at fc1 and act8, the 15th percentile, lesson 2, Figure 3'),
    ).toEqual([]);
  });

  it('gives the rounding the written digits allow', () => {
    expect(statedNumbers('2.30')[0]!.halfUnit).toBeCloseTo(0.005, 12);
    expect(statedNumbers('190')[0]!.halfUnit).toBe(0.5);
  });
});

describe('claimedNumbers and backs', () => {
  const claim = claimSchema.parse({
    kind: 'allOf',
    claims: [
      { kind: 'accuracyAbove', run: 'A', accuracy: 0.85 },
      { kind: 'accuracyBelow', run: 'A', accuracy: 0.92 },
      { kind: 'stepsToLoss', run: 'A', loss: 1, atLeast: 170, atMost: 210 },
      {
        kind: 'gradRatio',
        run: 'A',
        numerator: 'fc1',
        denominator: 'fc9',
        atLeast: 3e-7,
        atMost: 3e-6,
      },
      { kind: 'updateRatio', run: 'A', atLeast: -4, atMost: -3.4 },
      { kind: 'diverges', run: 'B', byStep: 10 },
      { kind: 'finalLoss', run: 'B', atMost: 0.5 },
    ],
  });
  const claimed = claimedNumbers(claim);
  const backed = (text: string) => backedBy(claimed, text);

  it('joins accuracyAbove and accuracyBelow of one run into a range', () => {
    expect(claimed).toContainEqual({
      lo: 0.85,
      hi: 0.92,
      what: 'accuracy of A',
      quantity: 'share',
    });
    expectBacking(backed, ['about 88 %', 'passes 85 %'], ['about 95 %']);
  });

  it('backs a value in a range, a threshold to its digits, a factor by its inverse, a power by its exponent', () => {
    expectBacking(
      backed,
      [
        'after about 190 steps',
        'passes 1.0',
        'within ten steps',
        'a million times smaller',
        'about 10⁻³·⁷ of its weights',
      ],
      [
        'after about 250 steps',
        'within 20 steps',
        'a thousand times smaller',
        'about 10⁻²·⁶ of its weights',
      ],
    );
    // One bound backs only its own value: "ends near 0.3" is not what atMost 0.5 checks.
    expectBacking(backed, ['ends below 0.5'], ['ends near 0.3']);
  });
});

describe('unbackedNumbers', () => {
  const experiment = experimentSchema.parse({
    title: 'T',
    intro: 'Two runs of a 20-layer MLP at learning rate 0.05, validated on 1,000 images.',
    base: { depth: 20, learningRate: 0.05 },
    runs: [{ label: 'Spread 1.5×', settings: { initMultiplier: 1.5 } }, { label: 'Plain' }],
    charts: ['loss'],
    steps: 400,
    claim: { kind: 'finalLoss', run: 'Plain', atLeast: 0.25, atMost: 0.35 },
    takeaway:
      'After 400 steps Plain ends near 0.3, the 1.5× run near 0.7; the loss starts at $\\ln 10 \\approx 2.303$.',
  });

  it('accepts settings, Lab constants, math and claimed values, and names the rest', () => {
    expect(unbackedNumbers(experiment).map((u) => [u.field, u.number.text])).toEqual([
      ['takeaway', '0.7'],
    ]);
    expect(unbackedNumbers(experiment)[0]!.context).toContain('the 1.5× run near 0.7');
  });

  it('backs a number by a setting only where the text presents it as that setting', () => {
    const small = experimentSchema.parse({
      title: 'T',
      base: { depth: 6, batchSize: 2, learningRate: 0.5 },
      runs: [{ label: 'Batch 2' }, { label: 'Seed 7', settings: { seed: 7 } }],
      charts: ['loss'],
      steps: 300,
      takeaway:
        'At batch 2 the 6-layer network (lr 0.5) runs for 300 steps; with seed 7 too. ' +
        'Its loss stays above 2, and 7 of its units are dead after 300.',
    });
    expect(unbackedNumbers(small).map((u) => u.number.text)).toEqual(['2', '7', '300']);
  });

  it('backs the layers a residual MLP or a CNN builds, counted as layers or convolutions', () => {
    const deep = experimentSchema.parse({
      title: 'T',
      base: { dataset: 'mnist14', architecture: 'resmlp', depth: 24 },
      runs: [{ label: 'Residual' }, { label: 'CNN', settings: { architecture: 'cnn', depth: 6 } }],
      charts: ['loss'],
      steps: 100,
      takeaway:
        'The 50-layer residual MLP and the CNN of 13 convolutions. It took 50 tries and 13 more.',
    });
    expect(unbackedNumbers(deep).map((u) => u.number.text)).toEqual(['50', '13']);
  });
});

describe('unbackedPredictionNumbers', () => {
  const experiment = experimentSchema.parse({
    title: 'T',
    runs: [{ label: 'Deep', settings: { depth: 20 } }],
    charts: ['loss'],
    steps: 400,
    claim: { kind: 'finalLoss', run: 'Deep', atLeast: 2.28, atMost: 2.32 },
  });

  it("accepts the prediction's own ranges and the experiment's claims and settings", () => {
    const prediction = predictionSchema.parse({
      experiment: 'e',
      question: 'What will the 20-layer network reach in 400 steps?',
      measure: { kind: 'finalAccuracy', run: 'Deep' },
      choices: [
        { text: 'Under 20 %', below: 0.2, expected: true },
        { text: '20 % or more', from: 0.2 },
      ],
      explanation: 'It stays at a loss of about 2.30, near 12 % accuracy.',
    });
    expect(
      unbackedPredictionNumbers(prediction, experiment).map((u) => [u.field, u.number.text]),
    ).toEqual([['explanation', '12 %']]);
  });
});

describe('a number is backed only by a claimed number of its kind', () => {
  const claimed = claimedNumbers(
    claimSchema.parse({
      kind: 'allOf',
      claims: [
        { kind: 'accuracyAbove', run: 'A', accuracy: 0.4 },
        { kind: 'accuracyBelow', run: 'A', accuracy: 0.6 },
        { kind: 'stepsToLoss', run: 'A', loss: 1.5, atLeast: 70, atMost: 100 },
        { kind: 'finalLoss', run: 'A', atLeast: 0.2, atMost: 0.3 },
        { kind: 'fasterToLoss', fast: 'A', slow: 'B', loss: 1, ratio: 0.5 },
      ],
    }),
  );
  const backed = (text: string) => backedBy(claimed, text);

  it('an accuracy backs a percentage, not a loss or a gain', () => {
    expectBacking(
      backed,
      ['reaches about 49 %'],
      ['custom init with gain 3 and', 'ends near loss 0.5'],
    );
  });

  it('a step count backs "N steps" and an ellipsis, and nothing else backs "N steps"', () => {
    expectBacking(
      backed,
      [
        'passes 1.5 after about 85 steps',
        "Xavier's after about 85",
        'near step 90',
        'ends near 0.25',
      ],
      ['about 85 %', 'ends after 0.25 steps'],
    );
  });

  it('a share backs a fraction word or a factor, not a plain value', () => {
    expectBacking(backed, ['in half the steps', 'twice as fast'], ['a loss of 0.5']);
  });

  it('skips citations and the argument of ln', () => {
    expect(read('(He et al. 2016, arXiv:1603.05027) and ln 10')).toEqual([]);
    expect(read('after 2000 steps')).toEqual([['2000', 2000, false]]);
  });
});
