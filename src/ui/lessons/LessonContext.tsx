import { createContext, useContext } from 'react';
import type { PlacedLesson } from '../../lessons/progress/lessonTypes';
import type { Track } from '../../lessons/track';

export interface LessonContextValue {
  readonly track: Track;
  readonly lesson: PlacedLesson;
}

export const LessonContext = createContext<LessonContextValue | undefined>(undefined);

/** The lesson being shown and its track, for blocks that look beyond themselves. */
export function useLessonContext(): LessonContextValue {
  const value = useContext(LessonContext);
  if (!value) throw new Error('a lesson block was rendered outside a lesson page');
  return value;
}
