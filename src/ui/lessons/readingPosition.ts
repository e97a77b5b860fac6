import { useEffect, useLayoutEffect, useRef, type RefObject } from 'react';
import { SessionRecords } from './savedRuns/sessionRecords';

/**
 * Where the learner is reading, kept per lesson for the tab's life, so "Open in Lab" and Back, or a
 * reload, return to the same place. The place is a block of the page and how far into it the top of
 * the window is, not a pixel offset: blocks above it (an experiment's charts, a widget) may take a
 * moment to reach their height, and the reader should land in the same paragraph regardless.
 */

export interface ReadingAnchor {
  /** Index of the page's child element at the top of the window. */
  readonly index: number;
  /** Pixels of that element above the top of the window. */
  readonly offset: number;
}

const RECORDS = new SessionRecords('normlab.reading.', { totalChars: 20_000, recordChars: 200 });

/**
 * How long the position is held after the page has added its last block, while what is above it
 * settles (charts reaching their height).
 */
export const SETTLE_MS = 3000;

/** The child of `page` at the top of the window. */
export function readingAnchor(page: HTMLElement): ReadingAnchor {
  const children = page.children;
  for (let i = 0; i < children.length; i++) {
    const rect = children[i]!.getBoundingClientRect();
    if (rect.bottom > 0) return { index: i, offset: Math.max(0, -rect.top) };
  }
  return { index: 0, offset: 0 };
}

/** The window scroll position that puts `anchor` back at the top of the window. */
export function anchorScrollTop(page: HTMLElement, anchor: ReadingAnchor): number | undefined {
  const child = page.children[anchor.index];
  if (!child) return undefined;
  return window.scrollY + child.getBoundingClientRect().top + anchor.offset;
}

export function parseAnchor(text: string | undefined): ReadingAnchor | undefined {
  if (text === undefined) return undefined;
  try {
    const value = JSON.parse(text) as Partial<ReadingAnchor>;
    const { index, offset } = value;
    if (!Number.isInteger(index) || typeof offset !== 'number' || !Number.isFinite(offset)) {
      return undefined;
    }
    return { index: index!, offset };
  } catch {
    return undefined;
  }
}

const USER_INPUT = ['wheel', 'touchstart', 'keydown', 'pointerdown'] as const;

/** The scroll position that shows the section heading `id` at the top (minus its scroll margin). */
export function sectionScrollTop(id: string): number | undefined {
  const heading = document.getElementById(id);
  if (!heading) return undefined;
  const margin = parseFloat(getComputedStyle(heading).scrollMarginTop) || 0;
  return window.scrollY + heading.getBoundingClientRect().top - margin;
}

/** Shows the section heading `id` and moves focus to it, so reading (and Tab) goes on from there. */
export function goToSection(id: string): void {
  const top = sectionScrollTop(id);
  if (top === undefined) return;
  window.scrollTo(0, top);
  document.getElementById(id)?.focus({ preventScroll: true });
}

/**
 * Saves the reading position of `pageRef` as the learner scrolls. On arrival it restores the one
 * saved earlier in this tab (or, without one, shows the `section` the address names), holding it
 * while the page settles: until the learner scrolls, or SETTLE_MS after the page is `complete` (has
 * added every block). Timed from arrival, the hold could end before the page had the place: at load
 * 20 lessons take 5–7 s to add every block, and with the CPU also throttled 6× a learner back from
 * the Lab was left at the top of lesson 1. Later changes of `section` (the table of contents' links,
 * Back and Forward between them) go to that section.
 */
export function useReadingPosition(
  lessonId: string,
  pageRef: RefObject<HTMLElement | null>,
  section: string | undefined,
  complete: boolean,
): void {
  const arrivalSection = useRef(section);
  const arrived = useRef(false);
  const releaseHold = useRef<() => void>(() => undefined);

  useEffect(() => {
    if (!arrived.current) {
      arrived.current = true;
      return;
    }
    if (section !== undefined) goToSection(section);
  }, [section]);

  useLayoutEffect(() => {
    const page = pageRef.current;
    if (!page) return;
    // The browser's own restoration would land on a page that is still drawing its blocks.
    const previousRestoration = history.scrollRestoration;
    history.scrollRestoration = 'manual';

    let frame = 0;
    let holding = true;
    const save = (): void => {
      frame = 0;
      if (holding || !page.isConnected) return;
      RECORDS.write(lessonId, JSON.stringify(readingAnchor(page)));
    };
    const onScroll = (): void => {
      if (frame === 0) frame = requestAnimationFrame(save);
    };

    const saved = parseAnchor(RECORDS.read(lessonId));
    const target = arrivalSection.current;
    const place = saved
      ? () => anchorScrollTop(page, saved)
      : target !== undefined
        ? () => sectionScrollTop(target)
        : undefined;
    // The section the address names may arrive a moment after the page (its segments come a few at
    // a time): it takes focus when it is there, once.
    let focused = saved !== undefined || target === undefined;
    const focusTarget = (): void => {
      if (focused) return;
      const heading = document.getElementById(target!);
      if (!heading) return;
      heading.focus({ preventScroll: true });
      focused = true;
    };
    const hold = (): void => {
      if (!holding || !place) return;
      const top = place();
      if (top !== undefined && Math.abs(top - window.scrollY) >= 1) window.scrollTo(0, top);
      focusTarget();
    };
    const resize = new ResizeObserver(hold);
    const release = (): void => {
      if (!holding) return;
      holding = false;
      resize.disconnect();
      for (const type of USER_INPUT) window.removeEventListener(type, release);
    };
    releaseHold.current = release;
    // After the app's own arrival handling (which scrolls a newly opened page to its top).
    const first = setTimeout(hold, 0);
    // With a place to hold, the page's last block starts the settling time (the effect below).
    const settled = place ? undefined : setTimeout(release, 0);
    if (place) {
      resize.observe(page);
      for (const type of USER_INPUT) window.addEventListener(type, release, { passive: true });
    }
    window.addEventListener('scroll', onScroll, { passive: true });

    return () => {
      clearTimeout(first);
      clearTimeout(settled);
      release();
      releaseHold.current = () => undefined;
      cancelAnimationFrame(frame);
      window.removeEventListener('scroll', onScroll);
      history.scrollRestoration = previousRestoration;
    };
  }, [lessonId, pageRef]);

  useEffect(() => {
    if (!complete) return undefined;
    const settled = setTimeout(() => releaseHold.current(), SETTLE_MS);
    return () => clearTimeout(settled);
  }, [complete, lessonId]);
}
