import { describe, expect, test } from 'vitest';
import { useApp } from './harness';
import {
  becomesEarned,
  effectShown,
  experimentBlock,
  openCheckpoint,
  openPractice,
  passPractice,
} from './lessonPage';

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
      const lesson = await openPractice(
        app,
        'initialization',
        'Applied Kaiming initialization yourself and checked the weights',
        'Rescue the 20-layer network with an init of your own',
      );
      const { page, status, practice } = lesson;

      // Watching: the four-scheme experiment, trained, with its weight histograms open.
      const prepared = experimentBlock(page, 'Four initializations, one network');
      await prepared.getByRole('button', { name: 'Run experiment' }).click();
      await prepared.getByRole('tab', { name: 'Weights' }).click();
      await effectShown(prepared, TRAINING.timeout);
      expect(await status()).toMatch(/^Not earned yet\./);

      // Doing: run Custom becomes Kaiming uniform written by hand, is trained, and its weights read.
      await practice.getByRole('tab', { name: 'Weights' }).click();
      await practice.getByRole('combobox', { name: 'Custom: Weight init' }).selectOption('custom');
      await practice
        .getByRole('combobox', { name: 'Custom: Custom init distribution' })
        .selectOption('uniform');
      const gain = practice.getByRole('spinbutton', { name: 'Custom: Custom init gain' });
      await gain.fill('1.41');
      await gain.press('Enter');
      await passPractice(lesson, TRAINING);
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

      const experiment = experimentBlock(lesson.page, 'Fold a trained network and compare the two');
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
      const lesson = await openPractice(
        app,
        'deep-without-normalization',
        'Trained a 50-layer network with no normalization',
        'Rescue the 50-layer network with ReZero',
      );
      const { practice } = lesson;
      // As written, the network diverges: nothing is earned.
      await practice.getByRole('button', { name: 'Run experiment' }).click();
      await expect.poll(() => practice.innerText(), TRAINING).toMatch(/diverged/i);
      expect(await lesson.status()).toMatch(/^Not earned yet\./);

      await practice
        .getByRole('combobox', { name: 'Your network: Branch scale at init' })
        .selectOption('reZero');
      await passPractice(lesson, TRAINING);
    },
  );

  test(
    'Lesson 7: the ghost-batch network switched to GroupNorm with standardized weights, and trained, earns the small-batch checkpoint',
    TEST,
    async () => {
      const lesson = await openPractice(
        app,
        'deep-without-normalization',
        'Removed the batch dependence with GroupNorm and standardized weights',
        'Free a small-batch network from its batch statistics',
      );
      const { practice } = lesson;
      await practice
        .getByRole('combobox', { name: 'Your network: Normalization' })
        .selectOption('groupNorm');
      await practice
        .getByRole('checkbox', { name: 'Your network: Weight standardization' })
        .check();
      await passPractice(lesson, TRAINING);
    },
  );

  test(
    'Lesson 8: the runs as written earn nothing; weight decay 0.005 on run Decayed, trained, with its weight norms read, does',
    TEST,
    async () => {
      const lesson = await openPractice(
        app,
        'scale-invariance',
        "Used weight decay to set a layer's weight norm, and read its effective learning rate",
        'Hold the weight norm down with weight decay',
      );
      const { practice } = lesson;
      await practice.getByRole('tab', { name: 'Weight norms' }).click();
      const decay = practice.getByRole('spinbutton', { name: 'Decayed: Weight decay' });
      await decay.fill('0.005');
      await decay.press('Enter');
      await passPractice(lesson, TRAINING);
      expect(
        await practice
          .getByRole('figure', { name: 'Weight norms: Decayed' })
          .getByRole('heading', { name: 'Weight norm ‖W‖' })
          .count(),
      ).toBe(1);
    },
  );
});
