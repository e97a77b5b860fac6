/**
 * Whether a checkpoint is earned, decided only from what the learner did: claims that showed in their
 * own live runs, charts they looked at, answers they gave. The reason says what was observed or what
 * is still missing, in words the checkpoint box shows.
 */
import type { Checkpoint } from '../schema';
import type { Track } from '../track';
import { CHART_NAMES } from './chartNames';
import { blockKey } from './keys';
import type { PlacedLesson } from './lessonTypes';
import { answeredWithoutPeeking, lessonQuizKeys } from './quizProgress';
import type { Progress } from './schema';

export interface CheckpointVerdict {
  readonly earned: boolean;
  /** Earned: what was observed. Not yet: what is still to do. */
  readonly reason: string;
}

function experimentTitle(lesson: PlacedLesson, id: string): string {
  const s = lesson.segments.find((x) => x.kind === 'experiment' && x.id === id);
  return s?.kind === 'experiment' ? s.data.title : id;
}

function practiceTitle(lesson: PlacedLesson, id: string): string {
  const s = lesson.segments.find((x) => x.kind === 'practice' && x.id === id);
  return s?.kind === 'practice' ? s.data.title : id;
}

/**
 * The quiz keys the learner must answer without peeking, with the lessons they come from. 'all' means
 * every lesson of the checkpoint's own track: the course's final checkpoint does not wait for the
 * advanced track.
 */
export function peekingScope(
  earnedBy: 'all' | readonly string[],
  track: Track,
  lesson: PlacedLesson,
): { keys: string[]; lessons: PlacedLesson[] } {
  const lessons = track.lessons.filter((l) =>
    earnedBy === 'all' ? l.meta.track === lesson.meta.track : earnedBy.includes(l.meta.id),
  );
  return { keys: lessons.flatMap(lessonQuizKeys), lessons };
}

export function evaluateCheckpoint(
  lesson: PlacedLesson,
  checkpoint: Checkpoint,
  progress: Progress,
  track: Track,
): CheckpointVerdict {
  const by = checkpoint.earnedBy;
  const lessonId = lesson.meta.id;
  if ('experiment' in by || 'practice' in by) {
    const practice = 'practice' in by;
    const key = blockKey(lessonId, practice ? by.practice : by.experiment);
    const title = practice
      ? practiceTitle(lesson, by.practice)
      : experimentTitle(lesson, by.experiment);
    const done = (practice ? progress.practice : progress.experiments)[key];
    if (!done) {
      return {
        earned: false,
        reason: practice
          ? `Do the practice “${title}” yourself: make the change it asks for and train until its effect shows.`
          : `Run the experiment “${title}” until its effect shows in your own runs.`,
      };
    }
    if (by.viewedChart && !(progress.viewedCharts[key] ?? []).includes(by.viewedChart)) {
      const chart = CHART_NAMES[by.viewedChart];
      return {
        earned: false,
        reason: practice
          ? `You passed “${title}”; now look at its ${chart} chart with your changed runs in it.`
          : `The effect showed in “${title}”; now look at its ${chart} chart with your runs in it.`,
      };
    }
    return { earned: true, reason: `“${title}”: ${done.detail}` };
  }
  if ('experiments' in by) {
    const missing = by.experiments.filter((e) => !progress.experiments[blockKey(lessonId, e)]);
    if (missing.length > 0) {
      return {
        earned: false,
        reason: `Still to show in your own runs: ${missing.map((e) => `“${experimentTitle(lesson, e)}”`).join(', ')}.`,
      };
    }
    return {
      earned: true,
      reason: by.experiments
        .map(
          (e) =>
            `“${experimentTitle(lesson, e)}”: ${progress.experiments[blockKey(lessonId, e)]?.detail ?? ''}`,
        )
        .join(' '),
    };
  }
  const { keys } = peekingScope(by.quizzesWithoutPeeking, track, lesson);
  const clean = keys.filter((k) => answeredWithoutPeeking(progress.quizzes[k])).length;
  if (keys.length > 0 && clean === keys.length) {
    return {
      earned: true,
      reason: `All ${keys.length} questions answered correctly on the first try, without revealing an answer.`,
    };
  }
  return {
    earned: false,
    reason: `${clean} of ${keys.length} questions answered correctly on the first try without revealing the answer; every one has to be.`,
  };
}
