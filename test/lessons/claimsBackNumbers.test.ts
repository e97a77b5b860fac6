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

/** Fails on the unbacked numbers of a block. */
function expectBacked(unbacked: readonly UnbackedNumber[], message: string): void {
  expect(unbacked.map(describeUnbacked), message).toEqual([]);
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
          unbackedQuizNumbers(block.data, backing),
          `${lesson.file}:${block.line}: numbers no claim, setting or probe of the lesson backs (arithmetic goes in $…$)`,
        );
      });
    }
  }
});
