import { describe, expect, it } from 'vitest';
import { Pacer, SLICE_MS } from '../../src/worker/pacer';

/** A pacer on a clock the test moves. */
function pacerAt() {
  const clock = { time: 0 };
  return { clock, pacer: new Pacer(() => clock.time) };
}

describe('Pacer', () => {
  it('lets 10 steps a second take one step per 100 ms', () => {
    const { clock, pacer } = pacerAt();
    pacer.restartSpeedLimit(0);
    expect(pacer.speedWait(10, 0)).toBe(0);
    expect(pacer.speedWait(10, 1)).toBe(100);
    clock.time = 60;
    expect(pacer.speedWait(10, 1)).toBe(40);
    clock.time = 100;
    expect(pacer.speedWait(10, 1)).toBe(0);
    expect(pacer.speedWait(0, 1000)).toBe(0);
  });

  it('rests three times as long as it worked with a quarter of a core, in shorter slices', () => {
    const { clock, pacer } = pacerAt();
    expect(pacer.restAfter(0)).toBe(0);
    expect(pacer.sliceMs).toBe(SLICE_MS);
    pacer.setCpuShare(0.25);
    clock.time = 5;
    expect(pacer.restAfter(0)).toBe(15);
    expect(pacer.sliceMs).toBe(SLICE_MS / 4);
  });

  it('takes a share outside (0, 1] as a whole core', () => {
    const { pacer } = pacerAt();
    for (const share of [0, -1, Number.NaN, Number.POSITIVE_INFINITY, 3]) {
      pacer.setCpuShare(0.5);
      pacer.setCpuShare(share);
      expect(pacer.cpuShare).toBe(1);
    }
  });
});
