import { expect } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { becomesEarned, experimentBlock, runUntilEffectShown } from './lessonPage';

/**
 * The learner's own actions that earn lesson 3's and lesson 2's action checkpoints, as a person does
 * them: by role and accessible name, waiting for their runs to train.
 */

const TRAINING = { timeout: 400_000, interval: 500 };

const earned = (checkpoint: Locator) => () => checkpoint.getByRole('status').first().innerText();

/** Lesson 3, practice 1: switches BatchNorm on in run "With BatchNorm", trains, earns cp-added-bn. */
export async function addBatchNormYourself(page: Page, checkpoint: Locator): Promise<void> {
  const practice = page.getByRole('region', {
    name: 'Practice Add BatchNorm to a simple MLP and compare convergence speed',
  });
  await practice
    .getByRole('combobox', { name: 'With BatchNorm: Normalization' })
    .selectOption('batchNorm');
  await practice.getByRole('button', { name: 'Run experiment' }).click();
  await expect.poll(earned(checkpoint), TRAINING).toMatch(/^Earned on /);
  expect(await practice.innerText()).toMatch(/Passed on /);
}

/**
 * Lesson 3's mystery network, diagnosed in the Lab: the prepared eval/train experiment earns nothing;
 * the learner opens the mystery in the Lab (its settings hidden, none in the address), trains it as
 * it is, reveals its validation mode (still revealed after a reload), names the fault, switches to
 * eval mode and trains again, which earns cp-eval-mode back in the lesson.
 */
export async function fixTheForgottenEvalMode(page: Page): Promise<void> {
  const checkpoint = page.getByRole('region', {
    name: 'Checkpoint Switched to eval mode for validation and saw the difference',
  });
  const prepared = experimentBlock(page, 'Validating in eval mode and in train mode');
  await runUntilEffectShown(prepared, TRAINING.timeout);
  expect(await earned(checkpoint)()).toMatch(/^Not earned yet\./);

  const lesson = page.getByRole('region', {
    name: 'Mystery network The validation score that does not match the deployed model',
  });
  expect(await lesson.getByRole('link', { name: 'Open in Lab' }).count()).toBe(0);
  await lesson.getByRole('link', { name: 'Open the mystery in the Lab' }).click();
  await page.getByRole('heading', { level: 1, name: 'Lab' }).waitFor();
  expect(page.url()).toMatch(/#\/lab\?mystery=batch-normalization%2Fmystery-forgotten-eval$/);
  const mystery = page.getByRole('region', {
    name: 'Mystery network The validation score that does not match the deployed model',
  });
  // Nothing in the Lab gives the hidden settings away: no control, no export, not the address.
  const settings = page.getByRole('tabpanel');
  expect(await settings.innerText()).toMatch(/Validation mode: hidden/);
  expect(await settings.getByRole('combobox', { name: /Validation mode/ }).count()).toBe(0);
  expect(await settings.getByRole('button', { name: /Export/ }).count()).toBe(0);

  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect
    .poll(() => mystery.innerText(), TRAINING)
    .toMatch(/The effect shows in your runs \(not yet: run A at step 300/);
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  expect(await mystery.innerText()).toMatch(/Not passed yet/);

  await page.getByRole('button', { name: 'Reveal validation mode' }).click();
  await page.reload();
  const mode = page.getByRole('combobox', { name: 'Run A: Validation mode' });
  // The reloaded page comes in stages: the revealed setting may arrive a moment after the control.
  await expect.poll(() => mode.inputValue(), TRAINING).toBe('train');
  await mystery
    .getByRole('radio', {
      name: /^Validation runs in train mode: model\.eval\(\) was never called/,
    })
    .check();
  await mystery.getByRole('button', { name: 'Check answer' }).click();
  expect(await mystery.innerText()).toMatch(/Run “Mystery network” uses validation mode Eval/);
  await mode.selectOption('eval');
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect.poll(() => mystery.innerText(), TRAINING).toMatch(/Passed on /);
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  await page.goBack();
  await checkpoint.waitFor();
  await becomesEarned({ status: earned(checkpoint) });
}
