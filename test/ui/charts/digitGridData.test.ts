import { describe, expect, it } from 'vitest';
import type { DigitPredictions } from '../../../src/worker/protocol';
import {
  digitCaption,
  digitItems,
  digitProblem,
  digitRgba,
  summarizeDigits,
} from '../../../src/ui/charts/digitGridData';

// three 1 × 2 "images"
const digits: DigitPredictions = {
  height: 1,
  width: 2,
  pixels: Float32Array.from([0, 1, 0.5, 0.25, 1, 1]),
  labels: Int32Array.from([7, 4, 8]),
  predictions: Int32Array.from([7, 9, 3]),
};

describe('digitItems', () => {
  it('marks each prediction right or wrong', () => {
    expect(digitItems(digits)).toEqual([
      { index: 0, label: 7, prediction: 7, correct: true },
      { index: 1, label: 4, prediction: 9, correct: false },
      { index: 2, label: 8, prediction: 3, correct: false },
    ]);
    expect(digitCaption(digitItems(digits)[1]!)).toBe('predicted 9 (true 4)');
  });
});

describe('digitProblem', () => {
  it('accepts consistent data', () => {
    expect(digitProblem(digits)).toBeNull();
  });

  it('explains mismatched predictions and pixel counts', () => {
    expect(digitProblem({ ...digits, predictions: Int32Array.from([1]) })).toBe(
      '3 labels but 1 predictions',
    );
    expect(digitProblem({ ...digits, pixels: new Float32Array(5) })).toBe(
      '5 pixels do not make 3 images of 1 × 2',
    );
  });
});

describe('digitRgba', () => {
  it('draws ink dark on white', () => {
    // image 1: pixels 0.5 and 0.25 → gray 127.5 → 128, 191.25 → 191
    expect(Array.from(digitRgba(digits, 1))).toEqual([128, 128, 128, 255, 191, 191, 191, 255]);
  });
});

describe('summarizeDigits', () => {
  it('counts correct guesses and names each mistake', () => {
    expect(summarizeDigits(digitItems(digits), 1200)).toBe(
      'At step 1,200, 1 of 3 test digits is predicted correctly. Wrong: a 4 taken for a 9 and an 8 taken for a 3.',
    );
  });

  it('needs no list when every guess is right', () => {
    const right = { ...digits, predictions: Int32Array.from([7, 4, 8]) };
    expect(summarizeDigits(digitItems(right), undefined)).toBe(
      '3 of 3 test digits are predicted correctly.',
    );
  });
});
