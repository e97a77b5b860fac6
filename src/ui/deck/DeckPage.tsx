import { useMemo } from 'react';
import { buildDeck } from '../../lessons/deck';
import { withBundledProse } from '../../lessons/loadProse';
import { lessonState } from '../../lessons/progress/unlock';
import type { Track } from '../../lessons/track';
import { useAppStore } from '../../store/appStore';
import { selectProgress } from '../../store/progressSlice';
import { LessonNotFound } from '../lessons/LessonNotFound';
import { LockedLesson } from '../lessons/LockedLesson';
import type { DeckView } from '../routing';
import { AudienceDeck } from './AudienceDeck';
import { SpeakerView } from './SpeakerView';
import './deck.css';

export interface DeckPageProps {
  readonly track: Track;
  readonly id: string;
  readonly instructor: boolean;
  readonly view: DeckView;
  /** The 1-based scene the address names. */
  readonly scene: number | undefined;
}

/** A lesson as a lecture deck: the audience's window, or the speaker view that drives it. */
export function DeckPage({ track: bare, id, instructor, view, scene }: DeckPageProps) {
  const track = withBundledProse(bare);
  const progress = useAppStore(selectProgress);
  const state = lessonState(track, progress, id);
  const lesson = state?.lesson;
  const deck = useMemo(() => (lesson ? buildDeck(lesson) : undefined), [lesson]);
  if (!state || !deck) return <LessonNotFound track={track} id={id} />;
  // The same rule as the lesson page: a locked lesson opens only with the instructor flag.
  if (!state.access.open && !instructor)
    return <LockedLesson lesson={state.lesson} access={state.access} />;
  return view === 'speaker' ? (
    <SpeakerView deck={deck} instructor={instructor} sceneNumber={scene} />
  ) : (
    <AudienceDeck deck={deck} instructor={instructor} sceneNumber={scene} />
  );
}
