/**
 * Bounded text records in sessionStorage: they outlive a reload and the browser's Back button, and
 * go when the tab closes. Each record is stored as "<saved-at ms>:<text>" under a prefixed key, so
 * the oldest can be evicted without reading an index that could disagree with the records.
 * Storage can be missing, disabled or full; then nothing is kept and nothing throws.
 */

export interface RecordLimits {
  /** Characters all records together may use. */
  readonly totalChars: number;
  /** Characters one record may use (a larger one is not kept). */
  readonly recordChars: number;
}

/**
 * About 2 M characters (4 MB as the browser counts them) of the origin's sessionStorage, at most a
 * quarter of it for one experiment.
 */
export const SAVED_RUNS_LIMITS: RecordLimits = { totalChars: 2_000_000, recordChars: 500_000 };

function sessionStore(): Storage | undefined {
  try {
    return typeof sessionStorage === 'undefined' ? undefined : sessionStorage;
  } catch {
    // Some browsers throw on the mere access when storage is blocked.
    return undefined;
  }
}

interface Entry {
  readonly key: string;
  readonly savedAt: number;
  readonly chars: number;
}

export class SessionRecords {
  constructor(
    private readonly prefix: string,
    private readonly limits: RecordLimits,
    private readonly store: () => Storage | undefined = sessionStore,
  ) {}

  read(name: string): string | undefined {
    try {
      const raw = this.store()?.getItem(this.prefix + name);
      if (raw == null) return undefined;
      const colon = raw.indexOf(':');
      return colon < 0 ? undefined : raw.slice(colon + 1);
    } catch {
      return undefined;
    }
  }

  remove(name: string): void {
    try {
      this.store()?.removeItem(this.prefix + name);
    } catch {
      // Nothing to do: a record that cannot be removed cannot be read either.
    }
  }

  /** Keeps `text` under `name`, evicting the oldest records to stay within the limits. */
  write(name: string, text: string, now = Date.now()): boolean {
    const key = this.prefix + name;
    const value = `${now}:${text}`;
    try {
      const store = this.store();
      if (!store) return false;
      store.removeItem(key);
      if (value.length > this.limits.recordChars) return false;
      const others = this.entries(store);
      let used = others.reduce((sum, e) => sum + e.chars, 0);
      while (used + value.length > this.limits.totalChars && others.length > 0) {
        const oldest = others.shift()!;
        store.removeItem(oldest.key);
        used -= oldest.chars;
      }
      for (;;) {
        try {
          store.setItem(key, value);
          return true;
        } catch {
          // Full for other reasons (other keys of the origin): make room, oldest first.
          const oldest = others.shift();
          if (!oldest) return false;
          store.removeItem(oldest.key);
        }
      }
    } catch {
      return false;
    }
  }

  /** This store's records, oldest first. */
  private entries(store: Storage): Entry[] {
    const entries: Entry[] = [];
    for (let i = 0; i < store.length; i++) {
      const key = store.key(i);
      if (key === null || !key.startsWith(this.prefix)) continue;
      const raw = store.getItem(key) ?? '';
      const savedAt = Number(raw.slice(0, raw.indexOf(':')));
      entries.push({ key, savedAt: Number.isFinite(savedAt) ? savedAt : 0, chars: raw.length });
    }
    return entries.sort((a, b) => a.savedAt - b.savedAt);
  }
}
