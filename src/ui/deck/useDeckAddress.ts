import { useEffect, useRef } from 'react';
import { deckHref, parseRoute, type DeckView } from '../routing';

/**
 * Keeps the address on the current scene (replacing, not adding, history entries), so a reload or a
 * bookmark comes back to it and the browser's Back button leaves the deck instead of stepping it.
 */
export function useDeckAddress(
  lessonId: string,
  view: DeckView,
  instructor: boolean,
  scene: number,
): void {
  useEffect(() => {
    // An address without a scene means the first: it is left as it was opened.
    const shown = parseRoute(window.location.hash);
    if (shown.page === 'deck' && (shown.scene ?? 1) === scene + 1) return;
    const href = deckHref(lessonId, { instructor, view, scene: scene + 1 });
    window.history.replaceState(window.history.state, '', href);
  }, [lessonId, view, instructor, scene]);
}

/** A heading that takes focus whenever `key` changes after the first render (a new scene). */
export function useFocusOnChange(key: number) {
  const ref = useRef<HTMLHeadingElement>(null);
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    ref.current?.focus();
  }, [key]);
  return ref;
}
