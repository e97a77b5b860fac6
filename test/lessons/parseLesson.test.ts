import { describe, expect, it } from 'vitest';
import { parseLesson } from '../../src/lessons/parseLesson';

const front = `---
id: demo
title: Demo lesson
order: 1
summary: A lesson to test the parser.
minutes: 5
unlocks: [milestone]
---
`;

const experiment = `:::experiment bn-demo
title: With and without BatchNorm
base: { dataset: spiral, depth: 6 }
runs:
  - label: Plain
  - label: BatchNorm
    settings: { norm: batchNorm }
charts: [loss]
steps: 300
claim: { kind: fasterToLoss, fast: BatchNorm, slow: Plain, loss: 0.5, ratio: 0.6 }
:::`;

/** The lesson `front` opens, holding `block` as its only content. */
const lessonWith = (block: string) => parseLesson(`${front}\n${block}\n`, 'x.md');

/** The message of the one issue the lesson holding `block` has (it must have exactly one). */
function onlyIssue(block: string): string {
  const { issues } = lessonWith(block);
  expect(issues).toHaveLength(1);
  return issues[0]!.message;
}

describe('parseLesson', () => {
  it('parses front matter, prose and a valid experiment block with its settings typed', () => {
    const lesson = parseLesson(
      `${front}\n# Title\n\nSome $x^2$ prose.\n\n${experiment}\n\nMore prose.\n`,
      'demo.md',
    );
    expect(lesson.issues).toEqual([]);
    expect(lesson.meta?.id).toBe('demo');
    expect(lesson.segments.map((s) => s.kind)).toEqual(['markdown', 'experiment', 'markdown']);
    const exp = lesson.segments[1]!;
    if (exp.kind !== 'experiment') throw new Error('expected an experiment');
    expect(exp.line).toBe(14);
    expect(exp.data.base).toEqual({ dataset: 'spiral', depth: 6 });
    expect(exp.data.runs[1]!.settings).toEqual({ norm: 'batchNorm' });
  });

  it('turns a bad block into an inline error with the file, line and what is wrong, keeping the rest', () => {
    const bad = experiment.replace('norm: batchNorm', 'norm: superNorm');
    const lesson = parseLesson(`${front}\nIntro.\n\n${bad}\n\nAfter.\n`, 'lessons/demo.md');
    expect(lesson.segments.map((s) => s.kind)).toEqual(['markdown', 'invalid', 'markdown']);
    expect(lesson.issues).toHaveLength(1);
    expect(lesson.issues[0]!.file).toBe('lessons/demo.md');
    expect(lesson.issues[0]!.line).toBe(12);
    expect(lesson.issues[0]!.message).toContain('runs.1.settings.norm: "superNorm" is not one of');
  });

  it('reports TeX broken by a double-quoted YAML escape (\\approx read as a bell and "pprox")', () => {
    const quoted = experiment.replace(
      'title: With and without BatchNorm',
      'title: "About $2^{10} \\approx 1000$ times"',
    );
    const message = onlyIssue(quoted);
    expect(message).toContain('contains the control character U+0007');
    expect(message).toContain('single quotes');
    const single = experiment.replace(
      'title: With and without BatchNorm',
      "title: 'About $2^{10} \\approx 1000$ times'",
    );
    expect(lessonWith(single).issues).toEqual([]);
  });

  it('reports a run the Lab could not train as written, by the settings rules', () => {
    const bad = experiment.replace('norm: batchNorm', 'norm: instanceNorm');
    expect(onlyIssue(bad)).toContain(
      "runs.1.settings.norm: instanceNorm cannot be used in run 'BatchNorm': InstanceNorm normalizes over image pixels, so it needs the CNN (it would train with none)",
    );
    const cnnOnPoints = experiment.replace('depth: 6', 'depth: 6, architecture: cnn');
    expect(lessonWith(cnnOnPoints).issues[0]!.message).toContain(
      'base.architecture: cnn cannot be used in run',
    );
  });

  it("refuses a run on the learner's own data, which a lesson cannot have", () => {
    const own = experiment.replace('norm: batchNorm', 'norm: batchNorm, dataset: csv');
    expect(onlyIssue(own)).toContain(
      "runs.1.settings.dataset: csv is the learner's own data, which only the Lab can train on: run 'BatchNorm' needs a built-in data set",
    );
  });

  it('reports a claim that names a run the experiment does not have', () => {
    const lesson = parseLesson(
      `${front}\n${experiment.replace('fast: BatchNorm', 'fast: LayerNorm')}\n`,
      'x.md',
    );
    expect(lesson.issues[0]!.message).toContain(`claim names run 'LayerNorm'`);
  });

  it('reports YAML syntax errors at the line they occur', () => {
    const lesson = lessonWith(`:::quiz q1\nquestion: [unclosed\n:::`);
    expect(lesson.issues[0]!.line).toBe(10);
    expect(lesson.issues[0]!.message).toMatch(/YAML/);
  });

  it('refuses a lesson or block id that JavaScript objects already have (audit L4)', () => {
    const lesson = parseLesson(front.replace('id: demo', 'id: constructor'), 'x.md');
    expect(lesson.issues.map((i) => i.message).join('\n')).toContain(
      "must not be 'constructor' (a name JavaScript objects already have)",
    );
    const block = lessonWith(`:::quiz constructor\nquestion: q\n:::`);
    expect(block.issues.map((i) => i.message).join('\n')).toContain(
      "block id 'constructor' is a name JavaScript objects already have",
    );
  });

  it('reports an unknown block kind, a missing id and an unclosed block', () => {
    expect(lessonWith(`:::video intro\nurl: x\n:::`).issues[0]!.message).toContain(
      `unknown block kind 'video'`,
    );
    expect(lessonWith(`:::quiz\nquestion: q\n:::`).issues[0]!.message).toContain(
      'block id missing',
    );
    expect(lessonWith(`:::quiz q1\nquestion: q`).issues[0]!.message).toContain('never closed');
  });

  it('requires exactly one correct quiz choice and an explanation for every choice', () => {
    const quiz = `:::quiz q1
question: Why?
choices:
  - { text: A, correct: true, explanation: Because. }
  - { text: B, correct: true, explanation: Also. }
  - { text: C }
:::`;
    const messages = (source: string) =>
      lessonWith(source)
        .issues.map((i) => i.message)
        .join('\n');
    expect(messages(quiz)).toContain('choices.2.explanation');
    expect(messages(quiz.replace('{ text: C }', '{ text: C, explanation: No. }'))).toContain(
      'must mark exactly one choice correct, found 2',
    );
  });

  it('reports broken front matter', () => {
    const lesson = parseLesson(front.replace('order: 1', 'order: first'), 'x.md');
    expect(lesson.meta).toBeUndefined();
    expect(lesson.issues[0]!.message).toContain('front matter: order');
    expect(parseLesson('# No front matter', 'y.md').issues[0]!.message).toContain(
      'must start with a --- line',
    );
  });
});

