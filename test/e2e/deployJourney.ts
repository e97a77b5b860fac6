import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { LabDriver } from './labDriver';
import { experimentBlock, runUntilEffectShown } from './lessonPage';

/** Generous: the machine is shared, and the MNIST files come through the service worker or a server. */
const TRAINING = { timeout: 120_000, interval: 250 };

/** Follows the "Lab" link of the main navigation, as a learner would. */
export async function openLabByLink(page: Page): Promise<LabDriver> {
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Lab', exact: true })
    .click();
  await page.getByRole('heading', { level: 1, name: 'Lab', exact: true }).waitFor();
  return new LabDriver(page);
}

/**
 * Trains on MNIST 14×14 in the Lab until a few dozen steps are done and a validation loss is shown:
 * the worker must have fetched both MNIST files (from wherever the app is served, or the cache).
 */
export async function trainMnistInLab(lab: LabDriver): Promise<void> {
  await lab.choose('Dataset', 'MNIST 14×14');
  await lab.button('Train').click();
  await expect
    .poll(async () => (await lab.trainingLoss())?.step ?? 0, TRAINING)
    .toBeGreaterThan(30);
  await expect.poll(async () => (await lab.validationLoss()) !== undefined, TRAINING).toBe(true);
  await lab.button('Pause').click();
  await expect.poll(() => lab.tab('A').textContent(), TRAINING).toMatch(/paused at step/);
}

/** Lesson 1's quickest experiment: three 4-layer MNIST networks for 100 steps each. */
export async function runFirstLossExperiment(page: Page): Promise<void> {
  const experiment = experimentBlock(page, 'The loss at step 1 against ln 10');
  await runUntilEffectShown(experiment, TRAINING.timeout);
}

/** The scope of the service worker that controls or will control this page. */
export function serviceWorkerScope(page: Page): Promise<string> {
  return page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
}
