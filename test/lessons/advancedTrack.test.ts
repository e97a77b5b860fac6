import { describe, expect, it } from 'vitest';
import { peekingScope } from '../../src/lessons/progress/checkpoints';
import { EMPTY_PROGRESS } from '../../src/lessons/progress/schema';
import {
  completionSummary,
  coreLessons,
  lessonStates,
  milestoneAccess,
} from '../../src/lessons/progress/unlock';
import { buildTrack } from '../../src/lessons/track';
import { loadTrack } from '../../src/lessons/loadTrack';
import { ALPHA, BETA, quizBlock } from './progress/fixtureTrack';

const AT = '2025-03-01T10:00:00.000Z';

/** An advanced-track lesson with four quizzes and, optionally, an 'all' no-peeking checkpoint. */
function advanced(id: string, order: number, extra = ''): string {
  const quizzes = [1, 2, 3, 4].map((n) => quizBlock(`${id}q${n}`, `${id} question ${n}?`));
  return `---
id: ${id}
title: ${id} lesson
order: ${order}
summary: An advanced lesson.
minutes: 10
unlocks: []
track: advanced
---

${quizzes.join('\n')}
${extra}`;
}

const FILES = {
  'lessons/01-alpha.md': ALPHA,
  'lessons/02-beta.md': BETA,
  'lessons/06-delta.md': advanced('delta', 6),
  'lessons/08-eta.md': advanced(
    'eta',
    8,
    ':::checkpoint all-eta\ntitle: No peeking\ndescription: Answer them all.\nearnedBy: { quizzesWithoutPeeking: all }\n:::\n',
  ),
};

describe('the advanced track', () => {
  const track = buildTrack(FILES);

  it('is a validated front-matter field: core by default, advanced when marked', () => {
    expect(track.issues).toEqual([]);
    expect(track.lessons.map((l) => [l.meta.id, l.meta.track])).toEqual([
      ['alpha', 'core'],
      ['beta', 'core'],
      ['delta', 'advanced'],
      ['eta', 'advanced'],
    ]);
    const wrong = buildTrack({
      ...FILES,
      'lessons/06-delta.md': advanced('delta', 6).replace('track: advanced', 'track: extra'),
    });
    expect(wrong.issues.map((i) => i.message).join('\n')).toMatch(
      /track.*must be 'core' or 'advanced'/,
    );
  });

  it('comes after every core lesson and never unlocks the milestone', () => {
    const early = buildTrack({ ...FILES, 'lessons/06-delta.md': advanced('delta', 1) });
    expect(early.issues.map((i) => i.message)).toContain(
      "front matter: an advanced-track lesson comes after the whole course, but order 1 is before core lesson 'beta' (order 2)",
    );
    const toMilestone = buildTrack({
      ...FILES,
      'lessons/06-delta.md': advanced('delta', 6).replace('unlocks: []', 'unlocks: [milestone]'),
    });
    expect(toMilestone.issues.map((i) => i.message)).toContain(
      "front matter: an advanced-track lesson cannot unlock the milestone (the course's last lesson does; the advanced track is optional)",
    );
  });

  it('opens every advanced lesson when the last core lesson is completed, not one after another', () => {
    const open = (completed: string[]) =>
      lessonStates(track, {
        ...EMPTY_PROGRESS,
        completedLessons: Object.fromEntries(completed.map((id) => [id, AT])),
      }).map((s) => s.access.open);
    expect(open(['alpha'])).toEqual([true, true, false, false]);
    expect(open(['alpha', 'beta'])).toEqual([true, true, true, true]);
    const eta = lessonStates(track, EMPTY_PROGRESS)[3]!.access;
    expect(eta.open === false && eta.reason).toBe(
      'This lesson opens when you complete “Beta lesson”.',
    );
  });

  it('leaves the milestone to the course: completing the core lessons opens it', () => {
    const one = milestoneAccess(track, { ...EMPTY_PROGRESS, completedLessons: { alpha: AT } });
    expect(one.open === false && one.reason).toBe(
      'It opens when you complete every core lesson: 1 of 2 done so far.',
    );
    expect(one.open === false && one.after.map((l) => l.meta.id)).toEqual(['beta']);
    expect(
      milestoneAccess(track, { ...EMPTY_PROGRESS, completedLessons: { alpha: AT, beta: AT } }),
    ).toEqual({ open: true });
    expect(coreLessons(track).map((l) => l.meta.id)).toEqual(['alpha', 'beta']);
  });

  it('counts the course and the advanced track apart on the start page', () => {
    const summary = (completed: string[]) =>
      completionSummary(
        lessonStates(track, {
          ...EMPTY_PROGRESS,
          completedLessons: Object.fromEntries(completed.map((id) => [id, AT])),
        }),
      );
    expect(summary([])).toBe('Course: 0 of 2 completed. Advanced track: 0 of 2 completed.');
    expect(summary(['alpha', 'beta', 'eta'])).toBe(
      'Course: 2 of 2 completed. Advanced track: 1 of 2 completed.',
    );
    const courseOnly = buildTrack({ 'lessons/01-alpha.md': ALPHA, 'lessons/02-beta.md': BETA });
    expect(
      completionSummary(
        lessonStates(courseOnly, { ...EMPTY_PROGRESS, completedLessons: { alpha: AT } }),
      ),
    ).toBe('1 of 2 completed.');
  });

  it("reads a no-peeking checkpoint's 'all' as every lesson of its own track", () => {
    const [alpha, , , eta] = track.lessons;
    const ids = (lesson: typeof alpha) =>
      peekingScope('all', track, lesson!).lessons.map((l) => l.meta.id);
    expect(ids(alpha)).toEqual(['alpha', 'beta']);
    expect(ids(eta)).toEqual(['delta', 'eta']);
  });
});

describe("the app's own lessons", () => {
  it('put the advanced track after lesson 5, whose completion still opens the milestone', () => {
    const track = loadTrack();
    const core = coreLessons(track);
    const last = core.at(-1)!;
    expect(last.meta.id).toBe('going-deep');
    expect(last.meta.unlocks).toEqual(['milestone']);
    const advanced = track.lessons.filter((l) => l.meta.track === 'advanced');
    expect(track.lessons).toEqual([...core, ...advanced]);
    for (const lesson of advanced) expect(lesson.meta.order).toBeGreaterThan(last.meta.order);
  });
});
