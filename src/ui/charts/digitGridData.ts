import type { DigitPredictions } from '../../worker/protocol';
import { atStep, listPhrase } from './format';

export interface DigitItem {
  readonly index: number;
  readonly label: number;
  readonly prediction: number;
  readonly correct: boolean;
}

/** Why the predictions cannot be shown, in words, or null when they are consistent. */
export function digitProblem(d: DigitPredictions): string | null {
  const count = d.labels.length;
  if (d.predictions.length !== count) {
    return `${count} labels but ${d.predictions.length} predictions`;
  }
  if (!(d.height > 0 && d.width > 0) || d.pixels.length !== count * d.height * d.width) {
    return `${d.pixels.length} pixels do not make ${count} images of ${d.height} × ${d.width}`;
  }
  return null;
}

export function digitItems(d: DigitPredictions): DigitItem[] {
  return Array.from(d.labels, (label, index) => {
    const prediction = d.predictions[index]!;
    return { index, label, prediction, correct: prediction === label };
  });
}

export function digitCaption(item: DigitItem): string {
  return `predicted ${item.prediction} (true ${item.label})`;
}

/** Image `index` as RGBA, dark ink on white (pixel 1 → black), so it reads like handwriting. */
export function digitRgba(d: DigitPredictions, index: number): Uint8ClampedArray {
  const size = d.height * d.width;
  const out = new Uint8ClampedArray(size * 4);
  const base = index * size;
  for (let i = 0; i < size; i++) {
    const v = d.pixels[base + i]!;
    const gray = 255 * (1 - (Number.isFinite(v) ? Math.min(1, Math.max(0, v)) : 0));
    out[4 * i] = gray;
    out[4 * i + 1] = gray;
    out[4 * i + 2] = gray;
    out[4 * i + 3] = 255;
  }
  return out;
}

/** "At step 1,200, 14 of 16 test digits are predicted correctly. Wrong: a 4 taken for a 9 and …" */
export function summarizeDigits(items: readonly DigitItem[], step: number | undefined): string {
  const right = items.filter((i) => i.correct).length;
  const head = atStep(
    step,
    `${right} of ${items.length} test digits ${right === 1 ? 'is' : 'are'} predicted correctly.`,
  );
  const wrong = items.filter((i) => !i.correct);
  if (wrong.length === 0) return head;
  const article = (n: number): string => (n === 8 ? 'an' : 'a'); // digits 0–9: only 8 starts with a vowel sound
  return `${head} Wrong: ${listPhrase(
    wrong.map(
      (i) => `${article(i.label)} ${i.label} taken for ${article(i.prediction)} ${i.prediction}`,
    ),
  )}.`;
}
