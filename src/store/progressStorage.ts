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

/** Saved records this page could not read are copied under this prefix, never overwritten. */
export const KEPT_PROGRESS_PREFIX = 'normlab.progress.kept-';

/** A copy of a saved record this page could not read (newer format, damaged), kept as it was. */
export interface KeptRecord {
  /** Its storage key, or undefined when the browser would not store the copy (kept in memory). */
  readonly key: string | undefined;
  readonly text: string;
  /** When it was put aside (ISO date). */
  readonly keptAt: string;
}

/**
 * Copies `text` aside under a key of its own (unless an identical copy is already there) so the main
 * record can be used again without losing it. Returns the copy, with `key` undefined when storage
 * refused it.
 */
export function keepStoredRecordAside(text: string, now: Date): KeptRecord {
  const keptAt = now.toISOString();
  try {
    const store = storage();
    if (!store) return { key: undefined, text, keptAt };
    const existing = listKeptRecords().find((r) => r.text === text);
    if (existing) return existing;
    const key = `${KEPT_PROGRESS_PREFIX}${keptAt}`;
    store.setItem(key, text);
    return { key, text, keptAt };
  } catch {
    return { key: undefined, text, keptAt };
  }
}

/** Every record kept aside in this browser, oldest first. */
export function listKeptRecords(): KeptRecord[] {
  try {
    const store = storage();
    if (!store) return [];
    const kept: KeptRecord[] = [];
    for (let i = 0; i < store.length; i++) {
      const key = store.key(i);
      if (key === null || !key.startsWith(KEPT_PROGRESS_PREFIX)) continue;
      const text = store.getItem(key);
      if (text !== null) kept.push({ key, text, keptAt: key.slice(KEPT_PROGRESS_PREFIX.length) });
    }
    return kept.sort((a, b) => (a.keptAt < b.keptAt ? -1 : 1));
  } catch {
    return [];
  }
}

/** Deletes a kept record (the learner exported it or no longer wants it). */
export function forgetKeptRecord(key: string): void {
  try {
    storage()?.removeItem(key);
  } catch {
    // Nothing to do: the copy stays, which loses nothing.
  }
}
