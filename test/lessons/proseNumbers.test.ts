/**
 * A claim behind every number, in the prose between the blocks (src/lessons/proseNumbers.ts): every
 * number a lesson's Markdown states is a measurement that a claim, a setting presented as that
 * setting or a measured figure (proseFigures.ts) backs, or something the text marks as not a
 * measurement (math, code, a reference, a date, a name, a cited source's figure).
 */
import { describe, expect, it } from 'vitest';
import { parseLesson } from '../../src/lessons/parseLesson';
import { proseNumbers, proseOnly, sentences } from '../../src/lessons/proseNumbers';
import { lessonName, readLessons } from './headlessLessons';
import { MEASURED_QUOTES } from './proseFigures';

const FRONT = `---
id: delta
title: Delta
order: 1
summary: A lesson for the tests.
minutes: 5
unlocks: []
---
`;

const EXPERIMENT = `
:::experiment deep
title: A deep network
base: { dataset: mnist14, depth: 20, width: 64, batchSize: 2, learningRate: 0.05 }
runs:
  - label: Deep
charts: [loss]
steps: 300
validationEvery: 100
claim: { kind: finalLoss, run: Deep, atLeast: 0.3, atMost: 0.4 }
:::
`;

const PROBE = `
:::widget probe
widget: depthProbe
title: A probe
depth: 50
activation: relu
init: kaimingNormal
expect:
  - { measure: gradientRatio, atLeast: 0.5, atMost: 2 }
:::
`;

/** The verdict of each number of the lesson's prose, as "text: verdict". */
function verdicts(prose: string, measured: readonly string[] = [], blocks = EXPERIMENT): string[] {
  const lesson = parseLesson(`${FRONT}${prose}\n${blocks}`, 'delta.md');
  return proseNumbers(lesson, measured).map(({ number, verdict }) => {
    const how =
      verdict.kind === 'backed'
        ? verdict.by
        : verdict.kind === 'notMeasured'
          ? verdict.why
          : 'unbacked';
    return `${number.text}: ${how}`;
  });
}

