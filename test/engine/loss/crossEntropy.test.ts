import { describe, expect, it } from 'vitest';
import { accuracy, crossEntropy } from '../../../src/engine/loss/crossEntropy';
import { tensor } from '../../../src/engine/tensor';
import { randomTensor } from '../../helpers/gradcheck';
import { expectClose, loadFixture, SINGLE_OP } from '../../helpers/fixtures';

describe('crossEntropy', () => {
  it('loss and gradient: hand-worked 2×3 case', () => {
    // row 0: z = [0, ln 2, 0] → softmax [1/4, 1/2, 1/4], target 1 → −log(1/2) = ln 2
    // row 1: z = [ln 3, 0, ln 4] → softmax [3/8, 1/8, 4/8], target 0 → −log(3/8) = ln(8/3)
    const logits = tensor([2, 3], [0, Math.log(2), 0, Math.log(3), 0, Math.log(4)]);
    const { loss, grad } = crossEntropy(logits, Int32Array.from([1, 0]));
    expect(loss).toBeCloseTo((Math.log(2) + Math.log(8 / 3)) / 2, 6);
    // (softmax − onehot) / N with N = 2
    const want = [0.125, -0.25, 0.125, -0.3125, 0.0625, 0.25];
    want.forEach((w, i) => expect(grad.data[i]).toBeCloseTo(w, 6));
  });

  for (const name of ['cross_entropy', 'cross_entropy_large_logits']) {
    it(`matches PyTorch (${name} fixture)`, () => {
      const f = loadFixture(name);
      const logits = tensor(f.inputs['logits']!.shape, f.inputs['logits']!.data);
      const { loss, grad } = crossEntropy(logits, Int32Array.from(f.inputs['target']!.data));
      expectClose([loss], f.outputs['loss']!, SINGLE_OP, 'loss');
      expect(grad.shape).toEqual(f.outputs['grad_logits']!.shape);
      expectClose(grad.data, f.outputs['grad_logits']!, SINGLE_OP, 'grad_logits');
    });
  }

  it('is unchanged by adding a constant to a row, even a huge one', () => {
    const targets = Int32Array.from([2, 0]);
    const base = crossEntropy(tensor([2, 3], [0.5, -1, 2, 1, 0.25, -0.75]), targets);
    const shifted = crossEntropy(
      tensor([2, 3], [1000.5, 999, 1002, -999, -999.75, -1000.75]),
      targets,
    );
    expect(shifted.loss).toBeCloseTo(base.loss, 4);
    Array.from(base.grad.data).forEach((g, i) => expect(shifted.grad.data[i]).toBeCloseTo(g, 5));
  });

  it('gradient: finite differences of the loss on an odd shape', () => {
    const logits = randomTensor([3, 7], 60, 2);
    const targets = Int32Array.from([6, 0, 3]);
    const analytic = Float32Array.from(crossEntropy(logits, targets).grad.data);
    const h = 1e-2;
    for (let i = 0; i < logits.data.length; i++) {
      const saved = logits.data[i]!;
      logits.data[i] = saved + h;
      const plus = crossEntropy(logits, targets).loss;
      logits.data[i] = saved - h;
      const minus = crossEntropy(logits, targets).loss;
      logits.data[i] = saved;
      expect(analytic[i]).toBeCloseTo((plus - minus) / (2 * h), 4);
    }
  });

  it('returns a non-finite loss for non-finite logits instead of throwing', () => {
    expect(crossEntropy(tensor([1, 2], [NaN, 1]), Int32Array.from([1])).loss).toBeNaN();
    expect(crossEntropy(tensor([1, 2], [Infinity, 1]), Int32Array.from([0])).loss).toBeNaN();
    expect(crossEntropy(tensor([1, 2], [-Infinity, 1]), Int32Array.from([0])).loss).toBe(Infinity);
  });

  it('reuses the gradient tensor it is given when the shape fits', () => {
    const logits = tensor([2, 2], [1, 2, 3, 4]);
    const first = crossEntropy(logits, Int32Array.from([0, 1]));
    expect(crossEntropy(logits, Int32Array.from([1, 1]), first.grad).grad).toBe(first.grad);
    expect(crossEntropy(logits, Int32Array.from([1, 1]), tensor([1, 2])).grad).not.toBe(first.grad);
  });

  it('throws a clear error on a bad target, a length mismatch or a wrong rank', () => {
    const logits = tensor([2, 3]);
    expect(() => crossEntropy(logits, Int32Array.from([0, 3]))).toThrow(
      /target 3 at row 1 is outside the 3 classes \[0, 3\)/,
    );
    expect(() => crossEntropy(logits, Int32Array.from([-1, 0]))).toThrow(
      /target -1 at row 0 is outside the 3 classes/,
    );
    expect(() => crossEntropy(logits, Int32Array.from([0]))).toThrow(
      /1 targets for logits of shape \[2, 3\] \(need one per row\)/,
    );
    expect(() => crossEntropy(tensor([6]), Int32Array.from([0]))).toThrow(
      /expected a 2-D input, got shape \[6\]/,
    );
    expect(() => crossEntropy(tensor([0, 3]), new Int32Array(0))).toThrow(/empty batch/);
  });
});

describe('accuracy', () => {
  it('counts rows whose argmax is the target, ties going to the lowest index', () => {
    const logits = tensor(
      [4, 3],
      [
        ...[0.1, 0.7, 0.2], // argmax 1
        ...[2, 2, 1], // tie between 0 and 1 → 0
        ...[-1, -3, -0.5], // argmax 2
        ...[5, 5, 5], // all tied → 0
      ],
    );
    expect(accuracy(logits, Int32Array.from([1, 0, 2, 0]))).toBe(1);
    expect(accuracy(logits, Int32Array.from([1, 1, 0, 2]))).toBe(0.25);
  });

  it('throws a clear error on a target outside the classes', () => {
    expect(() => accuracy(tensor([1, 2]), Int32Array.from([2]))).toThrow(
      /accuracy: target 2 at row 0 is outside the 2 classes/,
    );
  });
});
