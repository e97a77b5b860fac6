import type { Track } from '../../lessons/track';
import { HOME_HREF, lessonHref } from '../routing';

/** The address names a lesson that does not exist: say so, and offer the real ones. */
export function LessonNotFound({ track, id }: { readonly track: Track; readonly id: string }) {
  return (
    <article className="nl-page">
      <h1 tabIndex={-1}>No lesson called ‘{id}’</h1>
      <p>
        The address you opened names a lesson that is not part of this course. These are the
        lessons:
      </p>
      <ol className="nl-link-list">
        {track.lessons.map((lesson) => (
          <li key={lesson.meta.id}>
            <a href={lessonHref(lesson.meta.id)}>{lesson.meta.title}</a>
          </li>
        ))}
      </ol>
      <p>
        <a href={HOME_HREF}>Back to the start page</a>
      </p>
    </article>
  );
}
