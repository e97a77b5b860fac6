import { create } from 'zustand';
import type { Shortcut } from '../shortcuts/shortcutRegistry';

/**
 * Which of a lesson's experiments is presented, if any: one at a time, by the id its ExperimentPanel
 * gave it, so the `P` key and the Present buttons agree on it.
 */
export const usePresentedExperiment = create<{ readonly id: string | null }>(() => ({ id: null }));

export function presentExperiment(id: string): void {
  usePresentedExperiment.setState({ id });
}

export function leavePresentedExperiment(): void {
  usePresentedExperiment.setState({ id: null });
}

/** The attribute every presentable experiment carries, so `P` can find one. */
export const EXPERIMENT_ID_ATTRIBUTE = 'data-experiment-id';

/** How much of `element` is inside the window, in square pixels. */
function visibleArea(element: Element): number {
  const box = element.getBoundingClientRect();
  const width = Math.min(box.right, window.innerWidth) - Math.max(box.left, 0);
  const height = Math.min(box.bottom, window.innerHeight) - Math.max(box.top, 0);
  return Math.max(0, width) * Math.max(0, height);
}

/**
 * The experiment `P` means: the one holding keyboard focus, else the one taking most of the window,
 * else none (no experiment is on screen).
 */
export function experimentForKey(): string | null {
  const selector = `[${EXPERIMENT_ID_ATTRIBUTE}]`;
  const focused = document.activeElement?.closest(selector);
  if (focused) return focused.getAttribute(EXPERIMENT_ID_ATTRIBUTE);
  let best: Element | null = null;
  let bestArea = 0;
  for (const experiment of document.querySelectorAll(selector)) {
    const area = visibleArea(experiment);
    if (area > bestArea) [best, bestArea] = [experiment, area];
  }
  return best?.getAttribute(EXPERIMENT_ID_ATTRIBUTE) ?? null;
}

/**
 * `P` on a lesson page: presents the experiment in view (or with focus), and leaves presenter mode
 * when one is presented, as the Present button and the bar's Leave button do.
 */
export const PRESENT_EXPERIMENT_SHORTCUT: Shortcut = {
  keys: ['p', 'P'],
  label: 'P',
  description: 'Present the experiment in view (or with focus); again to leave',
  group: 'Lesson',
  enabled: () => usePresentedExperiment.getState().id !== null || experimentForKey() !== null,
  run: () => {
    if (usePresentedExperiment.getState().id !== null) return leavePresentedExperiment();
    const id = experimentForKey();
    if (id !== null) presentExperiment(id);
  },
};
