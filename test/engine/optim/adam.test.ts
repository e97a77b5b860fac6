import { describe, expect, it } from 'vitest';
import { Adam, AdamW, type AdamOptions } from '../../../src/engine/optim/adam';
import type { Param } from '../../../src/engine/layers/layer';
import { expectTrajectory, near, optimCase, param } from './optimFixture';

/**
 * Builds `Optimizer` with the PyTorch fixture's lr, betas, eps and weight decay, steps it through
 * the fixture, and compares params, exp_avgs and exp_avg_sqs after every step and the step count.
 */
function expectTorchTrajectory(
  fixture: string,
  Optimizer: new (params: readonly Param[], options: AdamOptions) => Adam,
): void {
  const c = optimCase(fixture);
  const [beta1, beta2] = c.fixture.config['betas'] as [number, number];
  const adam = new Optimizer([c.param], {
    lr: c.num('lr'),
    betas: [beta1, beta2],
    eps: c.num('eps'),
    weightDecay: c.num('weight_decay'),
  });
  expectTrajectory(c, () => adam.step(), {
    exp_avgs: () => adam.state(c.param)?.expAvg,
    exp_avg_sqs: () => adam.state(c.param)?.expAvgSq,
  });
  expect(adam.stepCount).toBe(c.steps);
}

describe('Adam', () => {
  it('matches PyTorch params, exp_avgs and exp_avg_sqs after every step (optim_adam)', () => {
    expectTorchTrajectory('optim_adam', Adam);
  });

  it('defaults are PyTorch’s (lr 1e-3, betas 0.9/0.999, eps 1e-8, no weight decay)', () => {
    const c = optimCase('optim_adam');
    const adam = new Adam([c.param]);
    expect([adam.lr, adam.beta1, adam.beta2, adam.eps, adam.weightDecay]).toEqual([
      c.num('lr'),
      ...(c.fixture.config['betas'] as number[]),
      c.num('eps'),
      c.num('weight_decay'),
    ]);
  });

  it('first step: m = (1−β₁)g, v = (1−β₂)g², and the bias-corrected step is lr·g/(|g| + eps)', () => {
    const p = param([1, -2, 0.5]);
    const adam = new Adam([p], { lr: 0.1 });
    expect(adam.state(p)).toBeUndefined();
    p.grad.data.set([0.5, -3, 0]);
    adam.step();
    near(adam.state(p)!.expAvg, [0.05, -0.3, 0]);
    near(adam.state(p)!.expAvgSq, [0.00025, 0.009, 0]);
    // m̂ = g, √v̂ = |g|: p −= 0.1·g/(|g| + 1e-8); a zero gradient leaves p unchanged
    near(p.value.data, [1 - 0.05 / (0.5 + 1e-8), -2 + 0.3 / (3 + 1e-8), 0.5]);
  });

  it('two steps with β = (0.5, 0.75), eps 0: bias correction uses the step count', () => {
    const p = param([1]);
    const adam = new Adam([p], { lr: 0.1, betas: [0.5, 0.75], eps: 0 });
    p.grad.data.set([2]);
    adam.step();
    // m = 1, v = 1; p = 1 − (0.1/0.5)·1/(√1/√0.25) = 1 − 0.2/2 = 0.9
    near(p.value.data, [0.9]);
    p.grad.data.set([-4]);
    adam.step();
    // m = 0.5 − 2 = −1.5; v = 0.75 + 0.25·16 = 4.75; 1−β₁² = 0.75, 1−β₂² = 0.4375
    // p = 0.9 + (0.1/0.75)·1.5/(√4.75/√0.4375) = 0.9 + 0.2/√(4.75/0.4375)
    near(adam.state(p)!.expAvg, [-1.5]);
    near(adam.state(p)!.expAvgSq, [4.75]);
    near(p.value.data, [0.9 + 0.2 / Math.sqrt(4.75 / 0.4375)]);
  });

  it('eps is added after the bias-corrected square root (tiny gradients)', () => {
    const p = param([0]);
    const adam = new Adam([p], { lr: 0.1 });
    p.grad.data.set([1e-8]);
    adam.step();
    // √v̂ = 1e-8, so p = −0.1·1e-8/(1e-8 + 1e-8) = −0.05. (eps inside the root would give ≈ −1e-5.)
    expect(p.value.data[0]).toBeCloseTo(-0.05, 4);
  });

  it('L2 weight decay enters the gradient, hence the moments', () => {
    const p = param([1]);
    const adam = new Adam([p], { lr: 0.1, betas: [0.5, 0.75], weightDecay: 0.5 });
    p.grad.data.set([2]);
    adam.step();
    // g' = 2 + 0.5·1 = 2.5; m = 0.5·2.5 = 1.25; v = 0.25·6.25
    near(adam.state(p)!.expAvg, [1.25]);
    near(adam.state(p)!.expAvgSq, [1.5625]);
  });

  it('rejects invalid options with specific messages', () => {
    const p = [param([1])];
    expect(() => new Adam(p, { lr: 0 })).toThrow(
      /Adam: lr must be a positive finite number, got 0/,
    );
    expect(() => new Adam(p, { betas: [1, 0.999] })).toThrow(
      /betas\[0\] must be a finite number in \[0, 1\), got 1/,
    );
    expect(() => new Adam(p, { betas: [0.9, -0.1] })).toThrow(
      /betas\[1\] must be a finite number in \[0, 1\)/,
    );
    expect(() => new Adam(p, { eps: -1e-8 })).toThrow(/eps must be a finite number ≥ 0/);
    expect(() => new Adam(p, { weightDecay: Infinity })).toThrow(
      /weightDecay must be a finite number ≥ 0, got Infinity/,
    );
    expect(() => new Adam([], {})).toThrow(/Adam: got an empty parameter list/);
  });

  it('lr is settable and validated', () => {
    const adam = new Adam([param([1])]);
    adam.lr = 0.01;
    expect(adam.lr).toBe(0.01);
    expect(() => (adam.lr = -1)).toThrow(/lr must be a positive finite number/);
  });
});

