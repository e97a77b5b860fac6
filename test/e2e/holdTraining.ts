import type { BrowserContext, Page } from 'playwright-core';

/**
 * A hold on a lesson experiment's training, for a test that must act while the runs still train:
 * lesson 1's first experiment takes its 400 steps in about a second and a half on an idle machine,
 * so a Pause pressed when the first steps show may reach the workers after the last one. Playwright
 * cannot stop a worker, so the hold sits where the page talks to its workers (Worker.postMessage,
 * wrapped before the app loads): a worker the page tells to take N steps is told to take `steps` of
 * them, and the rest wait for `releaseTraining`. The page knows nothing of it: its runs are training
 * (at step `steps`) until it pauses them itself, and whatever it then sends (Pause, Reset, a new
 * configuration, the next steps) replaces the steps still waiting, as it would in the worker.
 *
 * `steps` should be a multiple of the experiment's `validationEvery`: a worker that stops after its
 * steps validates the last one, so the held run is then validated exactly where the real one is.
 */
export async function holdTraining(context: BrowserContext, steps: number): Promise<void> {
  await context.addInitScript((heldSteps: number) => {
    interface Command {
      readonly type?: unknown;
      readonly count?: unknown;
    }
    const post = Worker.prototype.postMessage;
    const waiting = new Map<Worker, number>();
    const told = new Map<Worker, string[]>();
    let held = true;
    Worker.prototype.postMessage = function (this: Worker, ...args: unknown[]): void {
      const message = args[0] as Command | null;
      const command = message?.type;
      if (
        command !== 'step' &&
        command !== 'pause' &&
        command !== 'reset' &&
        command !== 'configure'
      ) {
        post.apply(this, args as Parameters<Worker['postMessage']>);
        return;
      }
      const count = message?.count;
      told.set(this, [
        ...(told.get(this) ?? []),
        command === 'step' ? `step ${String(count)}` : command,
      ]);
      waiting.delete(this);
      if (command === 'step' && held && typeof count === 'number' && count > heldSteps) {
        waiting.set(this, count - heldSteps);
        post.call(this, { type: 'step', count: heldSteps });
        return;
      }
      post.apply(this, args as Parameters<Worker['postMessage']>);
    };
    const hold: TrainingHold = {
      release() {
        held = false;
        for (const [worker, count] of waiting) post.call(worker, { type: 'step', count });
        waiting.clear();
      },
      hold() {
        held = true;
      },
      told: () => [...told.values()],
    };
    Object.assign(window, { normlabTrainingHold: hold });
  }, steps);
}

interface TrainingHold {
  release(): void;
  hold(): void;
  /** What the page told each training worker, one list per worker in creation order. */
  told(): string[][];
}

function onHold<K extends keyof TrainingHold>(
  page: Page,
  action: K,
): Promise<ReturnType<TrainingHold[K]>> {
  return page.evaluate(
    (name) =>
      (window as unknown as { normlabTrainingHold: TrainingHold }).normlabTrainingHold[name](),
    action,
  ) as Promise<ReturnType<TrainingHold[K]>>;
}

/** Lets the held runs take their waiting steps, and the next ones in full. */
export const releaseTraining = (page: Page): Promise<void> => onHold(page, 'release');

/** Holds the next steps the page asks for again (after `releaseTraining`). */
export const holdTrainingAgain = (page: Page): Promise<void> => onHold(page, 'hold');

/**
 * What the page told each training worker (`configure`, `step N`, `pause`, `reset`), one list per
 * worker in creation order: the page's own messages, before the hold shortened any `step`.
 */
export const trainingCommands = (page: Page): Promise<string[][]> => onHold(page, 'told');
