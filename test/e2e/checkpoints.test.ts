import { describe, expect, test } from 'vitest';
import { useApp } from './harness';
import { becomesEarned, openCheckpoint } from './lessonPage';

/**
 * The slowest practice of the track: a 20-layer MNIST network for 400 steps, twice (lesson 2). The
 * others train a 4-layer network for 300 steps (lesson 6) or 1,000 steps twice (lesson 8), and a
 * 50-layer one for 300 steps (lesson 7).
 */
const TRAINING = { timeout: 600_000, interval: 500 };
const TEST = { timeout: 1_200_000 };

describe('Action checkpoints are earned by doing, never by watching', () => {
  const app = useApp();

  test(
    'Lesson 2: the prepared experiment and its weight histograms earn nothing; Kaiming by hand, trained, then the weights do',
    TEST,
    async () => {
      const lesson = await openCheckpoint(
        app,
        'initialization',
        'Applied Kaiming initialization yourself and checked the weights',
      );
      const { page, status } = lesson;
      expect(await status()).toMatch(/^Not earned yet\. Do the practice/);

      // Watching: the four-scheme experiment, trained, with its weight histograms open.
      const prepared = page.getByRole('region', {
        name: 'Experiment Four initializations, one network',
      });
      await prepared.getByRole('button', { name: 'Run experiment' }).click();
      await prepared.getByRole('tab', { name: 'Weights' }).click();
      await prepared
        .getByRole('status')
        .filter({ hasText: /^Effect shown/ })
        .waitFor({ timeout: TRAINING.timeout });
      expect(await status()).toMatch(/^Not earned yet\./);

      // Doing: run Custom becomes Kaiming uniform written by hand, is trained, and its weights read.
      const practice = page.getByRole('region', {
        name: 'Practice Rescue the 20-layer network with an init of your own',
      });
      await practice.getByRole('tab', { name: 'Weights' }).click();
      await practice.getByRole('combobox', { name: 'Custom: Weight init' }).selectOption('custom');
      await practice
        .getByRole('combobox', { name: 'Custom: Custom init distribution' })
        .selectOption('uniform');
      const gain = practice.getByRole('spinbutton', { name: 'Custom: Custom init gain' });
      await gain.fill('1.41');
      await gain.press('Enter');
      await practice.getByRole('button', { name: 'Run experiment' }).click();
      await expect.poll(() => practice.innerText(), TRAINING).toMatch(/Passed on /);
      await becomesEarned(lesson);
      expect(await status()).toMatch(/Rescue the 20-layer network/);

      // The lesson's completion rules say so too.
      const rules = page.getByRole('region', { name: 'What completes this lesson' });
      expect(await rules.innerText()).toMatch(
        /Checkpoint “Applied Kaiming initialization yourself and checked the weights”: earned/,
      );
    },
  );

  test(
    'Lesson 6: training alone earns nothing; pressing Fold BatchNorm on the trained run does',
    TEST,
    async () => {
      const lesson = await openCheckpoint(
        app,
        'batchnorm-after-training',
        'Folded a trained network and checked its outputs',
      );
      expect(await lesson.status()).toMatch(/^Not earned yet/);

      const experiment = lesson.page.getByRole('region', {
        name: 'Experiment Fold a trained network and compare the two',
      });
      const fold = experiment.getByRole('button', { name: 'Fold BatchNorm' });
      expect(await fold.isDisabled()).toBe(true);
      await experiment.getByRole('button', { name: 'Run experiment' }).click();
      await expect.poll(() => fold.isEnabled(), TRAINING).toBe(true);
      expect(await lesson.status()).toMatch(/^Not earned yet/);

      await fold.click();
      await expect
        .poll(() => experiment.innerText(), { timeout: 60_000, interval: 250 })
        .toMatch(/Folded at step 300: 4 BatchNorm layers merged/);
      await becomesEarned(lesson);
    },
  );

  test(
    'Lesson 7: the diverging 50-layer network as written earns nothing; switched to ReZero and trained, it does',
    TEST,
    async () => {
      const lesson = await openCheckpoint(
        app,
        'deep-without-normalization',
        'Trained a 50-layer network with no normalization',
      );
      expect(await lesson.status()).toMatch(/^Not earned yet\. Do the practice/);

      const practice = lesson.page.getByRole('region', {
        name: 'Practice Rescue the 50-layer network with ReZero',
      });
      // As written, the network diverges: nothing is earned.
      await practice.getByRole('button', { name: 'Run experiment' }).click();
      await expect.poll(() => practice.innerText(), TRAINING).toMatch(/diverged/i);
      expect(await lesson.status()).toMatch(/^Not earned yet\./);

      await practice
        .getByRole('combobox', { name: 'Your network: Branch scale at init' })
        .selectOption('reZero');
      await practice.getByRole('button', { name: /Run experiment|Run again/ }).click();
      await expect.poll(() => practice.innerText(), TRAINING).toMatch(/Passed on /);
      await becomesEarned(lesson);
    },
  );

  test(
    'Lesson 7: the ghost-batch network switched to GroupNorm with standardized weights, and trained, earns the small-batch checkpoint',
    TEST,
    async () => {
      const lesson = await openCheckpoint(
        app,
        'deep-without-normalization',
        'Removed the batch dependence with GroupNorm and standardized weights',
      );
      expect(await lesson.status()).toMatch(/^Not earned yet\. Do the practice/);

      const practice = lesson.page.getByRole('region', {
        name: 'Practice Free a small-batch network from its batch statistics',
      });
      await practice
        .getByRole('combobox', { name: 'Your network: Normalization' })
        .selectOption('groupNorm');
      await practice
        .getByRole('checkbox', { name: 'Your network: Weight standardization' })
        .check();
      await practice.getByRole('button', { name: /Run experiment|Run again/ }).click();
      await expect.poll(() => practice.innerText(), TRAINING).toMatch(/Passed on /);
      await becomesEarned(lesson);
    },
  );

  test(
    'Lesson 8: the runs as written earn nothing; weight decay 0.005 on run Decayed, trained, with its weight norms read, does',
    TEST,
    async () => {
      const lesson = await openCheckpoint(
        app,
        'scale-invariance',
        "Used weight decay to set a layer's weight norm, and read its effective learning rate",
      );
      expect(await lesson.status()).toMatch(/^Not earned yet\. Do the practice/);

      const practice = lesson.page.getByRole('region', {
        name: 'Practice Hold the weight norm down with weight decay',
      });
      await practice.getByRole('tab', { name: 'Weight norms' }).click();
      const decay = practice.getByRole('spinbutton', { name: 'Decayed: Weight decay' });
      await decay.fill('0.005');
      await decay.press('Enter');
      await practice.getByRole('button', { name: 'Run experiment' }).click();
      await expect.poll(() => practice.innerText(), TRAINING).toMatch(/Passed on /);
      await becomesEarned(lesson);
      expect(
        await practice
          .getByRole('figure', { name: 'Weight norms: Decayed' })
          .getByRole('heading', { name: 'Weight norm ‖W‖' })
          .count(),
      ).toBe(1);
    },
  );
});
