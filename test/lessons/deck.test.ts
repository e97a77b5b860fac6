import { describe, expect, it } from 'vitest';
import { buildDeck, NOTE_LABELS, NOTE_PARAGRAPHS, type Scene } from '../../src/lessons/deck';
import { readLessons } from './headlessLessons';
import { parseLesson } from '../../src/lessons/parseLesson';

const front = `---
id: demo
title: Demo lesson
order: 1
summary: A lesson to test decks.
minutes: 12
unlocks: [milestone]
---
`;

const experiment = (id: string, extra = '') => `:::experiment ${id}
title: Experiment ${id}
base: { dataset: spiral, depth: 2, width: 8 }
runs:
  - label: Net
  - label: Other
    settings: { learningRate: 0.01 }
charts: [loss]
steps: 50
takeaway: The loss of ${id} falls.
${extra}:::`;

const quiz = (id: string, extra = '') => `:::quiz ${id}
question: Question ${id}?
choices:
  - { text: Right, correct: true, explanation: Because ${id}. }
  - { text: Wrong, explanation: Not ${id}. }
${extra}:::`;

const widget = (id: string, extra = '') => `:::widget ${id}
widget: axesCube
title: Cube ${id}
${extra}:::`;

function deckOf(body: string) {
  const lesson = parseLesson(`${front}${body}`, 'demo.md');
  expect(lesson.issues).toEqual([]);
  return buildDeck({ ...lesson, meta: lesson.meta! });
}

const summary = (scene: Scene) => `${scene.kind}:${scene.id}`;

