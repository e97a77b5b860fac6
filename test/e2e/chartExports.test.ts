import { readFileSync } from 'node:fs';
import type { Download, Locator, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { useApp } from './harness';
import { LabDriver } from './labDriver';

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
      const decoded = await app.page.evaluate(async (base64) => {
        const blob = new Blob([Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))], {
          type: 'image/png',
        });
        const bitmap = await createImageBitmap(blob);
        const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
        const ctx = canvas.getContext('2d')!;
        ctx.drawImage(bitmap, 0, 0);
        const { data } = ctx.getImageData(0, 0, bitmap.width, bitmap.height);
        // Text (title, ticks, legend) is near-black; a run's line is coloured (not grey).
        let dark = 0;
        let darkInTitleBand = 0;
        let coloured = 0;
        const titleBand = bitmap.width * 4 * Math.round(bitmap.height * 0.12);
        for (let i = 0; i < data.length; i += 4) {
          const [r, g, b] = [data[i]!, data[i + 1]!, data[i + 2]!];
          if (r < 90 && g < 90 && b < 90) {
            dark++;
            if (i < titleBand) darkInTitleBand++;
          }
          if (Math.max(r, g, b) - Math.min(r, g, b) > 80) coloured++;
        }
        return {
          size: { width: bitmap.width, height: bitmap.height },
          corner: [...data.slice(0, 4)],
          dark,
          darkInTitleBand,
          coloured,
        };
      }, bytes.toString('base64'));
      expect(decoded.size).toEqual({ width, height });
      // On white, with its title at the top, its ticks and legend in dark text and the run's line.
      expect(decoded.corner).toEqual([255, 255, 255, 255]);
      expect(decoded.darkInTitleBand).toBeGreaterThan(200);
      expect(decoded.dark).toBeGreaterThan(2000);
      expect(decoded.coloured).toBeGreaterThan(500);
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
    const picture = await app.page.evaluate(
      async (base64) => {
        const blob = new Blob([Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))], {
          type: 'image/png',
        });
        const bitmap = await createImageBitmap(blob);
        const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
        const ctx = canvas.getContext('2d')!;
        ctx.drawImage(bitmap, 0, 0);
        const { data } = ctx.getImageData(0, 0, bitmap.width, bitmap.height);
        // The cosine schedule's orange (#D55E00) and the step decay's blue (#0072B2), drawn from the SVG.
        let orange = 0;
        let blue = 0;
        for (let i = 0; i < data.length; i += 4) {
          const [r, g, b] = [data[i]!, data[i + 1]!, data[i + 2]!];
          if (r > 180 && g > 70 && g < 120 && b < 40) orange++;
          if (r < 30 && g > 90 && g < 140 && b > 150) blue++;
        }
        return {
          width: bitmap.width,
          height: bitmap.height,
          orange,
          blue,
          corner: [...data.slice(0, 4)],
        };
      },
      readFileSync((await png.path())!).toString('base64'),
    );
    const box = (await chart.boundingBox())!;
    expect(picture.width).toBe(2 * Math.round(box.width));
    expect(picture.corner).toEqual([255, 255, 255, 255]);
    expect(picture.orange).toBeGreaterThan(200);
    expect(picture.blue).toBeGreaterThan(200);
    expect(await chart.getByRole('status').textContent()).toContain(
      `${picture.width.toLocaleString('en-US')} × ${picture.height.toLocaleString('en-US')} pixels`,
    );

    const csv = await download(
      app.page,
      chart.getByRole('button', { name: 'Download CSV: Three learning-rate schedules' }),
    );
    const lines = readFileSync((await csv.path())!, 'utf8')
      .trimEnd()
      .split('\r\n');
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
