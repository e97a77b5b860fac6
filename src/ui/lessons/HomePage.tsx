import { formatIssue } from '../../lessons/lessonIssue';
import type { Track } from '../../lessons/track';
import {
  completionSummary,
  lessonStates,
  milestoneAccess,
  remainingSummary,
} from '../../lessons/progress/unlock';
import { LAB_ROUTE } from '../../lab/urlState';
import { useAppStore } from '../../store/appStore';
import { selectProgress } from '../../store/progressSlice';
import { lessonHref, NEXT_HREF } from '../routing';
import { ProgressTools } from './ProgressTools';

/** The start page: what normlab is, the lessons in order with where the learner stands, progress tools. */
export function HomePage({ track }: { readonly track: Track }) {
  const progress = useAppStore(selectProgress);
  const states = lessonStates(track, progress);
  const milestone = milestoneAccess(track, progress);

  return (
    <article className="nl-page nl-home">
      <h1 tabIndex={-1}>Normalization and initialization, hands on</h1>
      <p className="nl-home__intro">
        Why do deep networks stall, and how do weight initialization, batch normalization and its
        relatives fix it? Each lesson explains one idea, then lets you train real networks in your
        browser to see it happen. Checkpoints are earned by what you observe, not by ticking boxes.
      </p>
      <p>
        Prefer to explore freely? <a href={LAB_ROUTE}>Open the Lab</a>.
      </p>

      <section aria-labelledby="nl-lessons-title">
        <h2 id="nl-lessons-title">Lessons</h2>
        <p>{completionSummary(states)}</p>
        <ol className="nl-lesson-list">
          {states.map(({ lesson, access, completed }) => (
            <li
              key={lesson.meta.id}
              className={`nl-lesson-list__item nl-lesson-list__item--${completed ? 'done' : access.open ? 'open' : 'locked'}`}
            >
              {lesson.meta.track === 'advanced' ? (
                <p className="nl-lesson-list__track">
                  <span className="nl-badge">Advanced track</span> Beyond the course: optional, not
                  needed for the next step.
                </p>
              ) : null}
              <h3 className="nl-lesson-list__title">
                {access.open ? (
                  <a href={lessonHref(lesson.meta.id)}>{lesson.meta.title}</a>
                ) : (
                  lesson.meta.title
                )}
              </h3>
              <p className="nl-lesson-list__summary">
                {lesson.meta.summary} About {lesson.meta.minutes} minutes.
              </p>
              <p className="nl-lesson-list__status">
                {completed
                  ? 'Completed.'
                  : access.open
                    ? `Open: ${remainingSummary(lesson, progress) || 'ready to complete'}.`
                    : `Locked. ${access.reason}`}
              </p>
            </li>
          ))}
          <li
            className={`nl-lesson-list__item nl-lesson-list__item--${milestone.open ? 'open' : 'locked'}`}
          >
            <h3 className="nl-lesson-list__title">
              {milestone.open ? (
                <a href={NEXT_HREF}>Next: learning-rate schedulers</a>
              ) : (
                'Next: learning-rate schedulers'
              )}
            </h3>
            <p className="nl-lesson-list__status">
              {milestone.open
                ? 'Open: a preview of the next lesson.'
                : `Locked. ${milestone.reason}`}
            </p>
          </li>
        </ol>
      </section>

      {track.broken.length > 0 ? (
        <section className="nl-block-error" aria-labelledby="nl-broken-title">
          <h2 id="nl-broken-title">Lesson files that could not be read</h2>
          <ul>
            {track.broken.flatMap((lesson) =>
              lesson.issues.map((issue) => <li key={formatIssue(issue)}>{formatIssue(issue)}</li>),
            )}
          </ul>
        </section>
      ) : null}

      <ProgressTools />
    </article>
  );
}
