import { useMemo } from 'react';
import { formatDate } from './formatDate';
import { lessonState, remainingSummary } from '../../lessons/progress/unlock';
import type { Track } from '../../lessons/track';
import { useLabStore } from '../../store/labStore';
import { selectProgress } from '../../store/progressSlice';
import { HOME_HREF, lessonHref, NEXT_HREF } from '../routing';
import { LessonContext } from './LessonContext';
import { LessonNotFound } from './LessonNotFound';
import { LessonSegments } from './LessonSegments';
import { LockedLesson } from './LockedLesson';

export interface LessonPageProps {
  readonly track: Track;
  readonly id: string;
  /** Opened with ?instructor=1: shown even when locked. */
  readonly instructor: boolean;
}

export function LessonPage({ track, id, instructor }: LessonPageProps) {
  const progress = useLabStore(selectProgress);
  const state = lessonState(track, progress, id);
  const placed = state?.lesson;
  const context = useMemo(() => (placed ? { track, lesson: placed } : undefined), [track, placed]);
  if (!state || !context) return <LessonNotFound track={track} id={id} />;
  const { lesson, access, completed } = state;
  if (!access.open && !instructor) return <LockedLesson lesson={lesson} access={access} />;

  const index = track.lessons.indexOf(lesson);
  const next = track.lessons[index + 1];
  const left = remainingSummary(lesson, progress);
  const completedAt = progress.completedLessons[lesson.meta.id];

  return (
    <LessonContext value={context}>
      <article className="nl-page nl-lesson">
        <header className="nl-lesson__header">
          <p className="nl-lesson__eyebrow">
            Lesson {index + 1} of {track.lessons.length} · about {lesson.meta.minutes} minutes
            {instructor ? (
              <span className="nl-badge" title="Opened with ?instructor=1: every lesson is open">
                Instructor view
              </span>
            ) : null}
          </p>
          <h1 tabIndex={-1}>{lesson.meta.title}</h1>
          <p className="nl-lesson__summary">{lesson.meta.summary}</p>
          <p className="nl-lesson__status">
            {completed
              ? `Completed${completedAt ? ` on ${formatDate(completedAt)}` : ''}.`
              : `In progress: ${left}.`}
          </p>
        </header>
        <LessonSegments segments={lesson.segments} />
        <footer className="nl-lesson__footer">
          <h2>Finishing this lesson</h2>
          <p>
            {completed
              ? 'You completed this lesson.'
              : `To complete it, answer every question correctly and earn every checkpoint: ${left}.`}
          </p>
          <ul className="nl-link-list">
            {next ? (
              <li>
                <a href={lessonHref(next.meta.id, instructor)}>Next lesson: {next.meta.title}</a>
              </li>
            ) : (
              <li>
                <a href={instructor ? `${NEXT_HREF}?instructor=1` : NEXT_HREF}>
                  What comes next: learning-rate schedulers
                </a>
              </li>
            )}
            <li>
              <a href={HOME_HREF}>All lessons and your progress</a>
            </li>
          </ul>
        </footer>
      </article>
    </LessonContext>
  );
}
