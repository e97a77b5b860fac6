/**
 * The whole track: every lesson file, checked against the others (unique ids and orders, unlock
 * targets that exist, enough quiz questions) and put in order.
 */
import type { LessonFrontMatter } from './schema';
import { parseLesson, type LessonIssue, type ParsedLesson } from './parseLesson';

/** Every lesson ends with a quiz of at least this many questions. */
export const MIN_QUIZ_QUESTIONS = 4;

export interface Track {
  /** Valid lessons in order (a lesson whose front matter is broken cannot be placed and is left out). */
  readonly lessons: readonly (ParsedLesson & { readonly meta: LessonFrontMatter })[];
  /** Lessons that could not be placed, for an error page. */
  readonly broken: readonly ParsedLesson[];
  /** Every issue of every file and of the track as a whole. */
  readonly issues: readonly LessonIssue[];
}

export function buildTrack(files: Readonly<Record<string, string>>): Track {
  const parsed = Object.entries(files)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([file, source]) => parseLesson(source, file));
  const issues: LessonIssue[] = parsed.flatMap((p) => p.issues);
  const placed = parsed.filter(
    (p): p is ParsedLesson & { meta: LessonFrontMatter } => p.meta !== undefined,
  );
  const broken = parsed.filter((p) => p.meta === undefined);

  const byId = new Map<string, string>();
  const byOrder = new Map<number, string>();
  for (const p of placed) {
    const otherId = byId.get(p.meta.id);
    if (otherId)
      issues.push({
        file: p.file,
        line: 1,
        message: `front matter: id '${p.meta.id}' is already used by ${otherId}`,
      });
    byId.set(p.meta.id, p.file);
    const otherOrder = byOrder.get(p.meta.order);
    if (otherOrder)
      issues.push({
        file: p.file,
        line: 1,
        message: `front matter: order ${p.meta.order} is already used by ${otherOrder}`,
      });
    byOrder.set(p.meta.order, p.file);
  }
  issues.push(...advancedTrackIssues(placed));
  for (const p of placed) {
    for (const target of p.meta.unlocks) {
      if (target !== 'milestone' && !byId.has(target)) {
        issues.push({
          file: p.file,
          line: 1,
          message: `front matter: unlocks '${target}', but no lesson has that id`,
        });
      }
    }
    const quizzes = p.segments.filter((s) => s.kind === 'quiz').length;
    if (quizzes < MIN_QUIZ_QUESTIONS) {
      issues.push({
        file: p.file,
        line: 1,
        message: `a lesson needs at least ${MIN_QUIZ_QUESTIONS} quiz questions; this one has ${quizzes}`,
      });
    }
    for (const s of p.segments) {
      if (
        s.kind === 'checkpoint' &&
        'quizzesWithoutPeeking' in s.data.earnedBy &&
        s.data.earnedBy.quizzesWithoutPeeking !== 'all'
      ) {
        for (const lessonId of s.data.earnedBy.quizzesWithoutPeeking) {
          if (!byId.has(lessonId))
            issues.push({
              file: p.file,
              line: s.line,
              message: `:::checkpoint ${s.id}: no lesson has the id '${lessonId}'`,
            });
        }
      }
    }
  }
  return { lessons: [...placed].sort((a, b) => a.meta.order - b.meta.order), broken, issues };
}

/**
 * The advanced track comes after the course: every advanced lesson's order is above every core
 * lesson's, and only the course leads to the milestone.
 */
function advancedTrackIssues(
  placed: readonly (ParsedLesson & { meta: LessonFrontMatter })[],
): LessonIssue[] {
  const core = placed.filter((p) => p.meta.track === 'core');
  const lastCore = core.reduce<(typeof core)[number] | undefined>(
    (last, p) => (last === undefined || p.meta.order > last.meta.order ? p : last),
    undefined,
  );
  const issues: LessonIssue[] = [];
  for (const p of placed) {
    if (p.meta.track !== 'advanced') continue;
    if (lastCore && p.meta.order < lastCore.meta.order) {
      issues.push({
        file: p.file,
        line: 1,
        message: `front matter: an advanced-track lesson comes after the whole course, but order ${p.meta.order} is before core lesson '${lastCore.meta.id}' (order ${lastCore.meta.order})`,
      });
    }
    if (p.meta.unlocks.includes('milestone')) {
      issues.push({
        file: p.file,
        line: 1,
        message: `front matter: an advanced-track lesson cannot unlock the milestone (the course's last lesson does; the advanced track is optional)`,
      });
    }
  }
  return issues;
}

export { formatIssue } from './lessonIssue';
