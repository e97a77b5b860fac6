/**
 * A claim behind every number: each figure an experiment's intro or takeaway (or its prediction)
 * states about what the experiment shows is a claim of that experiment (which experimentClaims.test.ts trains and checks),
 * a setting of it, or math (a formula or a constant). Practices, mystery networks and quizzes are
 * held to the same rule with a wider pool (src/lessons/blockNumbers.ts). The rule is
 * lessons/README.md's "A claim behind every number"; src/lessons/claimNumbers.ts reads the numbers.
 */
import { describe, expect, it } from 'vitest';
import {
  lessonBacking,
  unbackedPracticeNumbers,
  unbackedQuizNumbers,
} from '../../src/lessons/blockNumbers';
import { unbackedNumbers, unbackedPredictionNumbers } from '../../src/lessons/claimNumbers';
import type { BlockSegment } from '../../src/lessons/parseLesson';
import type { UnbackedNumber } from '../../src/lessons/claimNumbers';
import { LESSONS_DIR, lessonName, readLessons } from './headlessLessons';

type ExperimentBlock = Extract<BlockSegment, { kind: 'experiment' }>;
type PredictionBlock = Extract<BlockSegment, { kind: 'prediction' }>;
type PracticeBlock = Extract<BlockSegment, { kind: 'practice' }>;
type QuizBlock = Extract<BlockSegment, { kind: 'quiz' }>;

const describeUnbacked = (u: UnbackedNumber) =>
  `${u.field}: "${u.number.text}" in "…${u.context}…"`;

/**
 * Numbers of the practices and quizzes of lessons 6 and 7 that nothing backs yet. Those lessons are
 * being written (issue 16) while this check arrives: their authors back each one (a claim, math for
 * arithmetic, a setting) and delete its entry here. An entry that is backed by now fails, so that it
 * is deleted; any number not listed fails as everywhere else.
 */
const NOT_BACKED_YET: Record<string, readonly string[]> = {
  'batchnorm-after-training › q-fold-bias': ['choice 1: "−2"', 'explanation 1: "−2"'],
  'batchnorm-after-training › q-batch-two': ['choice 1: "−1"'],
  'deep-without-normalization › practice-rescue-fifty': ['task: "50"'],
  'deep-without-normalization › q-bn-cost': ['explanation 1: "three"'],
};

/** Fails on the unbacked numbers of a block, less those listed for it in NOT_BACKED_YET. */
function expectBacked(test: string, unbacked: readonly UnbackedNumber[], message: string): void {
  const listed = NOT_BACKED_YET[test] ?? [];
  const key = (u: UnbackedNumber) => `${u.field}: "${u.number.text}"`;
  expect(unbacked.filter((u) => !listed.includes(key(u))).map(describeUnbacked), message).toEqual(
    [],
  );
  const backedNow = listed.filter((entry) => !unbacked.some((u) => key(u) === entry));
  expect(backedNow, `backed now: delete these from NOT_BACKED_YET['${test}']`).toEqual([]);
}

describe(`every number an experiment states is claimed (${LESSONS_DIR}/*.md)`, () => {
  for (const lesson of readLessons()) {
    const experiments = lesson.segments.filter(
      (s): s is ExperimentBlock => s.kind === 'experiment',
    );
    for (const block of experiments) {
      it(`${lessonName(lesson)} › ${block.id}`, () => {
        const unbacked = unbackedNumbers(block.data).map(describeUnbacked);
        expect(unbacked, `${lesson.file}:${block.line}: numbers no claim or setting backs`).toEqual(
          [],
        );
      });
    }
    const predictions = lesson.segments.filter(
      (s): s is PredictionBlock => s.kind === 'prediction',
    );
    for (const block of predictions) {
      it(`${lessonName(lesson)} › ${block.id}`, () => {
        const experiment = experiments.find((e) => e.id === block.data.experiment);
        // A prediction naming no experiment is a parse issue, which experimentClaims.test.ts reports.
        expect(experiment, `${block.id} names no experiment of this lesson`).toBeDefined();
        const unbacked = unbackedPredictionNumbers(block.data, experiment!.data).map(
          describeUnbacked,
        );
        expect(unbacked, `${lesson.file}:${block.line}: numbers no claim or range backs`).toEqual(
          [],
        );
      });
    }
    const backing = lessonBacking(lesson);
    const practices = lesson.segments.filter((s): s is PracticeBlock => s.kind === 'practice');
    for (const block of practices) {
      const test = `${lessonName(lesson)} › ${block.id}`;
      it(test, () => {
        const experiment = experiments.find((e) => e.id === block.data.experiment);
        expect(experiment, `${block.id} names no experiment of this lesson`).toBeDefined();
        expectBacked(
          test,
          unbackedPracticeNumbers(block.data, experiment!.data, backing),
          `${lesson.file}:${block.line}: numbers neither the practice's claim, its experiment nor its settings back`,
        );
      });
    }
    const quizzes = lesson.segments.filter((s): s is QuizBlock => s.kind === 'quiz');
    for (const block of quizzes) {
      const test = `${lessonName(lesson)} › ${block.id}`;
      it(test, () => {
        expectBacked(
          test,
          unbackedQuizNumbers(block.data, backing),
          `${lesson.file}:${block.line}: numbers no claim, setting or probe of the lesson backs (arithmetic goes in $…$)`,
        );
      });
    }
  }

  it('NOT_BACKED_YET names only blocks that exist', () => {
    const blocks = readLessons().flatMap((l) =>
      l.segments.map((s) => `${lessonName(l)} › ${'id' in s ? s.id : ''}`),
    );
    expect(Object.keys(NOT_BACKED_YET).filter((k) => !blocks.includes(k))).toEqual([]);
  });
});
