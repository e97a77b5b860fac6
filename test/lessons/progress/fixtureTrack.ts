import { buildTrack, type Track } from '../../../src/lessons/track';

/**
 * A small, valid track for progress and lesson-page tests: three lessons whose blocks cover every way
 * of earning a checkpoint.
 *
 * - alpha (order 1, unlocks beta): experiment `falls` (claim: Net's loss falls to 60%), checkpoint
 *   `saw-it` (that claim + the loss chart viewed), practice `add-bn` (Net must use BatchNorm), quizzes.
 * - beta (order 2, unlocks milestone): checkpoint `no-peek` (alpha's and beta's quizzes without peeking).
 * - gamma (order 3, named by nobody, so it opens after beta): two experiments and checkpoint `both`.
 */

export function quizBlock(id: string, question: string, correct = 1): string {
  const choices = ['First', 'Second', 'Third'].map(
    (text, i) =>
      `  - { text: ${text} choice, correct: ${i === correct}, explanation: ${text} is ${i === correct ? 'right' : 'wrong'} because of ${id}. }`,
  );
  return `:::quiz ${id}\nquestion: ${question}\nchoices:\n${choices.join('\n')}\n:::\n`;
}

function quizzes(prefix: string): string {
  return [1, 2, 3, 4]
    .map((n) => quizBlock(`${prefix}q${n}`, `${prefix} question ${n}?`))
    .join('\n');
}

const experiment = (id: string, title: string) => `:::experiment ${id}
title: ${title}
intro: Watch the loss.
base: { dataset: spiral, depth: 2, width: 8 }
runs:
  - label: Net
  - label: Other
    settings: { learningRate: 0.01 }
controls: [learningRate, norm]
charts: [loss, activations]
steps: 100
claim: { kind: lossFalls, run: Net, fraction: 0.6 }
:::
`;

export const ALPHA = `---
id: alpha
title: Alpha lesson
order: 1
summary: The first lesson.
minutes: 10
unlocks: [beta]
---

## Signals

Some prose with math $x^2$.

${experiment('falls', 'Loss falls')}

:::checkpoint saw-it
title: Saw the loss fall
description: Run the experiment and look at the loss chart.
earnedBy: { experiment: falls, viewedChart: loss }
:::

:::practice add-bn
title: Add BatchNorm
task: Give **Net** BatchNorm and train it.
experiment: falls
requireSettings:
  - run: Net
    settings: { norm: batchNorm }
claim: { kind: lossFalls, run: Net, fraction: 0.6 }
question:
  question: Why did it help?
  choices:
    - { text: It keeps activations scaled, correct: true, explanation: That is the point. }
    - { text: Magic, explanation: No. }
:::

${quizzes('a')}
`;

export const BETA = `---
id: beta
title: Beta lesson
order: 2
summary: The second lesson.
minutes: 10
unlocks: [milestone]
---

## More

${quizzes('b')}

:::checkpoint no-peek
title: No peeking
description: Answer every question of both lessons right on the first try.
earnedBy: { quizzesWithoutPeeking: [alpha, beta] }
:::
`;

export const GAMMA = `---
id: gamma
title: Gamma lesson
order: 3
summary: The third lesson.
minutes: 10
unlocks: [milestone]
---

${experiment('one', 'First experiment')}
${experiment('two', 'Second experiment')}

:::checkpoint both
title: Both effects
description: Show both effects.
earnedBy: { experiments: [one, two] }
:::

${quizzes('g')}
`;

export const FIXTURE_FILES = {
  'lessons/01-alpha.md': ALPHA,
  'lessons/02-beta.md': BETA,
  'lessons/03-gamma.md': GAMMA,
};

export function fixtureTrack(): Track {
  const track = buildTrack(FIXTURE_FILES);
  if (track.issues.length > 0) {
    throw new Error(`fixture track is invalid: ${track.issues.map((i) => i.message).join('; ')}`);
  }
  return track;
}

/** The keys of a lesson's four fixture quizzes: alpha → alpha/aq1 … alpha/aq4. */
export function fixtureQuizKeys(lessonId: 'alpha' | 'beta' | 'gamma'): string[] {
  const prefix = lessonId[0]!;
  return [1, 2, 3, 4].map((n) => `${lessonId}/${prefix}q${n}`);
}
