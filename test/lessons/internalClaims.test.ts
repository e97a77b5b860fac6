import { describe, expect, it } from 'vitest';
import type { ProbeSnapshot } from '../../src/engine/probes/probe';
import { claimSchema, evaluateClaim, type RunHistory } from '../../src/lessons/claims';

const histogram = {
  counts: [],
  min: 0,
  max: 1,
} as unknown as ProbeSnapshot['params'][number]['gradHistogram'];

function param(
  name: string,
  gradNorm: number,
  updateRatio: number | null = -3,
  norms: Partial<ProbeSnapshot['params'][number]> = {},
) {
  return {
    name,
    role: name.endsWith('.bias') ? ('bias' as const) : ('weight' as const),
    shape: [1],
    gradNorm,
    gradHistogram: histogram,
    weightStd: 1,
    weightHistogram: histogram,
    updateRatio,
    weightNorm: 1,
    initialWeightNorm: 1,
    relativeUpdate: null,
    scaleInvariant: false,
    effectiveLearningRate: null,
    ...norms,
  };
}

function activation(name: string, extra: { saturated?: number; dead?: number }) {
  return {
    name,
    label: name,
    kind: 'activation' as const,
    mean: 0,
    std: 1,
    histogram,
    unitPercentiles: [0, 0, 0] as const,
    ...extra,
  };
}

const probe: ProbeSnapshot = {
  step: 3,
  activations: [activation('act1', { dead: 0.1 }), activation('act2', { dead: 0.3 })],
  params: [
    param('fc1.weight', 1e-6, -5),
    param('fc1.bias', 1e-8),
    param('fc2.weight', 1e-2, -4),
    param('fc2.bias', 1e-2),
    param('fc3.weight', 1, -2),
  ],
  norms: [],
};

const run: RunHistory = { label: 'A', losses: [2.9, 2.3, 2.2], validation: [], finalProbe: probe };
const parse = (claim: unknown) => claimSchema.parse(claim);

