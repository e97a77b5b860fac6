import { describe, expect, it } from 'vitest';
import { makeParam, type Param } from '../../../src/engine/layers/layer';
import { Adam, AdamW } from '../../../src/engine/optim/adam';
import { checkParams, zeroGrads, type Optimizer } from '../../../src/engine/optim/optimizer';
import { SGD } from '../../../src/engine/optim/sgd';
import { tensor } from '../../../src/engine/tensor';

describe('optimizer params', () => {
  it('rejects an empty list, as PyTorch does', () => {
    expect(() => new SGD([], { lr: 0.1 })).toThrow(/SGD: got an empty parameter list/);
  });

  it('rejects a param listed twice (it would be stepped twice)', () => {
    const p = makeParam('fc.weight', 'weight', tensor([2, 2]));
    expect(() => new SGD([p, p], { lr: 0.1 })).toThrow(
      /SGD: parameter 'fc.weight' appears more than once/,
    );
  });

  it('rejects a grad whose size differs from its value', () => {
    const p: Param = { name: 'w', role: 'weight', value: tensor([3]), grad: tensor([2]) };
    expect(() => checkParams([p], 'SGD')).toThrow(/parameter 'w' has 3 values but a grad of 2/);
  });

  it('keeps its own copy of the list', () => {
    const list = [makeParam('a', 'weight', tensor([1], [1]))];
    const sgd = new SGD(list, { lr: 1 });
    list.push(makeParam('b', 'weight', tensor([1], [1])));
    expect(sgd.params.length).toBe(1);
  });

  it('zeroGrads clears every gradient and leaves the values', () => {
    const p = makeParam('a', 'weight', tensor([2], [3, 4]));
    p.grad.data.set([1, -1]);
    zeroGrads([p]);
    expect(Array.from(p.grad.data)).toEqual([0, 0]);
    expect(Array.from(p.value.data)).toEqual([3, 4]);
  });
});

describe('learning rate, as a schedule changes it', () => {
  const weight = () => [makeParam('w', 'weight', tensor([1], [1]))];
  const optimizers: [string, () => Optimizer][] = [
    ['SGD', () => new SGD(weight(), { lr: 0.1 })],
    ['Adam', () => new Adam(weight(), { lr: 0.1 })],
    ['AdamW', () => new AdamW(weight(), { lr: 0.1 })],
  ];

  it.each(optimizers)(
    '%s takes a new positive rate and refuses 0 in its own name',
    (name, make) => {
      const optimizer = make();
      optimizer.lr = 0.025;
      expect(optimizer.lr).toBe(0.025);
      expect(() => (optimizer.lr = 0)).toThrow(
        new RegExp(`^${name}: lr must be a positive finite number, got 0$`),
      );
      expect(optimizer.lr).toBe(0.025);
    },
  );
});
