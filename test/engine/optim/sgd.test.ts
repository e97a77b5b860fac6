import { describe, expect, it } from 'vitest';
import { makeParam } from '../../../src/engine/layers/layer';
import { SGD } from '../../../src/engine/optim/sgd';
import { tensor } from '../../../src/engine/tensor';
import { expectTrajectory, near, optimCase, param } from './optimFixture';

describe('SGD', () => {
  for (const name of ['optim_sgd_momentum', 'optim_sgd_nesterov']) {
    it(`matches PyTorch params and momentum buffers after every step (${name})`, () => {
      const c = optimCase(name);
      const sgd = new SGD([c.param], {
        lr: c.num('lr'),
        momentum: c.num('momentum'),
        dampening: c.num('dampening'),
        weightDecay: c.num('weight_decay'),
        nesterov: c.fixture.config['nesterov'] === true,
      });
      expectTrajectory(c, () => sgd.step(), {
        momentum_buffers: () => sgd.momentumBuffer(c.param),
      });
    });
  }

  it('plain SGD with weight decay: p −= lr·(g + wd·p), no buffer', () => {
    const p = param([1, -2]);
    const sgd = new SGD([p], { lr: 0.1, weightDecay: 0.2 });
    p.grad.data.set([0.5, 3]);
    sgd.step();
    // d = [0.5 + 0.2, 3 − 0.4] = [0.7, 2.6]; p = [1 − 0.07, −2 − 0.26]
    near(p.value.data, [0.93, -2.26]);
    expect(sgd.momentumBuffer(p)).toBeUndefined();
  });

  it('momentum: the buffer is d on the first step, then momentum·b + d', () => {
    const p = param([1, -2]);
    const sgd = new SGD([p], { lr: 0.1, momentum: 0.5, weightDecay: 0.2 });
    expect(sgd.momentumBuffer(p)).toBeUndefined();
    p.grad.data.set([0.5, 3]);
    sgd.step();
    // d₁ = [0.7, 2.6] = b; p = [0.93, −2.26]
    near(sgd.momentumBuffer(p), [0.7, 2.6]);
    near(p.value.data, [0.93, -2.26]);
    p.grad.data.set([-1, 0.25]);
    sgd.step();
    // d₂ = [−1 + 0.186, 0.25 − 0.452] = [−0.814, −0.202]
    // b = 0.5·[0.7, 2.6] + d₂ = [−0.464, 1.098]; p = [0.93 + 0.0464, −2.26 − 0.1098]
    near(sgd.momentumBuffer(p), [-0.464, 1.098]);
    near(p.value.data, [0.9764, -2.3698]);
  });

  it('nesterov: p −= lr·(d + momentum·b)', () => {
    const p = param([1, -2]);
    const sgd = new SGD([p], { lr: 0.1, momentum: 0.5, weightDecay: 0.2, nesterov: true });
    p.grad.data.set([0.5, 3]);
    sgd.step();
    // b = d = [0.7, 2.6]; p −= 0.1·(d + 0.5·b) = 0.15·d = [0.105, 0.39]
    near(p.value.data, [0.895, -2.39]);
    near(sgd.momentumBuffer(p), [0.7, 2.6]);
  });

  it('dampening scales only the new gradient, and not on the first step', () => {
    const p = param([1, -2]);
    const sgd = new SGD([p], { lr: 0.1, momentum: 0.5, dampening: 0.25 });
    p.grad.data.set([0.5, 3]);
    sgd.step();
    // b = g = [0.5, 3] (undamped); p = [0.95, −2.3]
    near(sgd.momentumBuffer(p), [0.5, 3]);
    p.grad.data.set([-1, 0.25]);
    sgd.step();
    // b = 0.5·[0.5, 3] + 0.75·[−1, 0.25] = [−0.5, 1.6875]; p = [0.95 + 0.05, −2.3 − 0.16875]
    near(sgd.momentumBuffer(p), [-0.5, 1.6875]);
    near(p.value.data, [1, -2.46875]);
  });

  it('keeps one buffer per param', () => {
    const a = param([1, 2, 3]);
    const b = makeParam('b', 'bias', tensor([2], [0, 0]));
    const sgd = new SGD([a, b], { lr: 1, momentum: 0.9 });
    a.grad.data.set([1, 2, 3]);
    b.grad.data.set([-4, 5]);
    sgd.step();
    near(sgd.momentumBuffer(a), [1, 2, 3]);
    near(sgd.momentumBuffer(b), [-4, 5]);
    near(a.value.data, [0, 0, 0]);
    near(b.value.data, [4, -5]);
  });

  it('lr can be changed between steps and is validated', () => {
    const p = param([1]);
    const sgd = new SGD([p], { lr: 0.1 });
    sgd.lr = 0.5;
    expect(sgd.lr).toBe(0.5);
    p.grad.data.set([2]);
    sgd.step();
    near(p.value.data, [0]); // 1 − 0.5·2
    expect(() => (sgd.lr = 0)).toThrow(/SGD: lr must be a positive finite number, got 0/);
    expect(sgd.lr).toBe(0.5);
  });

  it('zeroGrad clears every gradient', () => {
    const a = param([1, 2]);
    const b = param([3]);
    const sgd = new SGD([a, b], { lr: 0.1 });
    a.grad.data.set([5, 6]);
    b.grad.data.set([7]);
    sgd.zeroGrad();
    expect(Array.from(a.grad.data)).toEqual([0, 0]);
    expect(Array.from(b.grad.data)).toEqual([0]);
  });

  it('rejects invalid options with specific messages', () => {
    const p = [param([1])];
    expect(() => new SGD(p, { lr: -0.1 })).toThrow(/lr must be a positive finite number, got -0.1/);
    expect(() => new SGD(p, { lr: Number.NaN })).toThrow(
      /lr must be a positive finite number, got NaN/,
    );
    expect(() => new SGD(p, { lr: 0.1, momentum: -0.5 })).toThrow(
      /momentum must be a finite number ≥ 0, got -0.5/,
    );
    expect(() => new SGD(p, { lr: 0.1, weightDecay: -1 })).toThrow(
      /weightDecay must be a finite number ≥ 0/,
    );
    expect(() => new SGD(p, { lr: 0.1, dampening: 2 })).toThrow(
      /dampening must be a finite number in \[0, 1\], got 2/,
    );
    expect(() => new SGD(p, { lr: 0.1, nesterov: true })).toThrow(
      /nesterov requires momentum > 0 and dampening 0, got momentum 0, dampening 0/,
    );
    expect(() => new SGD(p, { lr: 0.1, momentum: 0.9, dampening: 0.1, nesterov: true })).toThrow(
      /nesterov requires momentum > 0 and dampening 0/,
    );
  });
});
