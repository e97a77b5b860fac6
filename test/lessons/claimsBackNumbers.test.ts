/**
 * A claim behind every number: each figure an experiment's intro or takeaway states about what the
 * experiment shows is a claim of that experiment (which experimentClaims.test.ts trains and checks),
 * a setting of it, or math (a formula or a constant). The rule is lessons/README.md's "A claim behind
 * every number"; src/lessons/claimNumbers.ts reads the numbers.
 */
import { describe, expect, it } from 'vitest';
import { unbackedNumbers } from '../../src/lessons/claimNumbers';
import type { BlockSegment } from '../../src/lessons/parseLesson';
import { LESSONS_DIR, lessonName, readLessons } from './headlessLessons';

type ExperimentBlock = Extract<BlockSegment, { kind: 'experiment' }>;

describe(`every number an experiment states is claimed (${LESSONS_DIR}/*.md)`, () => {
  for (const lesson of readLessons()) {
    const experiments = lesson.segments.filter(
      (s): s is ExperimentBlock => s.kind === 'experiment',
    );
    for (const block of experiments) {
      it(`${lessonName(lesson)} › ${block.id}`, () => {
        const unbacked = unbackedNumbers(block.data).map(
          (u) => `${u.field}: "${u.number.text}" in "…${u.context}…"`,
        );
        expect(unbacked, `${lesson.file}:${block.line}: numbers no claim or setting backs`).toEqual(
          [],
        );
      });
    }
  }
});
