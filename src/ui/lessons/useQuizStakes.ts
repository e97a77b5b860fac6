import { useMemo } from 'react';
import { lostStakes, openStakes, type PeekingCheckpoint } from '../../lessons/progress/stakes';
import { useAppStore } from '../../store/appStore';
import { selectProgress, selectProgressTrack } from '../../store/progressSlice';

export interface QuizStakes {
  /** Checkpoints this question still counts for: a wrong first answer or a reveal would lose them. */
  readonly open: readonly PeekingCheckpoint[];
  /** Checkpoints it counted for and no longer does. */
  readonly lost: readonly PeekingCheckpoint[];
}

/** What answering this question can still cost, or has cost, for "without peeking" checkpoints. */
export function useQuizStakes(quizKey: string): QuizStakes {
  const progress = useAppStore(selectProgress);
  const track = useAppStore(selectProgressTrack);
  return useMemo(
    () =>
      track
        ? { open: openStakes(quizKey, progress, track), lost: lostStakes(quizKey, progress, track) }
        : { open: [], lost: [] },
    [quizKey, progress, track],
  );
}

/** “Answered the quizzes without revealing the answers” in “Going deep” (lesson 5) */
export function describeStakes(stakes: readonly PeekingCheckpoint[]): string {
  return stakes
    .map((c) => `“${c.title}” in “${c.lesson.meta.title}” (lesson ${c.lessonNumber})`)
    .join(' and ');
}
