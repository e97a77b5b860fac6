import { describe, expect, it } from 'vitest';
import { DEFAULT_RUN_SETTINGS } from '../../../src/lab/labSettings';
import { parseLesson } from '../../../src/lessons/parseLesson';
import { progressCatalog } from '../../../src/lessons/progress/catalog';
import { evaluateCheckpoint } from '../../../src/lessons/progress/checkpoints';
import { evaluatePractice } from '../../../src/lessons/progress/practice';
import { restoreProgress, serializeProgress } from '../../../src/lessons/progress/restore';
import { EMPTY_PROGRESS, type Progress } from '../../../src/lessons/progress/schema';
import { settleProgress } from '../../../src/lessons/progress/settle';
import type { Checkpoint, Practice } from '../../../src/lessons/schema';
import { CHECKPOINTS, EXPERIMENTS, FRONT, MYSTERY, PRACTICE, deltaTrack } from './practiceFixture';

/**
 * Checkpoints earned by a practice (the learner's own change, shown in their own runs), and mystery
 * networks (hidden settings, a question naming the fault, the fix inside the hidden settings).
 */

const AT = '2026-12-01T10:00:00.000Z';
const track = deltaTrack();
const lesson = track.lessons[0]!;

function block<K extends 'checkpoint' | 'practice'>(
  kind: K,
  id: string,
): K extends 'checkpoint' ? Checkpoint : Practice {
  const s = lesson.segments.find((x) => x.kind === kind && 'id' in x && x.id === id);
  if (!s || s.kind !== kind) throw new Error(`no ${kind} ${id}`);
  return s.data as K extends 'checkpoint' ? Checkpoint : Practice;
}

function issuesOf(source: string): string[] {
  return parseLesson(FRONT + source, 'lessons/x.md').issues.map((i) => i.message);
}

/** The lesson of EXPERIMENTS followed by `blocks` has this one issue and no other. */
function expectOnlyIssue(blocks: string, issue: string): void {
  expect(issuesOf(EXPERIMENTS + blocks)).toEqual([issue]);
}

describe('a checkpoint earned by a practice', () => {
  const byPractice = block('checkpoint', 'by-practice');

  it('is not earned by running the prepared experiment, even with the chart viewed', () => {
    const watched: Progress = {
      ...EMPTY_PROGRESS,
      experiments: { 'delta/prepared': { at: AT, detail: 'Normalized: loss 1.0 → 0.2' } },
      viewedCharts: { 'delta/prepared': ['weights'] },
    };
    expect(evaluateCheckpoint(lesson, byPractice, watched, track)).toEqual({
      earned: false,
      reason:
        'Do the practice “Add BatchNorm yourself” yourself: make the change it asks for and train until its effect shows.',
    });
    expect(settleProgress(watched, track, new Date(AT)).checkpoints).toEqual({});
  });

  it('needs the practice passed and then the named chart of the changed runs', () => {
    const passed: Progress = {
      ...EMPTY_PROGRESS,
      practice: { 'delta/add-norm': { at: AT, detail: 'Mine: loss 1.0 → 0.2' } },
    };
    expect(evaluateCheckpoint(lesson, byPractice, passed, track)).toEqual({
      earned: false,
      reason:
        'You passed “Add BatchNorm yourself”; now look at its Weights chart with your changed runs in it.',
    });
    const viewed = { ...passed, viewedCharts: { 'delta/add-norm': ['weights' as const] } };
    expect(evaluateCheckpoint(lesson, byPractice, viewed, track)).toEqual({
      earned: true,
      reason: '“Add BatchNorm yourself”: Mine: loss 1.0 → 0.2',
    });
    expect(settleProgress(viewed, track, new Date(AT)).checkpoints['delta/by-practice']).toEqual({
      at: AT,
      detail: '“Add BatchNorm yourself”: Mine: loss 1.0 → 0.2',
    });
  });

  it('keeps charts viewed in a practice when saved progress is read back', () => {
    const viewed: Progress = {
      ...EMPTY_PROGRESS,
      viewedCharts: { 'delta/add-norm': ['weights'] },
    };
    const restored = restoreProgress(serializeProgress(viewed), progressCatalog(track));
    expect(restored.ok && restored.progress.viewedCharts).toEqual({
      'delta/add-norm': ['weights'],
    });
    expect(restored.ok && restored.notices).toEqual([]);
  });
});