describe('buildDeck', () => {
  it('makes a title scene, then one scene per experiment, widget, display equation and quiz, in order', () => {
    const deck = deckOf(
      `
Opening words.

## Part one

Lead to the formula:

$$
y = Wx
$$

${experiment('exp-a')}

Some code that is not a scene:

\`\`\`text
$$
not math
$$
\`\`\`

${widget('cube')}

:::checkpoint cp
title: Did it
description: Run it.
earnedBy: { experiment: exp-a }
:::

## Quiz

${quiz('q-one')}

${quiz('q-two')}
`.replace(
        'takeaway: The loss of exp-a falls.',
        'takeaway: The loss of exp-a falls.\nclaim: { kind: lossFalls, run: Net, fraction: 0.9 }',
      ),
    );
    expect(deck.lessonId).toBe('demo');
    expect(deck.title).toBe('Demo lesson');
    expect(deck.scenes.map(summary)).toEqual([
      'title:title',
      'equation:equation-16',
      'experiment:exp-a',
      'widget:cube',
      'quiz:q-one',
      'quiz:q-two',
    ]);
    const [title, equation, exp, cube, q1, q2] = deck.scenes;
    expect(title).toMatchObject({
      title: 'Demo lesson',
      summary: 'A lesson to test decks.',
      minutes: 12,
    });
    expect(equation).toMatchObject({ tex: 'y = Wx', section: 'Part one', title: 'Part one' });
    expect(exp).toMatchObject({ title: 'Experiment exp-a', section: 'Part one' });
    expect(cube).toMatchObject({ title: 'Cube cube', section: 'Part one' });
    expect(q1).toMatchObject({ title: 'Question 1 of 2', section: 'Quiz' });
    expect(q2).toMatchObject({ title: 'Question 2 of 2' });
  });

  it('takes each scene’s notes from the prose around it, within its section, and an experiment’s takeaway', () => {
    const deck = deckOf(`
First opening paragraph.

Second opening paragraph.

## Section A

Far paragraph, too far to count.

Middle paragraph.

Near paragraph, just before.

${widget('probe')}

Right after the widget.

Then one more.

And a third, beyond the limit.

${experiment('exp')}

## Section B

${quiz('q')}
`);
    expect(NOTE_PARAGRAPHS).toBe(2);
    const byId = new Map(deck.scenes.map((s) => [s.id, s]));
    expect(byId.get('title')!.notes).toEqual([
      { label: NOTE_LABELS.after, text: 'First opening paragraph.\n\nSecond opening paragraph.' },
    ]);
    expect(byId.get('probe')!.notes).toEqual([
      { label: NOTE_LABELS.before, text: 'Middle paragraph.\n\nNear paragraph, just before.' },
      { label: NOTE_LABELS.after, text: 'Right after the widget.\n\nThen one more.' },
    ]);
    expect(byId.get('exp')!.notes).toEqual([
      { label: NOTE_LABELS.before, text: 'Then one more.\n\nAnd a third, beyond the limit.' },
      { label: NOTE_LABELS.takeaway, text: 'The loss of exp falls.' },
    ]);
    // A heading ends the prose that belongs to a scene: the quiz has none of section A's text.
    expect(byId.get('q')!.notes).toEqual([]);
  });

  it('asks the room for an experiment’s prediction first, with the choice the runs bear out', () => {
    const deck = deckOf(`
:::prediction guess
experiment: exp
question: How accurate will **Net** be?
measure: { kind: finalAccuracy, run: Net }
choices:
  - { text: Under half, below: 0.5 }
  - { text: Half or more, from: 0.5, expected: true }
explanation: It learns the spiral.
:::

${experiment('exp')}
`);
    expect(deck.scenes[1]!.notes[0]).toEqual({
      label: NOTE_LABELS.prediction,
      text: 'How accurate will **Net** be?\n\n- Under half\n- Half or more (what the runs show)',
    });
  });

  it('uses a block’s own notes instead of the prose around it', () => {
    const deck = deckOf(`
Prose before.

${experiment('exp', 'notes: Ask the room which run will win **before** pressing Space.\n')}

${quiz('q', 'notes: >-\n  Give them a minute to vote.\n')}

Prose after.
`);
    const [, exp, q] = deck.scenes;
    expect(exp!.notes).toEqual([
      {
        label: NOTE_LABELS.author,
        text: 'Ask the room which run will win **before** pressing Space.',
      },
    ]);
    expect(q!.notes).toEqual([{ label: NOTE_LABELS.author, text: 'Give them a minute to vote.' }]);
  });

  it('leaves out the hidden experiment of a mystery network, as the lesson page does, and gives a practice’s task to its experiment', () => {
    // A mystery network opens in the Lab as one run, so its experiment has one.
    const deck = deckOf(`
:::experiment mystery-lab
title: Experiment mystery-lab
base: { dataset: spiral, depth: 2, width: 8 }
runs:
  - label: Net
charts: [loss]
steps: 50
takeaway: The loss of mystery-lab falls.
:::

:::practice mystery
title: The mystery
task: Find the fault.
experiment: mystery-lab
hidden: [learningRate]
requireSettings:
  - run: Net
    settings: { learningRate: 0.3 }
claim: { kind: lossFalls, run: Net, fraction: 0.9 }
question:
  question: What is wrong?
  choices:
    - { text: The learning rate, correct: true, explanation: Yes. }
    - { text: The data, explanation: No. }
:::

${experiment('shown')}

:::practice on-shown
title: Change it
task: Give run **Other** the learning rate 0.3.
experiment: shown
requireSettings:
  - run: Other
    settings: { learningRate: 0.3 }
claim: { kind: lossFalls, run: Other, fraction: 0.9 }
:::
`);
    expect(deck.scenes.map(summary)).toEqual(['title:title', 'experiment:shown']);
    expect(deck.scenes[1]!.notes).toContainEqual({
      label: NOTE_LABELS.practice,
      text: 'Give run **Other** the learning rate 0.3.',
    });
  });

  it('builds a deck of every real lesson with every experiment the page shows, every widget and every quiz', () => {
    const lessons = readLessons('lessons');
    expect(lessons.length).toBeGreaterThanOrEqual(5);
    for (const parsed of lessons) {
      expect(parsed.issues).toEqual([]);
      const lesson = { ...parsed, meta: parsed.meta! };
      const deck = buildDeck(lesson);
      const ids = new Set(deck.scenes.map((s) => s.id));
      expect(ids.size, `${lesson.meta.id}: scene ids are unique`).toBe(deck.scenes.length);
      const hidden = new Set(
        lesson.segments.flatMap((s) =>
          s.kind === 'practice' && s.data.hidden.length > 0 ? [s.data.experiment] : [],
        ),
      );
      for (const segment of lesson.segments) {
        if (segment.kind === 'widget' || segment.kind === 'quiz')
          expect(ids.has(segment.id), `${lesson.meta.id}/${segment.id}`).toBe(true);
        if (segment.kind === 'experiment')
          expect(ids.has(segment.id), `${lesson.meta.id}/${segment.id}`).toBe(
            !hidden.has(segment.id),
          );
      }
      const equations = deck.scenes.filter((s) => s.kind === 'equation');
      expect(equations.length, `${lesson.meta.id} has display equations`).toBeGreaterThan(0);
      for (const scene of equations) {
        expect(scene.tex).not.toContain('$$');
        expect(scene.tex.trim()).not.toBe('');
      }
      // Every scene but the quizzes sits in prose the speaker can lean on.
      for (const scene of deck.scenes.filter((s) => s.kind !== 'quiz'))
        expect(scene.notes.length, `${lesson.meta.id}/${scene.id} has notes`).toBeGreaterThan(0);
    }
  });
});
