import { expect } from 'vitest';
import type { Locator, Page } from 'playwright-core';

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
 * Lesson 3's mystery network: the prepared eval/train experiment earns nothing; the learner trains
 * the mystery as it is, reveals its validation mode, names the fault, switches to eval mode and
 * trains again, which earns cp-eval-mode.
 */
export async function fixTheForgottenEvalMode(page: Page): Promise<void> {
  const checkpoint = page.getByRole('region', {
    name: 'Checkpoint Switched to eval mode for validation and saw the difference',
  });
  const prepared = page.getByRole('region', {
    name: 'Experiment Validating in eval mode and in train mode',
  });
  await prepared.getByRole('button', { name: 'Run experiment' }).click();
  await prepared
    .getByRole('status')
    .filter({ hasText: /^Effect shown/ })
    .waitFor({ timeout: TRAINING.timeout });
  expect(await earned(checkpoint)()).toMatch(/^Not earned yet\./);

  const mystery = page.getByRole('region', {
    name: 'Mystery network The validation score that does not match the deployed model',
  });
  // Nothing on the page gives the hidden settings away, and there is no Lab link carrying them.
  expect(await mystery.innerText()).toMatch(/normalization hidden · init hidden/);
  expect(await mystery.getByRole('link', { name: 'Open in Lab' }).count()).toBe(0);
  await mystery.getByRole('button', { name: 'Run experiment' }).click();
  await expect
    .poll(() => mystery.innerText(), TRAINING)
    .toMatch(/Mystery network: finished 300 steps/);
  expect(await earned(checkpoint)()).toMatch(/^Not earned yet\./);

  await mystery.getByRole('button', { name: 'Reveal validation mode' }).click();
  const mode = mystery.getByRole('combobox', { name: 'Mystery network: Validation mode' });
  expect(await mode.inputValue()).toBe('train');
  await mystery
    .getByRole('radio', {
      name: /^Validation runs in train mode: model\.eval\(\) was never called/,
    })
    .check();
  await mystery.getByRole('button', { name: 'Check answer' }).click();
  expect(await mystery.innerText()).toMatch(/Run “Mystery network” uses validation mode Eval/);
  await mode.selectOption('eval');
  await mystery.getByRole('button', { name: /^(Run experiment|Run again)$/ }).click();
  await expect.poll(earned(checkpoint), TRAINING).toMatch(/^Earned on /);
}
