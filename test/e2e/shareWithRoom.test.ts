import jsQR from 'jsqr';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { seriousViolations } from './axe';
import { useApp } from './harness';
import { LabDriver } from './labDriver';
import { decodePng } from './pngPixels';

/** A projector, as the issue states it. */
const PROJECTOR = { width: 1280, height: 720 };
const TEST = { timeout: 300_000 };
/** The machine is shared: a page's first render may take a while. */
const LOAD = { timeout: 60_000 };

/**
 * Reads the QR code as a phone would: a screenshot of the code on screen, its pixels decoded by a QR
 * reader (jsQR), never the page's own idea of what it encodes.
 */
async function scan(page: Page, code: Locator): Promise<string> {
  const { width, height, rgba } = await decodePng(page, await code.screenshot());
  const result = jsQR(rgba, width, height);
  if (!result) throw new Error('the QR code on screen did not decode');
  return result.data;
}

describe('Share with the room at 1280 × 720', () => {
  const app = useApp(PROJECTOR);

  test(
    "the Lab's QR code decodes to a short link that opens the same runs, settings and view",
    TEST,
    async () => {
      await app.open('#/lab?runs=2&a.data=mnist14&a.lr=0.1&b.norm=batchNorm&log=1&panels=loss');
      const l = new LabDriver(app.page);
      await expect.poll(() => l.tab('B').isVisible(), LOAD).toBe(true);
      // The Lab writes its full link into the address bar: that is the state to reproduce.
      await expect.poll(() => app.page.url(), LOAD).toMatch(/a\.seed=1/);
      const full = app.page.url();

      await l.button('Share with the room').click();
      const screen = app.page.getByRole('dialog', { name: 'Share with the room' });
      const code = screen.getByRole('img', {
        name: 'QR code of the link to these runs and settings',
      });
      // Large enough to read from the back of a hall: most of the projector's height.
      const box = (await code.boundingBox())!;
      expect(Math.min(box.width, box.height)).toBeGreaterThanOrEqual(0.75 * PROJECTOR.height);
      const link = await scan(app.page, code);
      expect(link.length).toBeLessThan(full.length / 3);
      expect(await screen.getByRole('link').getAttribute('href')).toBe(link);
      const shown = await screen.getByRole('link').innerText();
      expect(link.endsWith(shown)).toBe(true);
      expect(
        await screen.getByRole('link').evaluate((e) => parseFloat(getComputedStyle(e).fontSize)),
      ).toBeGreaterThanOrEqual(32);
      expect(await seriousViolations(app.page)).toEqual([]);

      // A student's phone opens the link: the same runs, settings and view.
      const phone = await app.context.newPage();
      await phone.setViewportSize({ width: 390, height: 844 });
      await phone.goto(link);
      const student = new LabDriver(phone);
      // On a phone the runs and their settings are folded below Train.
      const fold = phone.getByText('Runs, settings and sharing', { exact: true });
      await fold.waitFor(LOAD);
      await fold.click();
      await expect.poll(() => student.tab('B').isVisible(), LOAD).toBe(true);
      await expect.poll(() => phone.url(), LOAD).toBe(full);
      expect(await student.tab('B').innerText()).toMatch(/BatchNorm/);
      expect(await student.setting('Dataset').inputValue()).toBe('mnist14');
      expect(await phone.getByRole('checkbox', { name: 'Log scale for loss' }).isChecked()).toBe(
        true,
      );
      await phone.close();

      // Presenter mode is the projector's: the room's link is the same without it.
      await screen.getByRole('button', { name: 'Close' }).click();
      await app.page.keyboard.press('p');
      const bar = app.page.getByRole('toolbar', { name: 'Presenter controls' });
      await bar.getByRole('button', { name: 'Share with the room' }).click();
      expect(await scan(app.page, code)).toBe(link);
    },
  );

  test('a deck shares the lesson at the part on screen', TEST, async () => {
    await app.open('#/lessons/signal-propagation/deck?scene=2');
    const audience = app.page;
    await audience.getByText(/^Scene 2 of \d+$/).waitFor();
    await audience.getByRole('button', { name: 'Share with the room' }).click();
    const code = audience.getByRole('img', {
      name: 'QR code of the link to this part of the lesson',
    });
    const link = await scan(audience, code);
    expect(link).toMatch(/#\/lessons\/signal-propagation\?section=section-/);

    const phone = await app.context.newPage();
    await phone.goto(link);
    await phone.getByRole('heading', { level: 1, name: 'Why deep networks stall' }).waitFor();
    const section = new URL(link).hash.split('section=')[1]!;
    await expect
      .poll(() => phone.evaluate((id) => document.getElementById(id) !== null, section), LOAD)
      .toBe(true);
    await phone.close();
  });
});
