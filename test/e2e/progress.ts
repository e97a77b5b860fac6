import type { BrowserContext } from 'playwright-core';

/** Where the app keeps a learner's progress (src/store/progressStorage.ts). */
export const PROGRESS_KEY = 'normlab.progress';

/** Saved progress of a learner who has completed these lessons and done nothing else yet. */
export function completedLessons(...ids: string[]): string {
  const at = new Date('2026-01-15T10:00:00Z').toISOString();
  return JSON.stringify({
    version: 1,
    quizzes: {},
    experiments: {},
    viewedCharts: {},
    checkpoints: {},
    practice: {},
    completedLessons: Object.fromEntries(ids.map((id) => [id, at])),
  });
}

/**
 * Puts `text` in the app's saved-progress entry before the app first starts in this context. Only
 * when the entry is empty, so a reload finds what the learner saved since, not the seed again.
 */
export async function seedProgress(context: BrowserContext, text: string): Promise<void> {
  await context.addInitScript(
    ([key, value]) => {
      if (localStorage.getItem(key) === null) localStorage.setItem(key, value);
    },
    [PROGRESS_KEY, text] as const,
  );
}
