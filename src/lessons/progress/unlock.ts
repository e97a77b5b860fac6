/**
 * When a lesson counts as completed and when the next one opens (documented for authors in
 * lessons/README.md, "Progress"):
 *
 * - A lesson is completed when every quiz question in it has been answered correctly (retries and
 *   revealed answers allowed) and every checkpoint in it has been earned. Once completed, it stays
 *   completed even if the lesson later gains a question.
 * - The first lesson is always open. A lesson that some lesson names in its `unlocks` front matter
 *   opens when one of those lessons is completed; a lesson nobody names opens when the lesson before
 *   it (by `order`) is completed, except that an advanced-track lesson nobody names opens when the
 *   last core lesson is completed (each advanced lesson stands on the course, not on the others).
 * - The milestone page opens when every core lesson is completed: the advanced track is optional.
 */
import type { Track } from '../track';
import { blockKey } from './keys';
import type { PlacedLesson } from './lessonTypes';
import type { Progress } from './schema';

export interface LessonRequirement {
  readonly kind: 'quiz' | 'checkpoint';
  readonly key: string;
  /** The question text or the checkpoint title. */
  readonly label: string;
  readonly done: boolean;
}

export function lessonRequirements(lesson: PlacedLesson, progress: Progress): LessonRequirement[] {
  const id = lesson.meta.id;
  return lesson.segments.flatMap((s): LessonRequirement[] => {
    const key = 'id' in s ? blockKey(id, s.id) : '';
    if (s.kind === 'quiz')
      return [
        { kind: 'quiz', key, label: s.data.question, done: progress.quizzes[key]?.solved === true },
      ];
    if (s.kind === 'checkpoint')
      return [
        {
          kind: 'checkpoint',
          key,
          label: s.data.title,
          done: progress.checkpoints[key] !== undefined,
        },
      ];
    return [];
  });
}

export function requirementsMet(lesson: PlacedLesson, progress: Progress): boolean {
  return lessonRequirements(lesson, progress).every((r) => r.done);
}

export function isLessonCompleted(lesson: PlacedLesson, progress: Progress): boolean {
  return (
    progress.completedLessons[lesson.meta.id] !== undefined || requirementsMet(lesson, progress)
  );
}

/** "2 quiz questions and 1 checkpoint to go", or '' when nothing is left. */
export function remainingSummary(lesson: PlacedLesson, progress: Progress): string {
  const left = lessonRequirements(lesson, progress).filter((r) => !r.done);
  const quizzes = left.filter((r) => r.kind === 'quiz').length;
  const checkpoints = left.length - quizzes;
  const parts = [
    quizzes > 0 ? `${quizzes} quiz question${quizzes === 1 ? '' : 's'}` : '',
    checkpoints > 0 ? `${checkpoints} checkpoint${checkpoints === 1 ? '' : 's'}` : '',
  ].filter((p) => p !== '');
  return parts.length === 0 ? '' : `${parts.join(' and ')} to go`;
}

export type Access =
  | { readonly open: true }
  /** `reason` says why in a sentence; `after` lists the lessons whose completion opens it. */
  | { readonly open: false; readonly reason: string; readonly after: readonly PlacedLesson[] };

export interface LessonState {
  readonly lesson: PlacedLesson;
  readonly access: Access;
  readonly completed: boolean;
}

function quoted(lessons: readonly PlacedLesson[]): string {
  return lessons.map((l) => `“${l.meta.title}”`).join(' or ');
}

/** Every lesson of the track, in order, with whether it is open and completed. */
export function lessonStates(track: Track, progress: Progress): LessonState[] {
  const completed = new Set(
    track.lessons.filter((l) => isLessonCompleted(l, progress)).map((l) => l.meta.id),
  );
  return track.lessons.map((lesson, index) => {
    const isDone = completed.has(lesson.meta.id);
    if (index === 0) return { lesson, access: { open: true }, completed: isDone };
    const namedBy = track.lessons.filter((l) => l.meta.unlocks.includes(lesson.meta.id));
    const lastCore = lesson.meta.track === 'advanced' ? coreLessons(track).at(-1) : undefined;
    const after = namedBy.length > 0 ? namedBy : [lastCore ?? track.lessons[index - 1]!];
    const open = after.some((l) => completed.has(l.meta.id));
    const access: Access = open
      ? { open: true }
      : {
          open: false,
          reason: `This lesson opens when you complete ${quoted(after)}.`,
          after,
        };
    return { lesson, access, completed: isDone };
  });
}

export function lessonState(
  track: Track,
  progress: Progress,
  lessonId: string,
): LessonState | undefined {
  return lessonStates(track, progress).find((s) => s.lesson.meta.id === lessonId);
}

/**
 * What the start page says about completion: "3 of 5 completed." for a course alone; with an
 * advanced track, the course and the track counted apart ("Course: 5 of 5 completed. Advanced
 * track: 1 of 3 completed."), since the optional lessons must not make a finished course look unfinished.
 */
export function completionSummary(states: readonly LessonState[]): string {
  const count = (track: 'core' | 'advanced') => {
    const of = states.filter((s) => s.lesson.meta.track === track);
    return `${of.filter((s) => s.completed).length} of ${of.length} completed.`;
  };
  const advanced = states.some((s) => s.lesson.meta.track === 'advanced');
  return advanced ? `Course: ${count('core')} Advanced track: ${count('advanced')}` : count('core');
}

/** The lessons of the course, without the advanced track, in order. */
export function coreLessons(track: Track): PlacedLesson[] {
  return track.lessons.filter((l) => l.meta.track === 'core');
}

/** The milestone page opens when every core lesson is completed; the advanced track is optional. */
export function milestoneAccess(track: Track, progress: Progress): Access {
  const states = lessonStates(track, progress).filter((s) => s.lesson.meta.track === 'core');
  const left = states.filter((s) => !s.completed).map((s) => s.lesson);
  if (states.length > 0 && left.length === 0) return { open: true };
  const done = states.length - left.length;
  const every = track.lessons.length > states.length ? 'every core lesson' : 'every lesson';
  return {
    open: false,
    reason: `It opens when you complete ${every}: ${done} of ${states.length} done so far.`,
    after: left,
  };
}
