import { describe, expect, it } from 'vitest';
import { StepBuffer } from '../../src/worker/stepBuffer';

describe('StepBuffer', () => {
  it('hands over every pending step once, as typed arrays, oldest first', () => {
    const buffer = new StepBuffer();
    buffer.push(1, 2.5, 0.25);
    buffer.push(2, 1.5, 0.5);
    expect(buffer.size).toBe(2);
    const taken = buffer.take();
    expect(Array.from(taken.steps)).toEqual([1, 2]);
    expect(Array.from(taken.losses)).toEqual([2.5, 1.5]);
    expect(Array.from(taken.accuracies)).toEqual([0.25, 0.5]);
    expect(buffer.size).toBe(0);
    expect(buffer.take().steps).toHaveLength(0);
  });

  it('drops what is pending on clear', () => {
    const buffer = new StepBuffer();
    buffer.push(7, 1, 1);
    buffer.clear();
    expect(buffer.size).toBe(0);
  });
});
