/**
 * What a quiz answer can cost. A question counts for every "without peeking" checkpoint whose scope
 * holds it until the learner answers it wrongly first or reveals its answer; from then on it is ruled
 * out (until retaken from that checkpoint). The lesson page says so before and after the fact.
 */
import type { Track } from '../track';
import { blockKey } from './keys';
import type { PlacedLesson } from './lessonTypes';
import { peekingScope } from './checkpoints';
import { answeredWithoutPeeking } from './quizProgress';
import type { Progress, QuizRecord } from './schema';

export interface PeekingCheckpoint {
  readonly key: string;
  readonly title: string;
  /** The lesson the checkpoint is in, and its position in the track (1-based). */
  readonly lesson: PlacedLesson;
  readonly lessonNumber: number;
  /** The quiz keys it needs answered without peeking. */
  readonly quizKeys: readonly string[];
}

const peekingOfTrack = new WeakMap<Track, readonly PeekingCheckpoint[]>();

/**
 * Every checkpoint of the track earned by answering without peeking, with the questions it covers.
 * Worked out once a track: every quiz question of a lesson asks for them when it renders.
 */
export function peekingCheckpoints(track: Track): readonly PeekingCheckpoint[] {
  let found = peekingOfTrack.get(track);
  if (found === undefined) {
    found = findPeekingCheckpoints(track);
    peekingOfTrack.set(track, found);
  }
  return found;
}

function findPeekingCheckpoints(track: Track): PeekingCheckpoint[] {
  return track.lessons.flatMap((lesson, index) =>
    lesson.segments.flatMap((s): PeekingCheckpoint[] => {
      if (s.kind !== 'checkpoint' || !('quizzesWithoutPeeking' in s.data.earnedBy)) return [];
      const { keys } = peekingScope(s.data.earnedBy.quizzesWithoutPeeking, track, lesson);
      return [
        {
          key: blockKey(lesson.meta.id, s.id),
          title: s.data.title,
          lesson,
          lessonNumber: index + 1,
          quizKeys: keys,
        },
      ];
    }),
  );
}

/** The question no longer counts for a "without peeking" checkpoint: a wrong first answer, or revealed. */
export function isRuledOut(record: QuizRecord | undefined): boolean {
  if (record === undefined) return false;
  return record.revealed || (record.answers.length > 0 && !answeredWithoutPeeking(record));
}

/** What the stakes read of the progress: a question's own record and the checkpoints earned. */
export type StakesProgress = Pick<Progress, 'quizzes' | 'checkpoints'>;

/** The not-yet-earned checkpoints this question still counts for (empty once it is ruled out). */
export function openStakes(
  quizKey: string,
  progress: StakesProgress,
  track: Track,
): PeekingCheckpoint[] {
  if (isRuledOut(progress.quizzes[quizKey]) || progress.quizzes[quizKey]?.solved) return [];
  return peekingCheckpoints(track).filter(
    (c) => c.quizKeys.includes(quizKey) && progress.checkpoints[c.key] === undefined,
  );
}

/** The not-yet-earned checkpoints this question counted for and no longer does. */
export function lostStakes(
  quizKey: string,
  progress: StakesProgress,
  track: Track,
): PeekingCheckpoint[] {
  if (!isRuledOut(progress.quizzes[quizKey])) return [];
  return peekingCheckpoints(track).filter(
    (c) => c.quizKeys.includes(quizKey) && progress.checkpoints[c.key] === undefined,
  );
}
