import { readFileSync } from 'node:fs';
import type { Download, Locator, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { useApp } from './harness';
import { LabDriver } from './labDriver';
import { cornerPixel, countPixels, decodePng } from './pngPixels';

const TRAINING = { timeout: 300_000, interval: 500 };

/** Clicks `button` and returns the file the page saved. */
async function download(page: Page, button: Locator): Promise<Download> {
  const [file] = await Promise.all([page.waitForEvent('download'), button.click()]);
  return file;
}

/** A saved CSV's lines. */
async function csvLines(file: Download): Promise<string[]> {
  return readFileSync((await file.path())!, 'utf8')
    .trimEnd()
    .split('\r\n');
}

describe('chart downloads', () => {
  const app = useApp({ width: 1280, height: 720 });

  test(
    'PNG at twice the chart size, CSV with a step column and one column per series',
    { timeout: 900_000 },
    async () => {
      await app.open('#/lab');
      const l = new LabDriver(app.page);
      await expect.poll(() => l.button('Train').isEnabled(), TRAINING).toBe(true);
      await l.button('Train').click();
      await expect
        .poll(async () => (await l.validationLoss())?.step ?? 0, TRAINING)
        .toBeGreaterThan(0);
      await l.button('Pause').click();
      await expect.poll(() => l.button('Train').isVisible(), TRAINING).toBe(true);
      const loss = l.figure('Loss');

      const png = await download(
        app.page,
        loss.getByRole('button', { name: 'Download PNG: Loss' }),
      );
      expect(png.suggestedFilename()).toBe('loss.png');
      const bytes = readFileSync((await png.path())!);
      const stated = await loss.getByRole('status').textContent();
      const size = /(\d[\d,]*) × (\d[\d,]*) pixels/.exec(stated ?? '');
      expect(size).not.toBeNull();
      const [width, height] = [
        Number(size![1]!.replace(/,/g, '')),
        Number(size![2]!.replace(/,/g, '')),
      ];
      const picture = await decodePng(app.page, bytes);
      expect({ width: picture.width, height: picture.height }).toEqual({ width, height });
      // On white, with its title at the top, its ticks and legend in dark text and the run's line:
      // text is near-black; a run's line is coloured (not grey).
      const dark = (r: number, g: number, b: number) => r < 90 && g < 90 && b < 90;
      const titleBand = picture.width * Math.round(picture.height * 0.12);
      expect(cornerPixel(picture)).toEqual([255, 255, 255, 255]);
      expect(countPixels(picture, (r, g, b, i) => i < titleBand && dark(r, g, b))).toBeGreaterThan(
        200,
      );
      expect(countPixels(picture, dark)).toBeGreaterThan(2000);
      expect(
        countPixels(picture, (r, g, b) => Math.max(r, g, b) - Math.min(r, g, b) > 80),
      ).toBeGreaterThan(500);
      const box = (await loss.boundingBox())!;
      expect(width).toBe(2 * Math.round(box.width));

      const csv = await download(
        app.page,
        loss.getByRole('button', { name: 'Download CSV: Loss' }),
      );
      const lines = await csvLines(csv);
      const header = lines[0]!.split(',');
      expect(header).toEqual([
        'Step',
        'A training (Loss)',
        'A validation (Loss)',
        'A validation accuracy (Accuracy)',
      ]);
      const rows = lines.slice(1).map((line) => line.split(','));
      const statedCsv = await loss.getByRole('status').textContent();
      expect(statedCsv).toContain(
        `${header.length} columns (Step first), ${rows.length.toLocaleString('en-US')} rows`,
      );
      // One row per plotted step: the steps are distinct and ascending, and every row has a value.
      const steps = rows.map((r) => Number(r[0]));
      expect(new Set(steps).size).toBe(rows.length);
      expect(steps).toEqual([...steps].sort((a, b) => a - b));
      expect(
        rows.every((r) => r.length === header.length && r.slice(1).some((v) => v !== '')),
      ).toBe(true);
      // As many rows as the chart has points: the run's history has the same training steps.
      const history = await download(app.page, l.button('Download history (JSON)'));
      const json = JSON.parse(readFileSync((await history.path())!, 'utf8')) as {
        training: { step: number }[];
        validation: { step: number }[];
      };
      const plotted = new Set([
        ...json.training.map((p) => p.step),
        ...json.validation.map((p) => p.step),
      ]);
      expect(rows.length).toBe(plotted.size);
    },
  );
});

describe('downloads of a chart drawn in SVG (recharts)', () => {
  const app = useApp({ width: 1280, height: 720 });

  test('the closing page’s schedules: PNG at twice the size with the lines in it, CSV of every step', async () => {
    await app.open('#/next?instructor=1');
    const chart = app.page.getByRole('figure', { name: 'Three learning-rate schedules' });
    await chart.locator('svg.recharts-surface').waitFor();

    const png = await download(
      app.page,
      chart.getByRole('button', { name: 'Download PNG: Three learning-rate schedules' }),
    );
    expect(png.suggestedFilename()).toBe('three-learning-rate-schedules.png');
    const picture = await decodePng(app.page, readFileSync((await png.path())!));
    const box = (await chart.boundingBox())!;
    expect(picture.width).toBe(2 * Math.round(box.width));
    expect(cornerPixel(picture)).toEqual([255, 255, 255, 255]);
    // The cosine schedule's orange (#D55E00) and the step decay's blue (#0072B2), drawn from the SVG.
    const orange = (r: number, g: number, b: number) => r > 180 && g > 70 && g < 120 && b < 40;
    const blue = (r: number, g: number, b: number) => r < 30 && g > 90 && g < 140 && b > 150;
    expect(countPixels(picture, orange)).toBeGreaterThan(200);
    expect(countPixels(picture, blue)).toBeGreaterThan(200);
    expect(await chart.getByRole('status').textContent()).toContain(
      `${picture.width.toLocaleString('en-US')} × ${picture.height.toLocaleString('en-US')} pixels`,
    );

    const csv = await download(
      app.page,
      chart.getByRole('button', { name: 'Download CSV: Three learning-rate schedules' }),
    );
    const lines = await csvLines(csv);
    expect(lines[0]).toBe(
      'Step,constant (Learning rate),step decay (÷10 at 50% and 75%) (Learning rate),' +
        '"warm-up, then cosine decay (Learning rate)"',
    );
    // One row per plotted step: the chart draws steps 0 to 99.
    expect(lines.slice(1).map((line) => Number(line.split(',')[0]))).toEqual(
      Array.from({ length: 100 }, (_, step) => step),
    );
  });
});
