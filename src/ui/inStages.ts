/**
 * Loading code in stages, each evaluated in a main-thread task of its own. A module graph imported in
 * one go is evaluated in one task: the app's first graph (React DOM, zod, the store, the home page)
 * took 160–190 ms of CPU on a 2-core machine, the lesson page's (KaTeX, Markdown, recharts, the page)
 * about 50 ms more, and the page could neither draw nor answer a click meanwhile. Importing the large
 * parts one after another, with a task boundary between them, evaluates each on its own.
 */

/** Resolves in a later task, after the browser has had a chance to paint and handle input. */
export function nextTask(): Promise<void> {
  return new Promise((resume) => setTimeout(resume, 0));
}

/**
 * Runs `stages` (each an import of a module the last one needs) one after another, each in a task
 * of its own, then resolves with what `last` resolves to. A stage's module stays loaded, so `last`
 * evaluates only what the stages did not.
 */
export async function inStages<T>(
  stages: readonly (() => Promise<unknown>)[],
  last: () => Promise<T>,
): Promise<T> {
  for (const stage of stages) {
    await stage();
    await nextTask();
  }
  return last();
}
