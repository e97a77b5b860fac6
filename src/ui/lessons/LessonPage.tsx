import { useEffect, useMemo, useRef, type ReactNode } from 'react';
import { formatDate } from './formatDate';
import { lessonState, remainingSummary } from '../../lessons/progress/unlock';
import type { Track } from '../../lessons/track';
import type { PlacedLesson } from '../../lessons/progress/lessonTypes';
import { useAppStore } from '../../store/appStore';
import { selectProgress } from '../../store/progressSlice';
import { deckHref, HOME_HREF, lessonHref, NEXT_HREF } from '../routing';
import { ShareWithRoom } from '../share/ShareWithRoom';
import { CompletionRulesBox } from './CompletionRulesBox';
import { LessonContext } from './LessonContext';
import { LessonNotFound } from './LessonNotFound';
import { LessonSegments } from './LessonSegments';
import { LockedLesson } from './LockedLesson';
import { LessonContents } from './LessonContents';
import { useReadingPosition } from './readingPosition';
import { useRevealedSegments } from './useRevealedSegments';
import type { Segment } from '../../lessons/parseLesson';
import { lessonSections } from '../../lessons/sections';
import { withBundledProse } from '../../lessons/loadProse';
import { markSettling } from '../pageSettling';

export interface LessonPageProps {
  readonly track: Track;
  readonly id: string;
  /** Opened with ?instructor=1: shown even when locked. */
  readonly instructor: boolean;
  /** The section the address names (?section=…), shown on arrival. */
  readonly section?: string | undefined;
}

const FINISHING_TITLE = 'Finishing this lesson';
const FINISHING_ID = 'section-finishing-this-lesson';

export function LessonPage({ track: bare, id, instructor, section }: LessonPageProps) {
  const track = withBundledProse(bare);
  const progress = useAppStore(selectProgress);
  const state = lessonState(track, progress, id);
  const placed = state?.lesson;
  const context = useMemo(() => (placed ? { track, lesson: placed } : undefined), [track, placed]);
  if (!state || !context) return <LessonNotFound track={track} id={id} />;
  const { lesson, access, completed } = state;
  if (!access.open && !instructor) return <LockedLesson lesson={lesson} access={access} />;

  const { position, next, advancedAfter } = placeInTrack(track, lesson);
  const left = remainingSummary(lesson, progress);
  const completedAt = progress.completedLessons[lesson.meta.id];

  return (
    <LessonContext value={context}>
      <OpenLesson
        lessonId={lesson.meta.id}
        instructor={instructor}
        segments={lesson.segments}
        section={section}
        header={
          <header className="nl-lesson__header">
            <p className="nl-lesson__eyebrow">
              {position} · about {lesson.meta.minutes} minutes
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
            <p className="nl-lesson__present">
              <a href={deckHref(lesson.meta.id, { instructor })}>Present this lesson</a>
              <span className="nl-hint">
                {' '}
                (a lecture deck of its experiments, equations and questions, with a speaker view)
              </span>{' '}
              <ShareWithRoom
                hash={() => lessonHref(lesson.meta.id, instructor)}
                what="this lesson"
                className="nl-button nl-button--quiet"
              />
            </p>
          </header>
        }
        footer={
          <footer className="nl-lesson__footer">
            <h2 id={FINISHING_ID} tabIndex={-1}>
              {FINISHING_TITLE}
            </h2>
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
              {advancedAfter ? (
                <li>
                  <a href={lessonHref(advancedAfter.meta.id, instructor)}>
                    Going further, the advanced track: {advancedAfter.meta.title}
                  </a>
                </li>
              ) : null}
              <li>
                <a href={HOME_HREF}>All lessons and your progress</a>
              </li>
            </ul>
          </footer>
        }
      />
    </LessonContext>
  );
}

/**
 * Where a lesson stands: "Lesson 3 of 5" in the course, "Advanced track · lesson 1 of 2" after it.
 * The course's last lesson leads to the milestone, and to the advanced track beside it.
 */
function placeInTrack(
  track: Track,
  lesson: PlacedLesson,
): { position: string; next: PlacedLesson | undefined; advancedAfter: PlacedLesson | undefined } {
  const same = track.lessons.filter((l) => l.meta.track === lesson.meta.track);
  const index = same.indexOf(lesson);
  const advanced = lesson.meta.track === 'advanced';
  const firstAdvanced = track.lessons.find((l) => l.meta.track === 'advanced');
  return {
    position: `${advanced ? 'Advanced track · lesson' : 'Lesson'} ${index + 1} of ${same.length}`,
    next: same[index + 1],
    advancedAfter: !advanced && index === same.length - 1 ? firstAdvanced : undefined,
  };
}

interface OpenLessonProps {
  readonly lessonId: string;
  readonly instructor: boolean;
  readonly segments: readonly Segment[];
  readonly section: string | undefined;
  readonly header: ReactNode;
  /** Shown once every segment is: a footer halfway down the page would jump as the rest arrives. */
  readonly footer: ReactNode;
}

/**
 * The lesson's article with its table of contents; the article keeps the learner's reading
 * position for the tab's life. Its segments arrive a piece at a time, a long passage a part at a
 * time (useRevealedSegments.ts); the article is `aria-busy` until all have.
 */
function OpenLesson({ lessonId, instructor, segments, section, header, footer }: OpenLessonProps) {
  const articleRef = useRef<HTMLElement>(null);
  const sections = useMemo(
    () => [...lessonSections(segments), { id: FINISHING_ID, title: FINISHING_TITLE }],
    [segments],
  );
  const shown = useRevealedSegments(segments);
  useReadingPosition(lessonId, articleRef, section, shown.done);
  const busy = !shown.done;
  // Other pages' code waits for the whole lesson to be shown (App.tsx's preload).
  useEffect(() => (busy ? markSettling() : undefined), [busy]);
  return (
    <div className="nl-lesson-layout">
      <LessonContents
        lessonId={lessonId}
        instructor={instructor}
        sections={sections}
        pageRef={articleRef}
      />
      <article ref={articleRef} className="nl-page nl-lesson" aria-busy={busy}>
        {header}
        <CompletionRulesBox />
        <LessonSegments segments={segments} shown={shown} />
        {busy ? null : footer}
      </article>
    </div>
  );
}