describe('internal claims', () => {
  it('gradRatio compares a parameter gradient between two layers at the last step', () => {
    const weight = evaluateClaim(
      parse({ kind: 'gradRatio', run: 'A', numerator: 'fc1', denominator: 'fc2', atMost: 1e-3 }),
      [run],
    );
    expect(weight.shown).toBe(true);
    expect(weight.detail).toContain('1.00e-4');
    const bias = evaluateClaim(
      parse({
        kind: 'gradRatio',
        run: 'A',
        param: 'bias',
        numerator: 'fc1',
        denominator: 'fc2',
        atLeast: 1e-3,
      }),
      [run],
    );
    expect(bias.shown).toBe(false);
  });

  it("gradNorm reads one layer's parameter gradient at the last step", () => {
    const weight = evaluateClaim(
      parse({ kind: 'gradNorm', run: 'A', layer: 'fc1', atLeast: 5e-7, atMost: 2e-6 }),
      [run],
    );
    expect(weight.shown).toBe(true);
    expect(weight.detail).toContain('‖∂L/∂W‖ of fc1 at step 3 = 1.00e-6');
    const bias = parse({ kind: 'gradNorm', run: 'A', param: 'bias', layer: 'fc1', atLeast: 1e-7 });
    expect(evaluateClaim(bias, [run]).shown).toBe(false);
    expect(
      evaluateClaim(parse({ kind: 'gradNorm', run: 'A', layer: 'fc9', atLeast: 0 }), [run]).detail,
    ).toContain('no weight in fc9');
  });

  it('validationLoss reads the latest validation loss', () => {
    const validated: RunHistory = {
      ...run,
      validation: [
        { step: 2, loss: 0.9, accuracy: 0.5 },
        { step: 3, loss: 0.34, accuracy: 0.9 },
      ],
    };
    const claim = parse({ kind: 'validationLoss', run: 'A', atLeast: 0.3, atMost: 0.4 });
    const verdict = evaluateClaim(claim, [validated]);
    expect(verdict.shown).toBe(true);
    expect(verdict.detail).toContain('A: validation loss at step 3 = 0.340');
    expect(evaluateClaim(claim, [run]).detail).toContain('no validation result yet');
    expect(
      evaluateClaim(parse({ kind: 'validationLoss', run: 'A', atMost: 0.3 }), [validated]).shown,
    ).toBe(false);
  });

  it('deadShare averages over the ReLU layers or reads one layer', () => {
    expect(
      evaluateClaim(parse({ kind: 'deadShare', run: 'A', atLeast: 0.19, atMost: 0.21 }), [run])
        .shown,
    ).toBe(true);
    expect(
      evaluateClaim(parse({ kind: 'deadShare', run: 'A', layer: 'act2', atLeast: 0.3 }), [run])
        .shown,
    ).toBe(true);
    expect(
      evaluateClaim(parse({ kind: 'saturatedShare', run: 'A', atLeast: 0 }), [run]).detail,
    ).toContain('no tanh or sigmoid');
  });

  it('updateRatio takes the median over weight tensors or reads one layer; initialLoss reads step 1', () => {
    expect(
      evaluateClaim(parse({ kind: 'updateRatio', run: 'A', atLeast: -4.1, atMost: -3.9 }), [run])
        .shown,
    ).toBe(true);
    const fc2 = evaluateClaim(
      parse({ kind: 'updateRatio', run: 'A', layer: 'fc2', atLeast: -4.1, atMost: -3.9 }),
      [run],
    );
    expect(fc2.shown).toBe(true);
    expect(fc2.detail).toContain('log10(std Δw / std w) of fc2 at step 3');
    expect(
      evaluateClaim(parse({ kind: 'updateRatio', run: 'A', layer: 'fc9', atLeast: -9 }), [run])
        .detail,
    ).toContain('no update of a weight in fc9');
    expect(evaluateClaim(parse({ kind: 'initialLoss', run: 'A', atLeast: 2.8 }), [run]).shown).toBe(
      true,
    );
    expect(evaluateClaim(parse({ kind: 'initialLoss', run: 'A', atMost: 2.5 }), [run]).shown).toBe(
      false,
    );
  });

  it('finalLoss reads where the smoothed loss ends; stepsToLoss the first step it reaches a value', () => {
    // 40 steps: 2.0 for the first 20, then 0.5; the smoothing window is 20 steps.
    const losses = Array.from({ length: 40 }, (_, i) => (i < 20 ? 2 : 0.5));
    const curve: RunHistory = { label: 'A', losses, validation: [] };
    const final = evaluateClaim(parse({ kind: 'finalLoss', run: 'A', atLeast: 0.4, atMost: 0.6 }), [
      curve,
    ]);
    expect(final.shown).toBe(true);
    expect(final.detail).toContain('A: training loss (mean of 20 steps) at step 40 = 0.500');
    expect(evaluateClaim(parse({ kind: 'finalLoss', run: 'A', atMost: 0.4 }), [curve]).shown).toBe(
      false,
    );
    // The mean of the last 20 steps reaches 1.25 when half the window is at 0.5: step 30.
    const reach = evaluateClaim(
      parse({ kind: 'stepsToLoss', run: 'A', loss: 1.25, atLeast: 28, atMost: 32 }),
      [curve],
    );
    expect(reach.shown).toBe(true);
    expect(reach.detail).toContain('= 30.0');
    const never = evaluateClaim(parse({ kind: 'stepsToLoss', run: 'A', loss: 0.1, atMost: 100 }), [
      curve,
    ]);
    expect(never.shown).toBe(false);
    expect(never.detail).toContain('has not reached');
    expect(
      evaluateClaim(parse({ kind: 'finalLoss', run: 'A', atLeast: 0 }), [
        { ...curve, divergedAt: 12 },
      ]).detail,
    ).toContain('diverged at step 12');
  });

  it("reads a weight's norm, its growth, its relative step and its effective learning rate", () => {
    const scaled: RunHistory = {
      ...run,
      finalProbe: {
        ...probe,
        params: [
          param('fc1.weight', 1, -3, {
            weightNorm: 6,
            initialWeightNorm: 4,
            relativeUpdate: 0.002,
            scaleInvariant: true,
            effectiveLearningRate: 0.1 / 36,
          }),
          param('fc2.weight', 1, -3, { relativeUpdate: null }),
          param('fc3.weight', 1, -3, { initialWeightNorm: 0 }),
        ],
      },
    };
    const judge = (claim: Record<string, unknown>) =>
      evaluateClaim(parse({ run: 'A', ...claim }), [scaled]);
    expect(judge({ kind: 'weightNorm', layer: 'fc1', atLeast: 5.9, atMost: 6.1 }).shown).toBe(true);
    const growth = judge({ kind: 'weightNormGrowth', layer: 'fc1', atLeast: 1.4, atMost: 1.6 });
    expect(growth).toEqual({
      shown: true,
      detail:
        'A: ‖W‖ over its value at initialization of fc1 at step 3 = 1.50 (claimed ≥ 1.40 and ≤ 1.60)',
    });
    expect(judge({ kind: 'relativeUpdate', layer: 'fc1', atMost: 0.001 }).shown).toBe(false);
    expect(judge({ kind: 'relativeUpdate', layer: 'fc1', atLeast: 0.001 }).shown).toBe(true);
    expect(judge({ kind: 'effectiveLearningRate', layer: 'fc1', atMost: 0.003 }).shown).toBe(true);
    expect(judge({ kind: 'effectiveLearningRate', layer: 'fc2', atMost: 1 }).detail).toBe(
      "A's fc2 does not feed a normalization, so its scale matters and η/‖W‖² is not its effective learning rate",
    );
    expect(judge({ kind: 'relativeUpdate', layer: 'fc2', atMost: 1 }).detail).toBe(
      "A's fc2 has no update to compare yet",
    );
    expect(judge({ kind: 'weightNormGrowth', layer: 'fc3', atMost: 1 }).shown).toBe(false);
    expect(judge({ kind: 'weightNorm', layer: 'fc9', atMost: 1 }).detail).toBe(
      'A has no weight in fc9',
    );
    expect(claimSchema.safeParse({ kind: 'weightNorm', run: 'A', atMost: 1 }).success).toBe(false);
  });

  it("unitPercentile reads one percentile of a layer's unit 0", () => {
    const claim = parse({
      kind: 'unitPercentile',
      run: 'A',
      layer: 'act2',
      percentile: 85,
      atLeast: 0.5,
    });
    const withPercentiles: RunHistory = {
      ...run,
      finalProbe: {
        ...probe,
        activations: [{ ...activation('act2', {}), unitPercentiles: [-1, 0, 0.6] }],
      },
    };
    expect(evaluateClaim(claim, [withPercentiles]).shown).toBe(true);
    expect(evaluateClaim(claim, [run]).shown).toBe(false);
  });

  it('judges nothing without a probe of the last step, or after a divergence', () => {
    const claim = parse({ kind: 'deadShare', run: 'A', atLeast: 0 });
    const stale = { ...run, losses: [2.9, 2.3, 2.2, 2.1] };
    expect(evaluateClaim(claim, [stale]).detail).toContain('no measurement of its last step');
    expect(evaluateClaim(claim, [{ ...run, divergedAt: 3 }]).shown).toBe(false);
  });

  it('rejects a claim with no bound, with a message that says what is needed', () => {
    const result = claimSchema.safeParse({ kind: 'deadShare', run: 'A' });
    expect(result.success).toBe(false);
    expect(JSON.stringify(result.error?.issues)).toContain('atLeast, atMost or both');
  });
});
