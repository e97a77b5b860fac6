import { describe, expect, test } from 'vitest';
import { seriousViolations } from './axe';
import { PHONE, useApp } from './harness';
import { LabDriver, openLab, parseShown } from './labDriver';

/** Generous: the machine is shared and the suite trains real networks. */
const TRAINING = { timeout: 30_000, interval: 250 };
/** A page opened by address loads its code lazily: on a loaded machine that takes seconds. */
const LOADING = { timeout: 30_000, interval: 250 };
/** axe reads every node of the Lab page, which on a loaded machine takes well over a minute. */
const AXE_TEST_TIMEOUT_MS = 180_000;

describe('Lab', () => {
  const app = useApp();

  test('BatchNorm with Kaiming init trains: the loss falls, histograms draw, Pause stops', async () => {
    const l = await openLab(app);
    await l.choose('Normalization', 'BatchNorm');
    await l.choose('Weight init', 'Kaiming normal');
    expect(await l.setting('Normalization').inputValue()).toBe('batchNorm');

    const before = await l.baseline(TRAINING);
    await l.trainPast(200, TRAINING);
    const after = await l.validationLoss();
    expect(after?.loss).toBeLessThan(before.loss * 0.8);
    expect(await l.summary('Activation histograms')).toMatch(
      /^At step [\d,]+, \d+ layers, all drawn on the x range \S+ to \S+\. /,
    );
    expect(await l.figure('Activation histograms').locator('svg path').count()).toBeGreaterThan(0);

    await l.button('Pause').click();
    await expect.poll(() => l.tab('A').textContent(), TRAINING).toMatch(/paused at step/);
    const status = /paused at step ([\d,]+)/.exec((await l.tab('A').textContent()) ?? '');
    if (!status?.[1]) throw new Error('the run tab does not say where the run paused');
    const paused = parseShown(status[1]);
    // The step counter is a deferred render (useDeferredValue): on a busy machine it may still show
    // an earlier step when the tab already says paused, so wait for it to catch up, then hold still.
    await expect.poll(() => l.step(), TRAINING).toBe(paused);
    await app.page.waitForTimeout(500);
    expect(await l.step()).toBe(paused);
    await expect.poll(() => l.button('Train').isEnabled()).toBe(true);
  });

  test('two runs that differ in one setting both appear in the legend', async () => {
    const l = await openLab(app);
    await l.button('Duplicate run').click();
    await l.tab('B').click();
    await expect.poll(() => l.tab('B').getAttribute('aria-selected')).toBe('true');
    await l.choose('Normalization', 'BatchNorm');
    const legend = l.figure('Loss').getByRole('list', { name: 'Legend' });
    await expect
      .poll(() => legend.getByRole('listitem').allInnerTexts())
      .toEqual(
        expect.arrayContaining([
          expect.stringMatching(/^A\b/),
          expect.stringMatching(/^B\b.*BatchNorm/),
        ]),
      );
    await l.button('Step').click();
    // Step steps every run; each run's snapshot arrives on its own, in either order.
    await expect.poll(async () => (await l.trainingLoss('B'))?.step, TRAINING).toBe(1);
    await expect.poll(async () => (await l.trainingLoss('A'))?.step, TRAINING).toBe(1);
  });

  test('a shared link reopens the same runs with the same settings', async () => {
    const l = await openLab(app);
    await l.choose('Normalization', 'LayerNorm');
    await l.choose('Weight init', 'Xavier uniform');
    await l.type('Learning rate', '0.03');
    await l.button('Duplicate run').click();
    await l.tab('B').click();
    await l.choose('Optimizer', 'Adam');
    await expect.poll(() => app.page.url()).toContain('b.opt=adam');
    const link = app.page.url();

    const other = await app.context.newPage();
    await other.goto(link);
    const reopened = new LabDriver(other);
    await expect.poll(() => reopened.tab('B').count(), LOADING).toBe(1);
    await reopened.tab('A').click();
    expect(await reopened.setting('Normalization').inputValue()).toBe('layerNorm');
    expect(await reopened.setting('Weight init').inputValue()).toBe('xavierUniform');
    expect(await other.getByRole('spinbutton', { name: 'Learning rate' }).inputValue()).toBe(
      '0.03',
    );
    expect(await reopened.setting('Optimizer').inputValue()).toBe('sgd');
    await reopened.tab('B').click();
    expect(await reopened.setting('Optimizer').inputValue()).toBe('adam');
    expect(await reopened.setting('Normalization').inputValue()).toBe('layerNorm');
    await other.close();

    await app.reload();
    await l.tab('B').click();
    expect(await l.setting('Optimizer').inputValue()).toBe('adam');
  });

  test('learning rate 10 without normalization diverges with a message that says what to try', async () => {
    const l = await openLab(app);
    expect(await l.setting('Normalization').inputValue()).toBe('none');
    await l.type('Learning rate', '10');
    await l.button('Train').click();
    const alert = app.page.getByRole('alert').filter({ hasText: 'Diverged at step' });
    await expect.poll(() => alert.count(), TRAINING).toBe(1);
    expect(await alert.innerText()).toMatch(/lower learning rate, such as 1\b/);
    expect(await alert.innerText()).toMatch(/add normalization/);
    await expect.poll(() => l.tab('A').textContent()).toMatch(/diverged at step/);
  });

  test(
    'axe finds no serious or critical accessibility violations on the Lab page',
    async () => {
      const l = await openLab(app);
      await l.button('Step').click();
      await expect.poll(async () => (await l.trainingLoss())?.step, TRAINING).toBe(1);
      expect(await seriousViolations(app.page)).toEqual([]);
    },
    AXE_TEST_TIMEOUT_MS,
  );
});

describe('Lab on a 390 px phone', () => {
  const app = useApp(PHONE);

  test('nothing overflows horizontally, before and after training', async () => {
    const l = await openLab(app);
    const overflow = () =>
      app.page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
    expect(await overflow()).toBe(0);
    await l.button('Step').click();
    await expect.poll(async () => (await l.trainingLoss())?.step, TRAINING).toBe(1);
    expect(await overflow()).toBe(0);
  });
});
