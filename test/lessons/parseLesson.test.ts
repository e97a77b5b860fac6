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

  it('reports a claim that names a run the experiment does not have', () => {
    const lesson = parseLesson(
      `${front}\n${experiment.replace('fast: BatchNorm', 'fast: LayerNorm')}\n`,
      'x.md',
    );
    expect(lesson.issues[0]!.message).toContain(`claim names run 'LayerNorm'`);
  });

  it('reports YAML syntax errors at the line they occur', () => {
    const lesson = parseLesson(`${front}\n:::quiz q1\nquestion: [unclosed\n:::\n`, 'x.md');
    expect(lesson.issues[0]!.line).toBe(10);
    expect(lesson.issues[0]!.message).toMatch(/YAML/);
  });

  it('reports an unknown block kind, a missing id and an unclosed block', () => {
    expect(
      parseLesson(`${front}\n:::video intro\nurl: x\n:::\n`, 'x.md').issues[0]!.message,
    ).toContain(`unknown block kind 'video'`);
    expect(
      parseLesson(`${front}\n:::quiz\nquestion: q\n:::\n`, 'x.md').issues[0]!.message,
    ).toContain('block id missing');
    expect(parseLesson(`${front}\n:::quiz q1\nquestion: q\n`, 'x.md').issues[0]!.message).toContain(
      'never closed',
    );
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
      parseLesson(`${front}\n${source}\n`, 'x.md')
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
