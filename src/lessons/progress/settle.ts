import type { Track } from '../track';
import { evaluateCheckpoint } from './checkpoints';
import { blockKey } from './keys';
import type { Achievement, Progress } from './schema';
import { requirementsMet } from './unlock';

/**
 * Records what the learner's latest action earned: checkpoints whose evidence is now complete (with
 * the date and what was observed) and lessons whose requirements are now met. Earned things stay
 * earned. Returns the same object when nothing changed, so callers can skip saving.
 */
export function settleProgress(progress: Progress, track: Track, now: Date): Progress {
  const at = now.toISOString();
  let checkpoints: Record<string, Achievement> | undefined;
  for (const lesson of track.lessons) {
    for (const s of lesson.segments) {
      if (s.kind !== 'checkpoint') continue;
      const key = blockKey(lesson.meta.id, s.id);
      if (progress.checkpoints[key]) continue;
      const verdict = evaluateCheckpoint(lesson, s.data, progress, track);
      if (verdict.earned) {
        checkpoints ??= { ...progress.checkpoints };
        checkpoints[key] = { at, detail: verdict.reason };
      }
    }
  }
  const withCheckpoints = checkpoints ? { ...progress, checkpoints } : progress;

  let completedLessons: Record<string, string> | undefined;
  for (const lesson of track.lessons) {
    const id = lesson.meta.id;
    if (withCheckpoints.completedLessons[id] !== undefined) continue;
    if (requirementsMet(lesson, withCheckpoints)) {
      completedLessons ??= { ...withCheckpoints.completedLessons };
      completedLessons[id] = at;
    }
  }
  return completedLessons ? { ...withCheckpoints, completedLessons } : withCheckpoints;
}
