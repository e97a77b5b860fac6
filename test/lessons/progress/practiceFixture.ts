import { buildTrack, type Track } from '../../../src/lessons/track';
import { quizBlock } from './fixtureTrack';

/**
 * A one-lesson track ("delta") for the practice rules: a prepared experiment with a claim, a plain
 * practice on a workbench experiment, a mystery network with hidden settings, and a checkpoint
 * earned by each of the two practices (the first with a chart to look at).
 */
export const FRONT = `---
id: delta
title: Delta lesson
order: 1
summary: A lesson with practices.
minutes: 10
unlocks: [milestone]
---
`;

export const EXPERIMENTS = `
:::experiment prepared
title: Prepared comparison
base: { dataset: spiral, depth: 2, width: 8 }
runs:
  - label: Plain
  - label: Normalized
    settings: { norm: batchNorm }
charts: [loss, weights]
steps: 100
claim: { kind: lossFalls, run: Normalized, fraction: 0.6 }
:::

:::experiment workbench
title: Two plain runs
base: { dataset: spiral, depth: 2, width: 8 }
runs:
  - label: Plain
  - label: Mine
charts: [loss, weights]
steps: 100
:::

:::experiment mystery-lab
title: A hidden fault
base: { dataset: spiral, depth: 2, width: 8, validationMode: train, norm: batchNorm }
runs:
  - label: Mystery
charts: [loss]
steps: 100
:::
`;

export const PRACTICE = `
:::practice add-norm
title: Add BatchNorm yourself
task: Give **Mine** BatchNorm.
experiment: workbench
requireSettings:
  - run: Mine
    settings: { norm: batchNorm }
claim: { kind: lossFalls, run: Mine, fraction: 0.6 }
:::
`;

export const MYSTERY = `
:::practice mystery
title: Find the fault
task: Find it.
experiment: mystery-lab
hidden: [validationMode, norm]
requireSettings:
  - run: Mystery
    settings: { validationMode: eval }
claim: { kind: accuracyAbove, run: Mystery, accuracy: 0.8 }
question:
  question: What is wrong?
  choices:
    - { text: Validation in train mode, correct: true, explanation: Right. }
    - { text: The learning rate, explanation: No. }
:::
`;

export const CHECKPOINTS = `
:::checkpoint by-practice
title: Added BatchNorm and read the weights
description: Do the practice and open the weights.
earnedBy: { practice: add-norm, viewedChart: weights }
:::

:::checkpoint by-mystery
title: Switched to eval mode
description: Fix the mystery network.
earnedBy: { practice: mystery }
:::
`;

const QUIZZES = [1, 2, 3, 4].map((n) => quizBlock(`dq${n}`, `Delta question ${n}?`)).join('\n');
export const LESSON = FRONT + EXPERIMENTS + PRACTICE + MYSTERY + CHECKPOINTS + QUIZZES;

export function deltaTrack(): Track {
  const t = buildTrack({ 'lessons/01-delta.md': LESSON });
  if (t.issues.length > 0) throw new Error(t.issues.map((i) => i.message).join('; '));
  return t;
}
