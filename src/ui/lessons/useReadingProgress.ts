import { useEffect, useState, type RefObject } from 'react';
import type { LessonSection } from '../../lessons/sections';

export interface ReadingProgress {
  /** Index of the section being read (the last whose heading is in the upper third of the window). */
  readonly current: number;
  /** How much of the lesson is above the bottom of the window, 0 to 1. */
  readonly fraction: number;
}

/** Where the section being read starts: a heading counts once it passes this share of the window. */
const READING_LINE = 1 / 3;

export function measureReadingProgress(
  page: HTMLElement,
  sections: readonly LessonSection[],
): ReadingProgress {
  const line = window.innerHeight * READING_LINE;
  // Headings follow each other down the page, so the last one above the line is found by bisection:
  // measuring a heading lays out the prose around it, which the page skips while it is far from the
  // window (content-visibility in lessons.css), and measuring every heading on every scroll frame
  // laid out the whole lesson.
  const headings = sections.flatMap((section, index) => {
    const element = document.getElementById(section.id);
    return element ? [{ element, index }] : [];
  });
  let current = 0;
  let low = 0;
  let high = headings.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const { element, index } = headings[middle]!;
    if (element.getBoundingClientRect().top <= line) {
      current = index;
      low = middle + 1;
    } else high = middle - 1;
  }
  const rect = page.getBoundingClientRect();
  const scrollable = rect.height - window.innerHeight;
  const fraction = scrollable <= 0 ? 1 : Math.min(1, Math.max(0, -rect.top / scrollable));
  return { current, fraction };
}

/** The section being read and how far through the lesson the learner is, kept up as they scroll. */
export function useReadingProgress(
  pageRef: RefObject<HTMLElement | null>,
  sections: readonly LessonSection[],
): ReadingProgress {
  const [progress, setProgress] = useState<ReadingProgress>({ current: 0, fraction: 0 });
  useEffect(() => {
    const page = pageRef.current;
    if (!page) return;
    let frame = 0;
    const measure = (): void => {
      frame = 0;
      const next = measureReadingProgress(page, sections);
      setProgress((previous) =>
        previous.current === next.current && Math.abs(previous.fraction - next.fraction) < 0.005
          ? previous
          : next,
      );
    };
    const schedule = (): void => {
      if (frame === 0) frame = requestAnimationFrame(measure);
    };
    measure();
    window.addEventListener('scroll', schedule, { passive: true });
    window.addEventListener('resize', schedule);
    const resize = new ResizeObserver(schedule);
    resize.observe(page);
    return () => {
      cancelAnimationFrame(frame);
      window.removeEventListener('scroll', schedule);
      window.removeEventListener('resize', schedule);
      resize.disconnect();
    };
  }, [pageRef, sections]);
  return progress;
}
