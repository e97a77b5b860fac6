import { describe, expect, test } from 'vitest';
import { useApp } from './harness';
import { openLab } from './labDriver';

/** Generous: the machine is shared and the suite trains real networks. */
const TRAINING = { timeout: 60_000, interval: 250 };

describe('Stop at', () => {
  const app = useApp({ width: 1280, height: 720 });

  test('a run set to stop at 200 steps trains to exactly step 200 and finishes there; the target and the view survive a reload', async () => {
    const l = await openLab(app);
    await l.choose('Stop at', 'A number of steps');
    await l.type('Steps to stop at', '200');
    await expect.poll(() => app.page.evaluate(() => window.location.hash)).toMatch(/[?&]stop=200/);

    await l.button('Train').click();
    await expect.poll(() => l.tab('A').textContent(), TRAINING).toMatch(/finished at step 200/);
    // The progress line is a deferred render (RunProgress): it catches up with the tab.
    await expect.poll(() => l.step(), TRAINING).toBe(200);
    // The last training loss the chart holds is step 200's, and nothing trains on.
    await expect.poll(async () => (await l.trainingLoss())?.step, TRAINING).toBe(200);
    await expect.poll(() => l.button('Train').isDisabled()).toBe(true);
    await expect
      .poll(() => app.page.getByText('Every run has reached 200 steps').isVisible())
      .toBe(true);

    // The view is part of the link too: log scale and smoothing, then presenter mode.
    await app.page.getByRole('checkbox', { name: 'Log scale for loss' }).check();
    await l.setting('Smoothing').selectOption('0.95');
    await expect.poll(() => app.page.evaluate(() => window.location.hash)).toMatch(/smooth=0\.95/);

    await app.reload();
    await expect
      .poll(
        () => l.page.getByRole('spinbutton', { name: 'Steps to stop at' }).inputValue(),
        TRAINING,
      )
      .toBe('200');
    expect(await l.setting('Stop at').inputValue()).toBe('steps');
    expect(await app.page.getByRole('checkbox', { name: 'Log scale for loss' }).isChecked()).toBe(
      true,
    );
    expect(await l.setting('Smoothing').inputValue()).toBe('0.95');

    await app.page.keyboard.press('p');
    const bar = app.page.getByRole('toolbar', { name: 'Presenter controls' });
    await expect.poll(() => bar.isVisible(), TRAINING).toBe(true);
    await app.reload();
    await expect.poll(() => bar.getByText('Stop at: 200 steps').isVisible(), TRAINING).toBe(true);
    expect(await l.setting('Smoothing').inputValue()).toBe('0.95');
  });

  test('in presenter mode, Space trains to the link’s stop=60 and the run finishes at step 60', async () => {
    const l = await openLab(app, '#/lab?present=1&stop=60');
    const bar = app.page.getByRole('toolbar', { name: 'Presenter controls' });
    // The page's code loads lazily: on a loaded machine that takes seconds.
    await expect.poll(() => bar.getByText('Stop at: 60 steps').isVisible(), TRAINING).toBe(true);
    await app.page.keyboard.press('Space');
    await expect
      .poll(() => app.page.getByText('Run A finished at step 60.').count(), TRAINING)
      .toBe(1);
    // The announcer names the step the worker stopped at; the loss chart holds no later one.
    await expect.poll(async () => (await l.trainingLoss())?.step, TRAINING).toBe(60);
  });
});
