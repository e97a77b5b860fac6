import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { QuizRecord } from '../../lessons/progress/schema';
import {
  lostStakes,
  openStakes,
  peekingCheckpoints,
  type PeekingCheckpoint,
} from '../../lessons/progress/stakes';
import type { AppState } from '../../store/appState';
import { useAppStore } from '../../store/appStore';
import { selectProgressTrack } from '../../store/progressSlice';

export interface QuizStakes {
  /** Checkpoints this question still counts for: a wrong first answer or a reveal would lose them. */
  readonly open: readonly PeekingCheckpoint[];
  /** Checkpoints it counted for and no longer does. */
  readonly lost: readonly PeekingCheckpoint[];
}

/**
 * What answering this question can still cost, or has cost, for "without peeking" checkpoints. It
 * reads only the question's own record (the caller's) and whether the checkpoints it counts for are
 * earned: the rest of the progress changing (a chart viewed, a claim shown, another checkpoint
 * earned) does not render the question again.
 */
export function useQuizStakes(quizKey: string, record: QuizRecord | undefined): QuizStakes {
  const track = useAppStore(selectProgressTrack);
  const covering = useMemo(
    () => (track ? peekingCheckpoints(track).filter((c) => c.quizKeys.includes(quizKey)) : []),
    [track, quizKey],
  );
  const earned = useAppStore(
    useShallow((s: AppState) => covering.map((c) => s.progress.checkpoints[c.key])),
  );
  return useMemo(() => {
    if (!track) return { open: [], lost: [] };
    const checkpoints = Object.fromEntries(
      covering.flatMap((c, i) => {
        const achievement = earned[i];
        return achievement ? [[c.key, achievement] as const] : [];
      }),
    );
    const seen = { quizzes: record ? { [quizKey]: record } : {}, checkpoints };
    return { open: openStakes(quizKey, seen, track), lost: lostStakes(quizKey, seen, track) };
  }, [quizKey, record, covering, earned, track]);
}

/** “Answered the quizzes without revealing the answers” in “Going deep” (lesson 5) */
export function describeStakes(stakes: readonly PeekingCheckpoint[]): string {
  return stakes
    .map((c) => `“${c.title}” in “${c.lesson.meta.title}” (lesson ${c.lessonNumber})`)
    .join(' and ');
}
