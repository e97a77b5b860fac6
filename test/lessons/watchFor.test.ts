import { describe, expect, it } from 'vitest';
import type { Claim } from '../../src/lessons/claims';
import { CHART_KINDS } from '../../src/lessons/chartKinds';
import { watchCharts, watchFor } from '../../src/lessons/watchFor';
import { readLessons } from './headlessLessons';

describe('what to watch for', () => {
  it('says each condition of a claim with the numbers the evaluator judges', () => {
    const claim: Claim = {
      kind: 'allOf',
      claims: [
        { kind: 'fasterToLoss', fast: 'BatchNorm', slow: 'Plain', loss: 0.5, ratio: 0.6 },
        { kind: 'accuracyAbove', run: 'BatchNorm', accuracy: 0.9 },
        { kind: 'diverges', run: 'Plain', byStep: 1500 },
        { kind: 'deadShare', run: 'Plain', atLeast: 0.4 },
        {
          kind: 'gradRatio',
          run: 'Plain',
          param: 'bias',
          numerator: 'fc1',
          denominator: 'fc20',
          atMost: 0.00005,
        },
        { kind: 'afterTraining', run: 'BN', measure: 'foldedLayers', atLeast: 4, atMost: 4 },
        { kind: 'stepsToLoss', run: 'Plain', loss: 0.6, atLeast: 40, atMost: 90 },
      ],
    };
    expect(watchFor(claim)).toEqual([
      'BatchNorm reaches a training loss (mean of 20 steps) of 0.5 in at most 60% of the steps Plain needs',
      'BatchNorm’s validation accuracy reaches at least 90%',
      'Plain diverges (its loss or a gradient stops being a finite number) by step 1,500',
      'The share of dead ReLU units (0 for the whole batch) over the layers of Plain is at least 40%',
      'At the last step, in Plain, ‖∂L/∂b‖ of fc1 over that of fc20 is at most 5e−5',
      'Once BN has trained, the number of BatchNorm layers folded away is exactly 4',
      'Plain’s training loss (mean of 20 steps) reaches 0.6 after between 40 and 90 steps',
    ]);
  });

  it('gives every claim of every lesson and practice a sentence for each of its conditions', () => {
    const lessons = readLessons();
    expect(lessons.length).toBeGreaterThan(0);
    let claims = 0;
    for (const lesson of lessons) {
      for (const segment of lesson.segments) {
        const claim =
          segment.kind === 'experiment' || segment.kind === 'practice'
            ? segment.data.claim
            : undefined;
        if (!claim) continue;
        claims++;
        const leaves = (c: Claim): number =>
          c.kind === 'allOf' ? c.claims.reduce((n, x) => n + leaves(x), 0) : 1;
        const sentences = watchFor(claim);
        expect(sentences).toHaveLength(leaves(claim));
        for (const s of sentences) expect(s).not.toMatch(/undefined|NaN|not a number|\[object/);
      }
    }
    expect(claims).toBeGreaterThan(20);
  });

  it('gives an experiment without a claim a sentence for what each of its charts shows', () => {
    expect(watchCharts(['loss', 'gradNorms'])).toEqual([
      'Loss: how each run’s training loss falls, and its validation loss (dashed)',
      'Gradient norms: the size of each layer’s weight gradient over training',
    ]);
    const sentences = watchCharts(CHART_KINDS);
    expect(new Set(sentences).size).toBe(CHART_KINDS.length);
    for (const s of sentences) expect(s).not.toMatch(/undefined/);
    // every experiment of the track has either a claim or at least one chart to watch
    let unclaimed = 0;
    for (const lesson of readLessons()) {
      for (const segment of lesson.segments) {
        if (segment.kind !== 'experiment' || segment.data.claim) continue;
        unclaimed++;
        expect(watchCharts(segment.data.charts).length).toBeGreaterThan(0);
      }
    }
    expect(unclaimed).toBeGreaterThan(0);
  });
});
