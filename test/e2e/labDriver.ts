import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import type { AppSession } from './harness';

/** A number as the Lab prints it: '2,069' → 2069, '0.711' → 0.711, '3e-5' → 0.00003. */
export function parseShown(text: string): number {
  // The Lab writes small numbers with a true minus sign: 2.2e−5.
  const value = Number(
    text
      .replace(/,/g, '')
      .replace(/\u2212/g, '-')
      .trim(),
  );
  if (!Number.isFinite(value)) throw new Error(`expected a number, the page shows '${text}'`);
  return value;
}

export interface LossReading {
  readonly loss: number;
  readonly step: number;
}

/** How long, and how often, to poll while the Lab trains: the machine is shared. */
export interface Patience {
  readonly timeout: number;
  readonly interval: number;
}

/** Opens the Lab at `route` (settings in its query, as a shared link carries them) and drives it. */
export async function openLab(app: AppSession, route = '#/lab'): Promise<LabDriver> {
  await app.open(route);
  return new LabDriver(app.page);
}

/**
 * What a learner does and reads in the Lab, by role and accessible name. Chart values are read from
 * each chart's text summary (the description screen readers get), never from pixels.
 */
export class LabDriver {
  constructor(readonly page: Page) {}

  button(name: string): Locator {
    return this.page.getByRole('button', { name, exact: true });
  }

  setting(label: string): Locator {
    return this.page.getByRole('combobox', { name: label, exact: true });
  }

  async choose(label: string, option: string): Promise<void> {
    await this.setting(label).selectOption({ label: option });
  }

  /** Types into a number box and applies it the way a learner would, with Enter. */
  async type(label: string, value: string): Promise<void> {
    const box = this.page.getByRole('spinbutton', { name: label, exact: true });
    await box.fill(value);
    await box.press('Enter');
  }

  tab(letter: string): Locator {
    return this.page.getByRole('tab', { name: new RegExp(`^${letter}\\b`) });
  }

  /** The selected run's step counter. */
  async step(): Promise<number> {
    const progress = this.page.getByRole('group', { name: 'Progress', exact: true });
    return parseShown(await progress.getByRole('definition').first().innerText());
  }

  figure(name: string): Locator {
    return this.page.getByRole('figure', { name, exact: true });
  }

  /** The text a screen reader hears for a chart (its aria-describedby target). */
  async summary(name: string): Promise<string> {
    const id = await this.figure(name).getAttribute('aria-describedby');
    if (!id) throw new Error(`the '${name}' chart has no description`);
    return (await this.page.locator(`[id="${id}"]`).textContent()) ?? '';
  }

  /** Run `letter`'s latest validation loss, from the Loss chart's summary. */
  async validationLoss(letter = 'A'): Promise<LossReading | undefined> {
    return readLoss(await this.summary('Loss'), letter, 'validation loss');
  }

  /** Run `letter`'s latest training-batch loss, from the Loss chart's summary. */
  async trainingLoss(letter = 'A'): Promise<LossReading | undefined> {
    return readLoss(await this.summary('Loss'), letter, 'training loss');
  }

  /**
   * Run A's validation loss at step 0: the Lab validates the fresh network before any step, and
   * that loss is the baseline training has to beat.
   */
  async baseline(patience: Patience): Promise<LossReading> {
    await expect.poll(() => this.validationLoss(), patience).toMatchObject({ step: 0 });
    const reading = await this.validationLoss();
    if (!reading) throw new Error('no validation loss at step 0');
    return reading;
  }

  /** Presses Train and waits until run A has a validation loss from after step `step`. */
  async trainPast(step: number, patience: Patience): Promise<void> {
    await this.button('Train').click();
    await expect
      .poll(async () => (await this.validationLoss())?.step ?? 0, patience)
      .toBeGreaterThan(step);
  }
}

const NUMBER = '([-+\u22120-9.,e]+)';

function readLoss(summary: string, letter: string, kind: string): LossReading | undefined {
  // "Run A (…): training loss 0.412 (one batch) at step 1,200; validation loss 0.43 and accuracy 81% at step 1,150."
  const sentence = summary.split(/(?=Run [A-D]\b)/).find((s) => s.startsWith(`Run ${letter}`));
  if (!sentence) return undefined;
  const match = new RegExp(`${kind} ${NUMBER}.*? at step ${NUMBER}`).exec(sentence);
  if (!match?.[1] || !match[2]) return undefined;
  return { loss: parseShown(match[1]), step: parseShown(match[2]) };
}
