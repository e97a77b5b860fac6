import type { Track } from '../../lessons/track';
import { LessonLinks } from './LessonLinks';

/** The address names a lesson that does not exist: say so, and offer the real ones. */
export function LessonNotFound({ track, id }: { readonly track: Track; readonly id: string }) {
  return (
    <article className="nl-page">
      <h1 tabIndex={-1}>No lesson called ‘{id}’</h1>
      <p>
        The address you opened names a lesson that is not part of this course. These are the
        lessons:
      </p>
      <LessonLinks lessons={track.lessons} numbered home="Back to the start page" />
    </article>
  );
}
