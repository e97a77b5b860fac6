import { describe, expect, it } from 'vitest';
import { parseLesson } from '../../src/lessons/parseLesson';
import {
  choiceFor,
  expectedRange,
  formatMeasure,
  measureValue,
  predictionHeld,
  predictionSchema,
  type Prediction,
} from '../../src/lessons/predictions';
import type { RunHistory } from '../../src/lessons/claims';

const losses = (from: number, to: number, n: number) =>
  Array.from({ length: n }, (_, i) => from + ((to - from) * i) / (n - 1));

const runs: RunHistory[] = [
  {
    label: 'Fast',
    losses: losses(2.3, 0.1, 100),
    validation: [{ step: 100, loss: 0.1, accuracy: 0.93 }],
  },
  {
    label: 'Flat',
    losses: losses(2.3, 2.3, 100),
    validation: [{ step: 100, loss: 2.3, accuracy: 0.1 }],
  },
  { label: 'Gone', losses: [2.3, 5], validation: [], divergedAt: 3 },
];

const choices: Prediction = predictionSchema.parse({
  experiment: 'exp',
  question: 'Where will Flat be?',
  measure: { kind: 'finalAccuracy', run: 'Flat' },
  choices: [
    { text: 'Chance', below: 0.2, expected: true },
    { text: 'Partway', from: 0.2, below: 0.7 },
    { text: 'Trained', from: 0.7 },
  ],
  explanation: 'It stays flat.',
});

const slider: Prediction = predictionSchema.parse({
  experiment: 'exp',
  question: 'How accurate will Fast be?',
  measure: { kind: 'finalAccuracy', run: 'Fast' },
  slider: { min: 0, max: 1, step: 0.05, expected: { from: 0.8 } },
  explanation: 'It trains.',
});

describe('measureValue', () => {
  it('reads the final accuracy, smoothed final loss and the step a loss is first reached', () => {
    expect(measureValue({ kind: 'finalAccuracy', run: 'Fast' }, runs)).toBe(0.93);
    expect(measureValue({ kind: 'finalLoss', run: 'Flat' }, runs)).toBeCloseTo(2.3);
    const steps = measureValue({ kind: 'stepsToLoss', run: 'Fast', loss: 1 }, runs)!;
    expect(steps).toBeGreaterThan(50);
    expect(steps).toBeLessThan(80);
  });

  it('counts a loss never reached and a diverged loss as infinite, and no evidence as unknown', () => {
    expect(measureValue({ kind: 'stepsToLoss', run: 'Flat', loss: 1 }, runs)).toBe(Infinity);
    expect(measureValue({ kind: 'finalLoss', run: 'Gone' }, runs)).toBe(Infinity);
    expect(measureValue({ kind: 'finalAccuracy', run: 'Gone' }, runs)).toBeUndefined();
    expect(measureValue({ kind: 'finalAccuracy', run: 'Missing' }, runs)).toBeUndefined();
  });

  it('says the measure in words', () => {
    expect(formatMeasure({ kind: 'finalAccuracy', run: 'x' }, 0.123)).toBe('12.3 %');
    expect(formatMeasure({ kind: 'stepsToLoss', run: 'x', loss: 1 }, 1200)).toBe('step 1,200');
    expect(formatMeasure({ kind: 'stepsToLoss', run: 'x', loss: 1 }, Infinity)).toBe(
      'not reached in this run',
    );
    expect(formatMeasure({ kind: 'finalLoss', run: 'x' }, Infinity)).toBe('diverged');
  });
});

describe('a prediction', () => {
  it('with choices holds when the result falls in the chosen range', () => {
    expect(choiceFor(choices, 0.1)).toBe(0);
    expect(choiceFor(choices, 0.2)).toBe(1);
    expect(choiceFor(choices, 0.95)).toBe(2);
    expect(predictionHeld(choices, { choice: 0 }, 0.1)).toBe(true);
    expect(predictionHeld(choices, { choice: 2 }, 0.1)).toBe(false);
    expect(expectedRange(choices)).toMatchObject({ text: 'Chance', below: 0.2 });
  });

  it('on a slider holds within a tenth of the slider span', () => {
    expect(predictionHeld(slider, { value: 0.85 }, 0.93)).toBe(true);
    expect(predictionHeld(slider, { value: 0.8 }, 0.93)).toBe(false);
    expect(expectedRange(slider)).toEqual({ from: 0.8 });
  });

  it('is refused with a clear message when its form is wrong', () => {
    const issues = (body: object) => {
      const r = predictionSchema.safeParse(body);
      return r.success ? [] : r.error.issues.map((i) => i.message);
    };
    const base = {
      experiment: 'exp',
      question: 'Q?',
      measure: { kind: 'finalLoss', run: 'A' },
      explanation: 'E.',
    };
    expect(issues(base)).toEqual(['must have either choices or a slider (exactly one of them)']);
    expect(
      issues({
        ...base,
        choices: [
          { text: 'low', below: 1, expected: true },
          { text: 'mid', from: 0.5, below: 2 },
        ],
      }),
    ).toEqual(['overlaps choice 2: a result must fall into one choice only']);
    expect(
      issues({
        ...base,
        choices: [
          { text: 'a', below: 1 },
          { text: 'b', from: 1 },
        ],
      }),
    ).toEqual(['must mark exactly one choice expected, found 0']);
  });
});

describe('a prediction block in a lesson', () => {
  const lesson = (prediction: string) => `---
id: l
title: L
order: 1
summary: S.
minutes: 5
unlocks: []
---

${prediction}

:::experiment exp
title: E
runs:
  - label: A
charts: [loss]
steps: 10
:::
`;
  const block = (experiment: string, run: string) => `:::prediction guess
experiment: ${experiment}
question: Q?
measure: { kind: finalLoss, run: ${run} }
slider: { min: 0, max: 3, step: 0.1, expected: { below: 3 } }
explanation: E.
:::`;

  it('parses when it names an experiment of the lesson and one of its runs', () => {
    const parsed = parseLesson(lesson(block('exp', 'A')), 'l.md');
    expect(parsed.issues).toEqual([]);
    expect(parsed.segments.find((s) => s.kind === 'prediction')).toMatchObject({ id: 'guess' });
  });

  it('says which experiment or run it names that does not exist', () => {
    expect(parseLesson(lesson(block('nope', 'A')), 'l.md').issues.map((i) => i.message)).toEqual([
      ":::prediction guess: experiment 'nope' is not an experiment of this lesson",
    ]);
    expect(parseLesson(lesson(block('exp', 'B')), 'l.md').issues.map((i) => i.message)).toEqual([
      ":::prediction guess: measure names run 'B', but the experiment's runs are 'A'",
    ]);
  });
});
