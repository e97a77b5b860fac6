import { describe, expect, it } from 'vitest';
import { makeParam } from '../../../src/engine/layers/layer';
import { Adam, AdamW } from '../../../src/engine/optim/adam';
import { createOptimizer, type OptimizerSpec } from '../../../src/engine/optim/createOptimizer';
import { SGD } from '../../../src/engine/optim/sgd';
import { tensor } from '../../../src/engine/tensor';

const params = () => [makeParam('w', 'weight', tensor([2], [1, -1]))];

describe('createOptimizer', () => {
  it('sgd: passes lr, momentum, nesterov and weight decay through', () => {
    const opt = createOptimizer(params(), {
      kind: 'sgd',
      lr: 0.05,
      momentum: 0.9,
      nesterov: true,
      weightDecay: 1e-4,
    });
    expect(opt).toBeInstanceOf(SGD);
    const sgd = opt as SGD;
    expect([sgd.lr, sgd.momentum, sgd.nesterov, sgd.weightDecay, sgd.dampening]).toEqual([
      0.05,
      0.9,
      true,
      1e-4,
      0,
    ]);
  });

  it('sgd: nesterov and weight decay default to off (also when given as undefined)', () => {
    const sgd = createOptimizer(params(), {
      kind: 'sgd',
      lr: 0.1,
      momentum: 0,
      nesterov: undefined,
      weightDecay: undefined,
    }) as SGD;
    expect([sgd.nesterov, sgd.weightDecay]).toEqual([false, 0]);
  });

  it('adam: L2 weight decay, default 0', () => {
    const adam = createOptimizer(params(), { kind: 'adam', lr: 0.01 });
    expect(adam).toBeInstanceOf(Adam);
    expect(adam).not.toBeInstanceOf(AdamW);
    expect([(adam as Adam).decoupled, (adam as Adam).weightDecay, adam.lr]).toEqual([
      false,
      0,
      0.01,
    ]);
  });

  it('adamw: decoupled, default weight decay 0.01, or the one given', () => {
    const a = createOptimizer(params(), { kind: 'adamw', lr: 0.01 }) as AdamW;
    expect(a).toBeInstanceOf(AdamW);
    expect([a.decoupled, a.weightDecay]).toEqual([true, 0.01]);
    const b = createOptimizer(params(), { kind: 'adamw', lr: 0.01, weightDecay: 0.2 }) as AdamW;
    expect(b.weightDecay).toBe(0.2);
  });

  it('the created optimizer steps the given params', () => {
    const ps = params();
    const opt = createOptimizer(ps, { kind: 'sgd', lr: 0.5, momentum: 0 });
    ps[0]!.grad.data.set([2, 4]);
    opt.step();
    expect(Array.from(ps[0]!.value.data)).toEqual([0, -3]); // [1 − 1, −1 − 2]
  });

  it('throws for an unknown kind and for invalid settings', () => {
    // As it might arrive from a URL or a saved run: parsed, not type-checked.
    const untyped = JSON.parse('{"kind": "rmsprop", "lr": 0.1}') as OptimizerSpec;
    expect(() => createOptimizer(params(), untyped)).toThrow(
      /unknown optimizer kind 'rmsprop'; expected 'sgd', 'adam' or 'adamw'/,
    );
    expect(() => createOptimizer(params(), { kind: 'adam', lr: 0 })).toThrow(
      /Adam: lr must be a positive finite number/,
    );
  });
});
