import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseLesson } from '../../src/lessons/parseLesson';
import { ALPHA } from './progress/fixtureTrack';

// A small lesson with every kind of block (the real ones take long enough to parse that 1,000 would be slow).
const LINES = ALPHA.split('\n');

function expectParsedOrIssues(source: string): void {
  const parsed = parseLesson(source, 'lessons/fuzz.md');
  // Every case ends with a lesson or with issues that say where and what.
  if (parsed.meta === undefined || parsed.segments.some((s) => s.kind === 'invalid'))
    expect(parsed.issues.length).toBeGreaterThan(0);
  for (const issue of parsed.issues) {
    expect(issue.line).toBeGreaterThanOrEqual(1);
    expect(issue.message.length).toBeGreaterThan(0);
  }
}

describe('parseLesson properties (fast-check)', () => {
  it('turns any text into a lesson or located issues, never a throw', () => {
    const piece = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 80 }),
      fc.constantFrom(
        '---',
        ':::',
        ':::quiz q',
        ':::experiment e',
        'id: x',
        'formerIds: [a]',
        'choices:',
        '  - { text: A, correct: true }',
        'constructor',
        '__proto__: 1',
        '$$',
        '&a [*a, *a]',
      ),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (lines) =>
        expectParsedOrIssues(lines.join('\n')),
      ),
      { numRuns: 1000 },
    );
  });

  it('survives a lesson with lines deleted, duplicated or swapped', () => {
    const edit = fc.record({
      at: fc.nat({ max: LINES.length - 1 }),
      kind: fc.constantFrom('delete', 'duplicate', 'swap', 'truncate'),
      other: fc.nat({ max: LINES.length - 1 }),
    });
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 4 }), (edits) => {
        const lines = [...LINES];
        for (const { at, kind, other } of edits) {
          const i = Math.min(at, lines.length - 1);
          const j = Math.min(other, lines.length - 1);
          if (kind === 'delete') lines.splice(i, 1);
          else if (kind === 'duplicate') lines.splice(i, 0, lines[i] ?? '');
          else if (kind === 'swap') [lines[i], lines[j]] = [lines[j] ?? '', lines[i] ?? ''];
          else lines[i] = (lines[i] ?? '').slice(0, Math.floor((lines[i] ?? '').length / 2));
        }
        expectParsedOrIssues(lines.join('\n'));
      }),
      { numRuns: 1000 },
    );
  });
});
