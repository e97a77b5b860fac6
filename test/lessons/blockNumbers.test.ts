import { describe, expect, it } from 'vitest';
import {
  lessonBacking,
  unbackedPracticeNumbers,
  unbackedQuizNumbers,
} from '../../src/lessons/blockNumbers';
import { parseLesson } from '../../src/lessons/parseLesson';
import { experimentSchema, practiceSchema, quizSchema } from '../../src/lessons/schema';

const texts = (unbacked: { field: string; number: { text: string } }[]) =>
  unbacked.map((u) => `${u.field}: ${u.number.text}`);

const LESSON = `---
id: delta
title: Delta
order: 1
summary: A lesson.
minutes: 5
unlocks: []
---

:::experiment deep
title: Deep
base: { dataset: mnist14, depth: 20 }
runs:
  - label: Plain
charts: [loss]
steps: 400
claim:
  kind: allOf
  claims:
    - { kind: accuracyAbove, run: Plain, accuracy: 0.3 }
    - { kind: accuracyBelow, run: Plain, accuracy: 0.38 }
:::

:::widget probe
widget: depthProbe
title: Probe
depth: 50
expect:
  - { measure: activationPerLayer, atLeast: 0.65, atMost: 0.75 }
:::

:::widget contours
widget: lossContours
title: Contours
:::
`;

describe('unbackedQuizNumbers', () => {
  const backing = lessonBacking(parseLesson(LESSON, 'delta.md'));
  const quiz = (body: object) => quizSchema.parse(body);

  it('backs by the lesson’s claims, settings, probe expectations and widgets, and the question’s data', () => {
    const q = quiz({
      question: 'A layer has 400 inputs and weights of variance 0.005. What is the factor?',
      choices: [
        {
          text: 'About 0.7 per layer over 50 layers',
          correct: true,
          explanation:
            'As the 20-layer run showed (near 34 %); 400 inputs at 0.005 each, ln 10 at the start; 69 steps unscaled.',
        },
        { text: 'About 12 % per layer', explanation: 'That reads 0.005 as a share.' },
      ],
    });
    expect(texts(unbackedQuizNumbers(q, backing))).toEqual([]);
  });

  it('reads the correct choice and every explanation, never a distractor’s own text', () => {
    const q = quiz({
      question: 'What happens?',
      choices: [
        {
          text: 'It reaches 90 %',
          correct: true,
          explanation: 'It stays near 12 %, and 2¹⁰ = 1,024.',
        },
        { text: 'It reaches 12 % per 3 layers', explanation: 'No.' },
      ],
    });
    expect(texts(unbackedQuizNumbers(q, backing))).toEqual([
      'choice 1: 90 %',
      'explanation 1: 12 %',
      'explanation 1: 1,024',
    ]);
  });
});

describe('unbackedPracticeNumbers', () => {
  const experiment = experimentSchema.parse({
    title: 'Mystery',
    base: { dataset: 'mnist14', depth: 20 },
    runs: [{ label: 'Mystery network' }],
    charts: ['loss'],
    steps: 400,
    claim: {
      kind: 'allOf',
      claims: [
        { kind: 'accuracyAbove', run: 'Mystery network', accuracy: 0.3 },
        { kind: 'accuracyBelow', run: 'Mystery network', accuracy: 0.38 },
      ],
    },
  });

  it('backs the task by the practice’s claim, its experiment and the settings it asks for', () => {
    const practice = practiceSchema.parse({
      title: 'Fix it',
      task: 'A 20-layer network stays near 34 % in 400 steps; set gain 1.41 and pass 75 %, not 95 %.',
      experiment: 'mystery',
      requireSettings: [{ run: 'Mystery network', settings: { init: 'custom', initGain: 1.41 } }],
      claim: { kind: 'accuracyAbove', run: 'Mystery network', accuracy: 0.75 },
    });
    expect(texts(unbackedPracticeNumbers(practice, experiment))).toEqual(['task: 95 %']);
  });
});
