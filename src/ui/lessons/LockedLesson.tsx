import type { Access } from '../../lessons/progress/unlock';
import type { PlacedLesson } from '../../lessons/progress/lessonTypes';
import { HOME_HREF, lessonHref } from '../routing';

/** A lesson the learner has not opened yet: what it is, and what opens it. */
export function LockedLesson({
  lesson,
  access,
}: {
  readonly lesson: PlacedLesson;
  readonly access: Extract<Access, { open: false }>;
}) {
  return (
    <article className="nl-page nl-locked">
      <h1 tabIndex={-1}>{lesson.meta.title}</h1>
      <p className="nl-lesson__summary">{lesson.meta.summary}</p>
      <div className="nl-locked__why">
        <h2>This lesson is locked</h2>
        <p>{access.reason}</p>
        <p>
          Lessons open in order, so each one can build on what you saw and did in the one before.
        </p>
        <ul className="nl-link-list">
          {access.after.map((l) => (
            <li key={l.meta.id}>
              <a href={lessonHref(l.meta.id)}>Go to “{l.meta.title}”</a>
            </li>
          ))}
          <li>
            <a href={HOME_HREF}>All lessons and your progress</a>
          </li>
        </ul>
      </div>
    </article>
  );
}
