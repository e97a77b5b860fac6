import { useId, useState, type RefObject } from 'react';
import type { LessonSection } from '../../lessons/sections';
import { lessonHref } from '../routing';
import { goToSection } from './readingPosition';
import { useReadingProgress } from './useReadingProgress';

export interface LessonContentsProps {
  readonly lessonId: string;
  readonly instructor: boolean;
  readonly sections: readonly LessonSection[];
  /** The lesson's article, whose scroll position the contents follow. */
  readonly pageRef: RefObject<HTMLElement | null>;
}

/**
 * The lesson's table of contents: every section, the one being read marked, and how far through
 * the lesson the learner is. Beside the lesson on a wide screen; a bar that opens on a narrow one.
 */
export function LessonContents({ lessonId, instructor, sections, pageRef }: LessonContentsProps) {
  const listId = useId();
  const [open, setOpen] = useState(false);
  const { current, fraction } = useReadingProgress(pageRef, sections);
  const percent = Math.round(fraction * 100);
  const here = sections[current];
  if (here === undefined) return null;

  return (
    <nav className={open ? 'nl-toc nl-toc--open' : 'nl-toc'} aria-label="Lesson contents">
      <div className="nl-toc__where">
        <p className="nl-toc__position">
          Section {current + 1} of {sections.length}: {here.title} · {percent}% read
        </p>
        <progress
          className="nl-toc__progress"
          max={100}
          value={percent}
          aria-label="Reading progress"
          aria-valuetext={`${percent}% of the lesson read`}
        />
        <button
          type="button"
          className="nl-button nl-toc__toggle"
          aria-expanded={open}
          aria-controls={listId}
          onClick={() => setOpen((o) => !o)}
        >
          {open ? 'Hide contents' : 'Contents'}
        </button>
      </div>
      <ol id={listId} className="nl-toc__list">
        {sections.map((section, i) => (
          <li key={section.id}>
            <a
              href={lessonHref(lessonId, instructor, section.id)}
              aria-current={i === current ? 'location' : undefined}
              onClick={(event) => {
                if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
                setOpen(false);
                // Following the link changes the address; when it is already this section's
                // address nothing would happen, so go there directly as well.
                if (window.location.hash === event.currentTarget.getAttribute('href')) {
                  event.preventDefault();
                  goToSection(section.id);
                }
              }}
            >
              {section.title}
            </a>
          </li>
        ))}
      </ol>
    </nav>
  );
}
