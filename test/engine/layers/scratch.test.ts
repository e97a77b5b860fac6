import { describe, expect, it } from 'vitest';
import { scratch } from '../../../src/engine/layers/scratch';
import { tensor } from '../../../src/engine/tensor';

describe('shared scratch', () => {
  it('hands out a gradient buffer that is not the storage of a live tensor', () => {
    scratch.clear();
    const a = scratch.gradientBuffer([2, 3]);
    const b = scratch.gradientBuffer([2, 3], a);
    expect(b.data.buffer).not.toBe(a.data.buffer);
    // Ping-pong: with b live, a's storage comes back.
    const c = scratch.gradientBuffer([4], b);
    expect(c.data.buffer).toBe(a.data.buffer);
    expect(c.shape).toEqual([4]);
    expect(c.data.length).toBe(4);
  });

  it('keeps held storage out of reach until released', () => {
    scratch.clear();
    const kept = scratch.gradientBuffer([8]);
    const release = scratch.hold(kept);
    const other = scratch.gradientBuffer([8]);
    expect(other.data.buffer).not.toBe(kept.data.buffer);
    release();
    expect(scratch.gradientBuffer([8], other).data.buffer).toBe(kept.data.buffer);
  });

  it('grows a buffer that is too small, and lets everything go on clear', () => {
    scratch.clear();
    const small = scratch.gradientBuffer([2]);
    const dy = tensor([1]);
    const big = scratch.gradientBuffer([100], dy);
    expect(big.data.length).toBe(100);
    expect(big.data.buffer).not.toBe(small.data.buffer);
    expect(scratch.bytes()).toBe(400);
    expect(scratch.floats('work', 10).length).toBe(10);
    expect(scratch.floats('work', 5).length).toBe(10);
    expect(scratch.bytes()).toBe(440);
    scratch.clear();
    expect(scratch.bytes()).toBe(0);
  });
});
