/**
 * Issue 10: every High and Medium item of the lessons review, as test/lessons/reviewItems.ts lists
 * it, still holds. The test names say where each corrected statement stands (file:line), so the
 * list of passing tests is the table of where each item is fixed and what proves it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Claim } from '../../src/lessons/claims';
import type { BlockSegment } from '../../src/lessons/parseLesson';
import { LESSONS_DIR, readLessons } from './headlessLessons';
import { REVIEW_ITEMS } from './reviewItems';

const ROOT = join(import.meta.dirname, '../..');
const FIRST_FIVE = readLessons().filter((l) => /^lessons\/0[1-5]-/.test(l.file));
const text = (file: string) => readFileSync(join(LESSONS_DIR, file), 'utf8');

/** A pattern for a quote in which any run of whitespace matches any run of whitespace. */
const quotePattern = (quote: string) =>
  new RegExp(
    quote
      .trim()
      .split(/\s+/)
      .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join('\\s+'),
  );

/**
 * The paragraph the quote stands in: the lines between the blank lines around it (a block without
 * blank lines is one paragraph).
 */
function paragraphOf(file: string, quote: string): string | undefined {
  const source = text(file);
  const match = quotePattern(quote).exec(source);
  if (!match) return undefined;
  const start = source.lastIndexOf('\n\n', match.index);
  const end = source.indexOf('\n\n', match.index + match[0].length);
  return source.slice(start < 0 ? 0 : start, end < 0 ? undefined : end);
}

/** The line the quote starts on, or undefined when the lesson no longer says it. */
function lineOf(file: string, quote: string): number | undefined {
  const source = text(file);
  const match = quotePattern(quote).exec(source);
  return match ? source.slice(0, match.index).split('\n').length : undefined;
}

const claimKinds = (claim: Claim): string[] =>
  claim.kind === 'allOf' ? claim.claims.flatMap(claimKinds) : [claim.kind];

/** The claim kinds (experiment, practice) or probe measures (depth probe) a block checks. */
function checks(block: BlockSegment): string[] {
  switch (block.kind) {
    case 'experiment':
      return block.data.claim ? claimKinds(block.data.claim) : [];
    case 'practice':
      return claimKinds(block.data.claim);
    case 'widget':
      return block.data.widget === 'depthProbe' ? block.data.expect.map((e) => e.measure) : [];
    default:
      return [];
  }
}

function findBlock(id: string): BlockSegment | undefined {
  for (const lesson of FIRST_FIVE)
    for (const segment of lesson.segments)
      if (segment.kind !== 'markdown' && segment.kind !== 'invalid' && segment.id === id)
        return segment;
  return undefined;
}

describe('the review of lessons 01–05: every High and Medium item', () => {
  it('lists A1–A7 and B1–B15, once each', () => {
    const expected = [
      ...Array.from({ length: 7 }, (_, i) => `A${i + 1}`),
      ...Array.from({ length: 15 }, (_, i) => `B${i + 1}`),
    ];
    expect(REVIEW_ITEMS.map((i) => i.id)).toEqual(expected);
  });

  for (const item of REVIEW_ITEMS) {
    const line = lineOf(item.lesson, item.says);
    const where = `lessons/${item.lesson}:${line ?? '(missing)'}`;
    it(`${item.id} (${item.finding}): ${where}`, () => {
      expect(line, `lessons/${item.lesson} no longer says “${item.says}”`).toBeDefined();
      for (const wrong of item.gone ?? [])
        for (const lesson of FIRST_FIVE)
          expect(
            quotePattern(wrong).test(text(lesson.file.replace(/^lessons\//, ''))),
            `${lesson.file} still says “${wrong}”`,
          ).toBe(false);
      if (item.cites !== undefined)
        expect(
          paragraphOf(item.lesson, item.says),
          `the paragraph of “${item.says}” reports a paper's finding without its id ${item.cites}`,
        ).toContain(item.cites);
      expect(item.backedBy.length).toBeGreaterThan(0);
      for (const backing of item.backedBy) {
        if ('block' in backing) {
          const block = findBlock(backing.block);
          expect(block, `no block ${backing.block} in lessons 01–05`).toBeDefined();
          const checked = checks(block!);
          for (const kind of backing.claims)
            expect(checked, `${backing.block} checks no ${kind}`).toContain(kind);
        } else {
          const path = join(ROOT, backing.test);
          expect(existsSync(path), backing.test).toBe(true);
          expect(readFileSync(path, 'utf8'), `${backing.test} has no “${backing.name}”`).toContain(
            backing.name,
          );
        }
      }
    });
  }
});
