import type { Locator } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { useApp } from './harness';
import { openLab } from './labDriver';

/** Generous: the machine is shared and the suite trains real networks. */
const TRAINING = { timeout: 120_000, interval: 250 };
const TEST_TIMEOUT = 400_000;

/** Three well-separated clusters in four features, 300 rows, with a header and a text label. */
function clustersCsv(): string {
  const lines = ['f1,f2,f3,f4,kind'];
  const names = ['apple', 'pear', 'plum'];
  for (let i = 0; i < 300; i++) {
    const c = i % 3;
    // Deterministic scatter: the same file every run.
    // Wide enough that the clusters touch: the loss falls but stays far from zero.
    const jitter = (k: number) => (((i * 7919 + k * 104729) % 1000) / 1000 - 0.5) * 4;
    const values = [0, 1, 2, 3].map((k) => (c === k || c + 1 === k ? 3 : 0) + 10 * k + jitter(k));
    lines.push([...values.map((v) => v.toFixed(3)), names[c]].join(','));
  }
  return `${lines.join('\n')}\n`;
}

/** Where `element` is once two reads in a row, a quarter second apart, agree. */
async function stableBox(
  element: Locator,
): Promise<{ x: number; y: number; width: number; height: number }> {
  let last = await element.boundingBox();
  for (;;) {
    await new Promise((settle) => setTimeout(settle, 250));
    const now = await element.boundingBox();
    if (!now) throw new Error('the element is not on screen');
    if (last && JSON.stringify(now) === JSON.stringify(last)) return now;
    last = now;
  }
}

function csvFile(name: string, text: string) {
  return { name, mimeType: 'text/csv', buffer: Buffer.from(text, 'utf8') };
}

