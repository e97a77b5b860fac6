/**
 * What completes a lesson, item by item, in words the lesson page shows at its top: the questions,
 * each checkpoint with how it is earned (and the practice it needs, if any), which practices are
 * optional, and how many of the lesson's questions still count for a "without peeking" checkpoint.
 */
import type { Track } from '../track';
import { evaluateCheckpoint } from './checkpoints';
import { blockKey } from './keys';
import type { PlacedLesson } from './lessonTypes';
import { lessonQuizKeys } from './quizProgress';
import type { Progress } from './schema';
import { isRuledOut, peekingCheckpoints } from './stakes';

export interface CheckpointRule {
  readonly key: string;
  readonly title: string;
  readonly earned: boolean;
  /** Earned: what was observed. Not yet: what is still to do. */
  readonly detail: string;
}

export interface PeekingRule {
  readonly title: string;
  /** "Going deep (lesson 5)", or "this lesson". */
  readonly where: string;
  readonly earned: boolean;
  /** This lesson's questions that it covers, and how many of them are ruled out. */
  readonly questions: number;
  readonly ruledOut: number;
}

export interface CompletionRules {
  readonly questions: number;
  readonly solved: number;
  readonly checkpoints: readonly CheckpointRule[];
  /** Titles of the practices a checkpoint of this lesson needs. */
  readonly requiredPractices: readonly string[];
  /** Titles of the practices nothing requires. */
  readonly optionalPractices: readonly string[];
  readonly peeking: readonly PeekingRule[];
}

export function completionRules(
  lesson: PlacedLesson,
  progress: Progress,
  track: Track,
): CompletionRules {
  const id = lesson.meta.id;
  const quizKeys = lessonQuizKeys(lesson);
  const checkpoints = lesson.segments.flatMap((s): CheckpointRule[] => {
    if (s.kind !== 'checkpoint') return [];
    const key = blockKey(id, s.id);
    const record = progress.checkpoints[key];
    const verdict = record ? undefined : evaluateCheckpoint(lesson, s.data, progress, track);
    return [
      {
        key,
        title: s.data.title,
        earned: record !== undefined,
        detail: record ? record.detail : (verdict?.reason ?? ''),
      },
    ];
  });
  const needed = new Set(
    lesson.segments.flatMap((s) =>
      s.kind === 'checkpoint' && 'practice' in s.data.earnedBy ? [s.data.earnedBy.practice] : [],
    ),
  );
  const practices = lesson.segments.flatMap((s) =>
    s.kind === 'practice' ? [{ id: s.id, title: s.data.title }] : [],
  );
  const peeking = peekingCheckpoints(track)
    .map((c) => {
      const covered = quizKeys.filter((k) => c.quizKeys.includes(k));
      return {
        title: c.title,
        where:
          c.lesson.meta.id === id
            ? 'this lesson'
            : `“${c.lesson.meta.title}” (lesson ${c.lessonNumber})`,
        earned: progress.checkpoints[c.key] !== undefined,
        questions: covered.length,
        ruledOut: covered.filter((k) => isRuledOut(progress.quizzes[k])).length,
      };
    })
    .filter((rule) => rule.questions > 0);
  return {
    questions: quizKeys.length,
    solved: quizKeys.filter((k) => progress.quizzes[k]?.solved === true).length,
    checkpoints,
    requiredPractices: practices.filter((p) => needed.has(p.id)).map((p) => p.title),
    optionalPractices: practices.filter((p) => !needed.has(p.id)).map((p) => p.title),
    peeking,
  };
}
