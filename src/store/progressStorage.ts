/**
 * Where lesson progress lives between visits: one localStorage entry. Storage can be missing,
 * disabled or full (private windows, strict settings); every function reports that instead of
 * throwing, so the lessons keep working and the learner is told progress will not be kept.
 */
export const PROGRESS_STORAGE_KEY = 'normlab.progress';

const UNAVAILABLE =
  'This browser is not letting normlab save your progress (storage is disabled or full), so it will be lost when you close the tab. Export it to keep a copy.';

function storage(): Storage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    // Some browsers throw on the mere access when storage is blocked.
    return undefined;
  }
}

export type StoredText = { readonly text: string | null } | { readonly error: string };

export function readStoredProgress(): StoredText {
  try {
    const store = storage();
    if (!store) return { error: UNAVAILABLE };
    return { text: store.getItem(PROGRESS_STORAGE_KEY) };
  } catch {
    return { error: UNAVAILABLE };
  }
}

/** Saves the text; returns a message for the learner when it could not be saved. */
export function writeStoredProgress(text: string): string | undefined {
  try {
    const store = storage();
    if (!store) return UNAVAILABLE;
    store.setItem(PROGRESS_STORAGE_KEY, text);
    return undefined;
  } catch {
    return UNAVAILABLE;
  }
}