describe('proseNumbers', () => {
  it('backs a measurement by a claim of the lesson, of its kind', () => {
    expect(verdicts('The deep network ends near loss 0.35.')).toEqual(['0.35: claim']);
    expect(verdicts('The deep network ends near loss 0.9.')).toEqual(['0.9: unbacked']);
  });

  it('backs a number only by a claim of its own section, or of a block its sentence names', () => {
    const elsewhere = '## Before\n\nThe deep network ends near loss 0.35.\n\n## The experiment\n';
    expect(verdicts(elsewhere)).toEqual(['0.35: unbacked']);
    expect(
      verdicts(
        '## Before\n\nThe network of *A deep network*, below, ends near loss 0.35.\n\n## After\n',
      ),
    ).toEqual(['0.35: claim']);
    expect(verdicts('## Before\n\nThe `deep` run ends near loss 0.35.\n\n## After\n')).toEqual([
      '0.35: claim',
    ]);
  });

  it('backs the chance loss only where the text presents it as the chance loss', () => {
    expect(verdicts('The loss sits at 2.30.')).toEqual(['2.30: unbacked']);
    expect(verdicts('The loss sits at 2.30, the loss of a uniform guess.')).toEqual([
      '2.30: claim',
    ]);
  });

  it('reads a small count written as a word as a count, and list numbers as no number', () => {
    expect(verdicts('The two schemes differ in three ways.')).toEqual([
      'two: count',
      'three: count',
    ]);
    expect(verdicts('It lost about three points.')).toEqual(['three: unbacked']);
    expect(verdicts('1. Measure first.\n2. Then fix.')).toEqual([]);
  });

  it('backs a setting only where the text presents it as that setting', () => {
    expect(
      verdicts('The 20-layer network at batch 2 and learning rate 0.05 trains for 300 steps.'),
    ).toEqual(['20: setting', '2: setting', '0.05: setting', '300: setting']);
    expect(verdicts('Its loss stays above 3. It needs 20 more tries.')).toEqual([
      '3: unbacked',
      '20: unbacked',
    ]);
  });

  it('backs a setting only in its own section, or where the sentence names its block', () => {
    const elsewhere = (sentence: string) => `## Before\n\n${sentence}\n\n## The experiment\n`;
    expect(verdicts(elsewhere('The 20-layer network at batch 2 trains.'))).toEqual([
      '20: unbacked',
      '2: unbacked',
    ]);
    expect(verdicts(elsewhere('The 20-layer network at batch 2 (`deep`) trains.'))).toEqual([
      '20: setting',
      '2: setting',
    ]);
    // The Lab's constants hold everywhere.
    expect(verdicts(elsewhere('Each validation uses 1,000 test images.'))).toEqual([
      '1,000: setting',
    ]);
  });

  it('backs by a depth probe’s ratio only a number presented as a ratio', () => {
    expect(verdicts('The gradient at the outputs is 1.7 at every layer.', [], PROBE)).toEqual([
      '1.7: unbacked',
    ]);
    expect(
      verdicts('The gradient at layer 1 is about 1.7 times the one at layer 50.', [], PROBE),
    ).toEqual(['1: setting', '1.7: claim', '50: setting']);
    expect(verdicts('It grows by a factor of 1.5 from end to end.', [], PROBE)).toEqual([
      '1.5: claim',
    ]);
    expect(verdicts('The ratio is 0.6 from end to end.', [], PROBE)).toEqual(['0.6: claim']);
  });

  it('reads every number of a list of references as a reference', () => {
    expect(verdicts('As lessons 3 and 4 showed, and Figures 2, 3 or 5.')).toEqual([]);
  });

  it('backs the Lab’s datasets and constants presented as what they are', () => {
    expect(
      verdicts('Digits of 14 × 14 pixels: 8,000 training images, 2,000 test images, 10 classes.'),
    ).toEqual(['14: setting', '14: setting', '8,000: setting', '2,000: setting', '10: setting']);
    expect(verdicts('It took 8,000 tries.')).toEqual(['8,000: unbacked']);
  });

  it('reads no number in math, code or a link target', () => {
    expect(
      verdicts(
        'The factor $2^{10} \\approx 1000$; `nn.LayerNorm(512)`; [the paper](https://arxiv.org/abs/1502.03167).\n\n```python\nx = 7\n```',
      ),
    ).toEqual([]);
  });

  it('tells dates, names and cited sources’ figures apart from measurements', () => {
    expect(verdicts('It appeared on 11 February 2015 for ResNet-50.')).toEqual([
      '11: date',
      '50: name',
    ]);
    expect(
      verdicts('Wu & He 2018 measured 23.6 % at 32 images per GPU. We measured 23.6 %.'),
    ).toEqual(['23.6 %: citation', '32: citation', '23.6 %: unbacked']);
  });

  it('counts the numbers of a quoted measured figure as measured, wherever the lines break', () => {
    expect(
      verdicts('Try it: from about 66 % at\nbatch 8.', ['from about 66 % at batch 8']),
    ).toEqual(['66 %: measured', '8: measured']);
  });

  it('splits prose into sentences, blanking code and math in place', () => {
    const prose = proseOnly('A `x = 1` and $y = 2$. Next one.\n\n- item 3');
    expect(prose).toHaveLength('A `x = 1` and $y = 2$. Next one.\n\n- item 3'.length);
    expect(sentences(prose).map((s) => s.text.replace(/\s+/g, ' ').trim())).toEqual([
      'A and .',
      'Next one.',
      '- item 3',
    ]);
  });
});

describe('every number in the lessons’ prose is backed or is not a measurement', () => {
  for (const lesson of readLessons()) {
    it(lessonName(lesson), () => {
      const unbacked = proseNumbers(lesson, MEASURED_QUOTES)
        .filter((n) => n.verdict.kind === 'unbacked')
        .map((n) => `${lesson.file}:${n.line}: "${n.number.text}" in "${n.sentence}"`);
      expect(
        unbacked,
        'numbers no claim, setting presented as that setting or measured figure backs (arithmetic goes in $…$; cite a source in the sentence that states its figures)',
      ).toEqual([]);
    });
  }
});