describe('Your own data', () => {
  const app = useApp();
  const fileInput = () => app.page.getByLabel('CSV file', { exact: true });
  const ownData = () => app.page.getByRole('group', { name: 'Your own data' });

  test(
    'a good CSV trains like a built-in set and is still there after a reload',
    async () => {
      const l = await openLab(app);
      await l.choose('Dataset', 'Your CSV file');
      await fileInput().setInputFiles(csvFile('fruit.csv', clustersCsv()));
      await expect
        .poll(() => ownData().innerText(), TRAINING)
        .toMatch(/Training on fruit\.csv: 300 rows, 4 features, 3 classes \(apple, pear, plum\)/);

      const before = await l.baseline(TRAINING);
      await l.trainPast(100, TRAINING);
      await l.button('Pause').click();
      expect((await l.validationLoss())?.loss).toBeLessThan(before.loss * 0.5);
      expect(await l.summary('Activation histograms')).toMatch(/^At step [\d,]+, \d+ layers/);

      // Kept in IndexedDB: after a reload the run trains on the same file without asking for it.
      await app.reload();
      await expect.poll(() => ownData().innerText(), TRAINING).toMatch(/Training on fruit\.csv/);
      await expect.poll(() => l.validationLoss(), TRAINING).toMatchObject({ step: 0 });
      expect(await app.page.getByText('Training stopped').count()).toBe(0);
    },
    TEST_TIMEOUT,
  );

  test(
    'a bad CSV is refused with its line and column, and the data in use stays',
    async () => {
      const l = await openLab(app);
      await l.choose('Dataset', 'Your CSV file');
      await fileInput().setInputFiles(csvFile('fruit.csv', clustersCsv()));
      await expect.poll(() => ownData().innerText(), TRAINING).toMatch(/Training on fruit\.csv/);

      const bad = 'a,b,label\n1,2,x\n3,4,y\n5,6,x\n7,oops,y\n';
      await fileInput().setInputFiles(csvFile('broken.csv', bad));
      const alert = ownData().getByRole('alert');
      await expect.poll(() => alert.innerText(), TRAINING).toContain('This file cannot be used');
      const text = await alert.innerText();
      expect(text).toContain('"oops" at line 5, column 2 (b) is not a number');
      expect(text).toContain('Nothing changed: the runs keep training on fruit.csv.');
      expect(await ownData().innerText()).toMatch(/Training on fruit\.csv: 300 rows/);
    },
    TEST_TIMEOUT,
  );

  test(
    'a link to a run on own data says the data is not in the link and asks for the file',
    async () => {
      await app.open('#/lab?a.data=csv');
      const message = app.page.getByRole('alert').filter({ hasText: 'Training stopped' });
      await expect
        .poll(() => message.innerText(), TRAINING)
        .toContain('a link carries the settings, never the data. Choose the CSV file');
      expect(await ownData().innerText()).toContain('the data is not in the link');
      await expect.poll(() => fileInput().count()).toBe(1);
    },
    TEST_TIMEOUT,
  );

  test(
    'points drawn on the plane, two classes and an erased one, train with a decision boundary',
    async () => {
      const l = await openLab(app);
      await l.choose('Dataset', 'Your drawn points');
      const plane = app.page.getByRole('application', { name: /^Drawing plane/ });
      await plane.scrollIntoViewIfNeeded();
      const box = await plane.boundingBox();
      if (!box) throw new Error('the drawing plane is not on screen');
      // Plane coordinates in [-1.5, 1.5]² to pixels of the plane (click scrolls it into view).
      const place = async (x: number, y: number) => {
        const position = { x: ((x + 1.5) / 3) * box.width, y: ((1.5 - y) / 3) * box.height };
        await plane.click({ position });
      };
      // Class 1 on the left, class 2 on the right: ten points each.
      for (let i = 0; i < 10; i++) await place(-1 + (i % 3) * 0.15, -0.9 + i * 0.2);
      await app.page.getByRole('radio', { name: 'class 2' }).check();
      for (let i = 0; i < 10; i++) await place(0.7 + (i % 3) * 0.15, -0.9 + i * 0.2);
      await place(1.2, 1.2);
      const count = ownData().locator('[aria-live="polite"]');
      await expect.poll(() => count.innerText()).toBe('21 points: 10 of class 1, 11 of class 2.');
      await app.page.getByRole('radio', { name: 'Eraser' }).check();
      await place(1.2, 1.2);
      await expect.poll(() => count.innerText()).toBe('20 points: 10 of class 1, 10 of class 2.');

      // 16 training points: a batch of 32 cannot be drawn from them (the run would say so).
      await l.type('Batch size', '8');
      await l.button('Train on these points').click();
      await expect
        .poll(() => ownData().innerText(), TRAINING)
        .toMatch(/Training on Drawn points: 20 rows, 2 features, 2 classes/);
      await l.baseline(TRAINING);
      await l.trainPast(100, TRAINING);
      await l.button('Pause').click();
      expect(await l.summary('Decision boundary')).toMatch(/class 1/);
    },
    TEST_TIMEOUT,
  );

  test(
    'a drawn digit goes through the current network: prediction, probabilities, layers, live',
    async () => {
      const l = await openLab(app);
      await l.choose('Dataset', 'MNIST 14×14');
      // The test digits' grid above the pad comes with the data and pushes it down: the stroke must
      // be placed where the pad is once the run is ready, not where it was before.
      await l.baseline(TRAINING);
      await l.figure('Test digits').waitFor({ timeout: TRAINING.timeout });
      const pad = app.page.getByRole('application', { name: 'Drawing pad for a digit' });
      await pad.scrollIntoViewIfNeeded();
      const box = await stableBox(pad);
      // A "1": one vertical stroke down the middle.
      await app.page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.15);
      await app.page.mouse.down();
      for (let t = 1; t <= 10; t++) {
        await app.page.mouse.move(box.x + box.width * 0.5, box.y + box.height * (0.15 + 0.07 * t));
      }
      await app.page.mouse.up();
      await expect(
        app.page
          .getByRole('img', { name: /^Your digit as the network sees it: 14×14 pixels/ })
          .count(),
      ).resolves.toBe(1);

      const prediction = app.page.locator('.nl-digit-pad__prediction');
      const predicted = /^The network predicts (\d) \((\d+)%\) at step ([\d,]+)\.$/;
      await expect.poll(() => prediction.innerText(), TRAINING).toMatch(predicted);
      const probabilities = app.page.getByRole('list', { name: 'Class probabilities' });
      expect(await probabilities.getByRole('listitem').count()).toBe(10);
      const layers = app.page.locator('.nl-digit-pad__layers > li');
      expect(await layers.count()).toBeGreaterThan(3);
      expect(await layers.first().innerText()).toMatch(/values, mean/);

      // Live: while the run trains, the answer comes from ever later weights.
      await l.button('Train').click();
      await expect
        .poll(async () => {
          const match = predicted.exec(await prediction.innerText());
          return match ? Number(match[3]!.replace(/,/g, '')) : 0;
        }, TRAINING)
        .toBeGreaterThan(50);
      await l.button('Pause').click();
    },
    TEST_TIMEOUT,
  );
});