describe('speaker notes (notes: in a block)', () => {
  const quiz = (extra: string) => `:::quiz q-notes
question: Which?
choices:
  - { text: This one, correct: true, explanation: Right. }
  - { text: That one, explanation: Wrong. }
${extra}
:::`;

  it('keeps notes of an experiment, a widget or a quiz beside the block, out of its data', () => {
    const lesson = parseLesson(
      `${front}\n${experiment.replace(':::\n', ':::\n').replace(/:::$/, 'notes: Pause after the first 50 steps.\n:::')}\n\n${quiz('notes: >-\n  Let the room vote first.')}\n\n:::widget cube\nwidget: axesCube\ntitle: The cube\nnotes: Point at the batch axis.\n:::\n`,
      'demo.md',
    );
    expect(lesson.issues).toEqual([]);
    const notes = lesson.segments.flatMap((s) =>
      s.kind === 'markdown' || s.kind === 'invalid' ? [] : [[s.id, s.notes]],
    );
    expect(notes).toEqual([
      ['bn-demo', 'Pause after the first 50 steps.'],
      ['q-notes', 'Let the room vote first.'],
      ['cube', 'Point at the batch axis.'],
    ]);
    const quizSegment = lesson.segments.find((s) => s.kind === 'quiz');
    expect(quizSegment?.kind === 'quiz' && 'notes' in quizSegment.data).toBe(false);
  });

  it('refuses empty notes and notes that are not text, naming the block', () => {
    for (const [extra, message] of [
      ['notes: ""', 'notes must be text (Markdown)'],
      ['notes: [a, b]', 'notes must be text (Markdown)'],
    ] as const) {
      const lesson = parseLesson(`${front}\n${quiz(extra)}\n`, 'demo.md');
      expect(lesson.issues).toHaveLength(1);
      expect(lesson.issues[0]!.message).toContain(':::quiz q-notes: ');
      expect(lesson.issues[0]!.message).toContain(message);
    }
  });

  it('refuses notes on a block the deck does not show, saying which blocks take them', () => {
    const lesson = parseLesson(
      `${front}\n${experiment}\n\n:::checkpoint cp\ntitle: Saw it\ndescription: Run it.\nearnedBy: { experiment: bn-demo }\nnotes: Say well done.\n:::\n`,
      'demo.md',
    );
    expect(lesson.issues.map((i) => i.message)).toEqual([
      ':::checkpoint cp: notes: a checkpoint block is not a scene of the lecture deck, so it takes no speaker notes (experiment, widget, quiz blocks do)',
    ]);
  });

  it('refuses notes on the hidden experiment of a mystery network', () => {
    const mystery = `:::practice mystery
title: The mystery
task: Find the fault.
experiment: bn-demo
hidden: [norm]
requireSettings:
  - run: Plain
    settings: { norm: layerNorm }
claim: { kind: fasterToLoss, fast: BatchNorm, slow: Plain, loss: 0.5, ratio: 0.6 }
question:
  question: What is wrong?
  choices:
    - { text: The norm, correct: true, explanation: Yes. }
    - { text: The data, explanation: No. }
:::`;
    const lesson = parseLesson(
      `${front}\n${experiment.replace(/:::$/, 'notes: Hidden.\n:::')}\n\n${mystery}\n`,
      'demo.md',
    );
    // (This two-run experiment is also refused as a mystery's, which the Lab opens as one run.)
    expect(lesson.issues.map((i) => i.message)).toContain(
      ':::experiment bn-demo: notes: the experiment of a mystery network is not a scene of the lecture deck (its settings are hidden), so it takes no speaker notes',
    );
  });
});