describe('AdamW', () => {
  it('matches PyTorch params, exp_avgs and exp_avg_sqs after every step (optim_adamw)', () => {
    expectTorchTrajectory('optim_adamw', AdamW);
  });

  it('equals Adam with decoupled: true', () => {
    const a = param([0.3, -0.7]);
    const b = param([0.3, -0.7]);
    const adamw = new AdamW([a], { lr: 0.05, weightDecay: 0.1 });
    const adam = new Adam([b], { lr: 0.05, weightDecay: 0.1, decoupled: true });
    for (const g of [
      [1, -2],
      [0.5, 0.25],
    ]) {
      a.grad.data.set(g);
      b.grad.data.set(g);
      adamw.step();
      adam.step();
    }
    expect(a.value.data).toEqual(b.value.data);
  });

  it('defaults to PyTorch’s weight decay 0.01', () => {
    const c = optimCase('optim_adamw');
    expect(new AdamW([c.param]).weightDecay).toBe(c.num('weight_decay'));
    expect(new AdamW([c.param]).weightDecay).toBe(0.01);
  });

  it('decays the weight first and keeps weight decay out of the moments', () => {
    const p = param([1]);
    const adamw = new AdamW([p], { lr: 0.1, betas: [0.5, 0.75], eps: 0, weightDecay: 0.5 });
    p.grad.data.set([2]);
    adamw.step();
    // p *= 1 − 0.1·0.5 → 0.95; m = 1, v = 1 (from g alone); p = 0.95 − (0.1/0.5)·1/2 = 0.85
    near(adamw.state(p)!.expAvg, [1]);
    near(adamw.state(p)!.expAvgSq, [1]);
    near(p.value.data, [0.85]);
  });

  it('names itself in errors', () => {
    expect(() => new AdamW([param([1])], { lr: -1 })).toThrow(/AdamW: lr must be/);
  });
});