describe('a mystery network', () => {
  const mystery = block('practice', 'mystery');
  const runs = (validationMode: 'eval' | 'train') => [
    {
      label: 'Mystery',
      settings: { ...DEFAULT_RUN_SETTINGS, norm: 'batchNorm' as const, validationMode },
    },
  ];
  const shown = { shown: true, detail: 'Mystery: validation accuracy 85.0% at step 100' };
  const notShown = { shown: false, detail: 'Mystery: validation accuracy 60.0% at step 100' };

  it('does not name the fix until the learner has named the fault', () => {
    const verdict = evaluatePractice(mystery, runs('train'), notShown, false);
    expect(verdict.conditions.map((c) => c.text)).toEqual([
      'The fault is named (the question below)',
      'The fault is fixed in the network',
      'The effect shows in your runs (not yet: Mystery: validation accuracy 60.0% at step 100)',
    ]);
    expect(verdict.conditions.map((c) => c.text).join(' ')).not.toMatch(/validation mode|eval/i);
  });

  it('spells out the fix once the fault is named', () => {
    const verdict = evaluatePractice(mystery, runs('train'), notShown, true);
    expect(verdict.conditions.map((c) => [c.text, c.met])).toEqual([
      ['The fault is named (the question below)', true],
      [
        'Run “Mystery” uses validation mode Eval mode (running statistics) (now Train mode (batch statistics))',
        false,
      ],
      [
        'The effect shows in your runs (not yet: Mystery: validation accuracy 60.0% at step 100)',
        false,
      ],
    ]);
  });

  it('passes only with the fault named, the fix made and a run with the fix showing the effect', () => {
    expect(evaluatePractice(mystery, runs('eval'), shown, true).passed).toBe(true);
    expect(evaluatePractice(mystery, runs('eval'), shown, false).passed).toBe(false);
    expect(evaluatePractice(mystery, runs('train'), shown, true).passed).toBe(false);
    expect(evaluatePractice(mystery, runs('eval'), notShown, true).passed).toBe(false);
    expect(evaluatePractice(mystery, runs('eval'), shown, true).changed).toBe(true);
  });
});

describe('lesson checks for practices and mystery networks', () => {
  it('accepts the lesson above', () => {
    expect(issuesOf(EXPERIMENTS + PRACTICE + MYSTERY + CHECKPOINTS)).toEqual([]);
  });

  it('refuses a practice whose required settings already hold as written', () => {
    const lazy = PRACTICE.replace('{ norm: batchNorm }', '{ norm: none }');
    expectOnlyIssue(
      lazy,
      ":::practice add-norm: requireSettings for run 'Mine' already hold in the experiment as written; ask for a change the learner has to make",
    );
  });

  it("refuses required settings that the registry's rules rule out beside the run's others", () => {
    const instance = PRACTICE.replace('{ norm: batchNorm }', '{ norm: instanceNorm }');
    expectOnlyIssue(
      instance,
      ":::practice add-norm: requireSettings for run 'Mine' asks for norm InstanceNorm, which the learner cannot set: InstanceNorm normalizes over image pixels, so it needs the CNN (the run would train with None)",
    );
    const groups = PRACTICE.replace('{ norm: batchNorm }', '{ norm: groupNorm, groups: 3 }');
    expectOnlyIssue(
      groups,
      ":::practice add-norm: requireSettings for run 'Mine' asks for groups 3, which the learner cannot set: GroupNorm's groups must divide the width (8) (the run would train with 2)",
    );
  });

  it('refuses a mystery without a question, or with its fix outside the hidden settings', () => {
    const noQuestion = MYSTERY.slice(0, MYSTERY.indexOf('question:')) + ':::\n';
    expectOnlyIssue(
      noQuestion,
      ':::practice mystery: a mystery network (hidden settings) needs a question that names the fault',
    );
    const visibleFix = MYSTERY.replace('hidden: [validationMode, norm]', 'hidden: [norm]');
    expectOnlyIssue(
      visibleFix,
      ':::practice mystery: requireSettings changes validationMode, which is not hidden; the fix of a mystery network lies in its hidden settings',
    );
  });

  it('refuses a checkpoint naming a missing practice, a chart the practice does not show, or a mystery’s experiment', () => {
    const missing = CHECKPOINTS.replace('practice: add-norm', 'practice: nope');
    const chart = CHECKPOINTS.replace('viewedChart: weights', 'viewedChart: bnStats');
    const secret = `
:::checkpoint peek
title: Peek
description: Run the mystery's experiment as written.
earnedBy: { experiment: mystery-lab }
:::
`;
    expectOnlyIssue(
      PRACTICE + MYSTERY + missing,
      ":::checkpoint by-practice: earnedBy names 'nope', not a practice of this lesson",
    );
    expectOnlyIssue(
      PRACTICE + MYSTERY + chart,
      ":::checkpoint by-practice: earnedBy asks for the bnStats chart, which the practice's experiment does not show (it shows loss, weights)",
    );
    const claimed = EXPERIMENTS.replace(
      'charts: [loss]\nsteps: 100\n',
      'charts: [loss]\nsteps: 100\nclaim: { kind: lossFalls, run: Mystery, fraction: 0.6 }\n',
    );
    expect(issuesOf(claimed + PRACTICE + MYSTERY + secret)).toEqual([
      ":::checkpoint peek: earnedBy names 'mystery-lab', the hidden experiment of a mystery network",
    ]);
  });
});
