import { describe, expect, it } from 'vitest';
import { claimSchema, evaluateClaim, type RunHistory } from '../../src/lessons/claims';
import { experimentSchema } from '../../src/lessons/schema';

const evaluation = (loss: number, accuracy: number) => ({
  loss,
  accuracy,
  count: 1000,
  mode: 'eval' as const,
});
const fold = {
  step: 3,
  report: {
    samples: 1000,
    maxDifference: 6e-6,
    maxLogit: 15,
    accuracyBefore: 0.95,
    accuracyAfter: 0.95,
    layersBefore: 14,
    layersAfter: 10,
    parametersBefore: 100,
    parametersAfter: 90,
    msBefore: 2,
    msAfter: 1,
  },
};
const recalibration = {
  step: 3,
  report: {
    batches: 20,
    batchSize: 32,
    shift: { contrast: 0.5, brightness: 1 },
    before: evaluation(2.4, 0.3),
    after: evaluation(0.19, 0.95),
  },
};
const run: RunHistory = {
  label: 'A',
  losses: [2.9, 2.3, 2.2],
  validation: [],
  afterTraining: { fold, recalibration },
};
const parse = (claim: unknown) => claimSchema.parse(claim);

describe('afterTraining claims', () => {
  it('read what folding measured: the largest logit difference and the layers folded away', () => {
    const difference = parse({
      kind: 'afterTraining',
      run: 'A',
      measure: 'foldDifference',
      atMost: 1e-5,
    });
    expect(evaluateClaim(difference, [run])).toEqual({
      shown: true,
      detail: expect.stringContaining('largest |logit difference|') as string,
    });
    const tighter = parse({
      kind: 'afterTraining',
      run: 'A',
      measure: 'foldDifference',
      atMost: 1e-6,
    });
    expect(evaluateClaim(tighter, [run]).shown).toBe(false);
    const layers = parse({ kind: 'afterTraining', run: 'A', measure: 'foldedLayers', atLeast: 4 });
    expect(evaluateClaim(layers, [run]).detail).toContain('(14 → 10 layers) = 4.00');
  });

  it('read the eval loss and accuracy before and after recalibrating, saying when inputs were shifted', () => {
    const before = parse({
      kind: 'afterTraining',
      run: 'A',
      measure: 'accuracyBefore',
      atMost: 0.4,
    });
    const verdict = evaluateClaim(before, [run]);
    expect(verdict.shown).toBe(true);
    expect(verdict.detail).toContain('eval accuracy on shifted inputs before recalibrating');
    const after = parse({ kind: 'afterTraining', run: 'A', measure: 'lossAfter', atMost: 0.2 });
    expect(evaluateClaim(after, [run]).shown).toBe(true);
    const lower = parse({ kind: 'afterTraining', run: 'A', measure: 'lossAfter', atMost: 0.1 });
    expect(evaluateClaim(lower, [run]).shown).toBe(false);
  });

  it('judge nothing until the button was pressed on the fully trained run', () => {
    const claim = parse({ kind: 'afterTraining', run: 'A', measure: 'lossAfter', atMost: 1 });
    const notYet = { ...run, afterTraining: { fold } };
    expect(evaluateClaim(claim, [notYet])).toEqual({
      shown: false,
      detail: 'A: press “Recalibrate statistics” once the run has trained all its steps',
    });
    // Measured at step 3, and the run has trained on since: the measurement is of another network.
    const later = { ...run, losses: [2.9, 2.3, 2.2, 2.0] };
    expect(evaluateClaim(claim, [later]).shown).toBe(false);
    expect(evaluateClaim(claim, [{ ...run, divergedAt: 2 }]).shown).toBe(false);
  });

  it('need the experiment to offer the operation they read', () => {
    const experiment = {
      title: 'Fold',
      runs: [{ label: 'A', settings: { norm: 'batchNorm' } }],
      charts: ['loss'],
      steps: 10,
      claim: { kind: 'afterTraining', run: 'A', measure: 'lossAfter', atMost: 1 },
    };
    const refused = experimentSchema.safeParse({ ...experiment, afterTraining: { fold: true } });
    expect(refused.success).toBe(false);
    expect(JSON.stringify(refused.error?.issues)).toContain(
      "needs 'afterTraining: { recalibrate: { batches: N } }'",
    );
    const offered = experimentSchema.safeParse({
      ...experiment,
      afterTraining: { recalibrate: { batches: 20, shift: { contrast: 0.5, brightness: 1 } } },
    });
    expect(offered.success).toBe(true);
    expect(experimentSchema.safeParse({ ...experiment, afterTraining: {} }).success).toBe(false);
    const tooMany = { recalibrate: { batches: 201 } };
    expect(experimentSchema.safeParse({ ...experiment, afterTraining: tooMany }).success).toBe(
      false,
    );
  });
});
