import { describe, expect, it } from 'vitest';
import { CONTENDED, Pacer, POOLED_MS, SLICE_MS, TIMED_MS } from '../../src/worker/pacer';

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
    pacer.setCpuShare(0.25, 1);
    clock.time = 5;
    expect(pacer.restAfter(0)).toBe(15);
    expect(pacer.sliceMs).toBe(SLICE_MS / 4);
  });

  it('rests as long as it worked with half a core while its steps take their usual time', () => {
    const { clock, pacer } = pacerAt();
    pacer.setCpuShare(0.5, 1);
    // steps of 2 ms, then of up to 2.4 ms (a garbage collection): an idle core's jitter
    for (const ms of [2, 2, 2]) pacer.noteStep(ms);
    clock.time = 6;
    expect(pacer.restAfter(0)).toBe(6);
    for (const ms of [2.4, 2.2, 2]) pacer.noteStep(ms);
    clock.time = 16.6;
    expect(pacer.restAfter(10)).toBeCloseTo(6.6, 9);
  });

  /** Two slices of 2 ms steps, 20 ms of them: the run's usual step (POOLED_MS) is 2 ms. */
  function usualSteps(pacer: Pacer, clock: { time: number }): void {
    expect(POOLED_MS).toBe(20);
    for (let slice = 0; slice < 2; slice++) {
      const start = clock.time;
      for (let i = 0; i < 5; i++) pacer.noteStep(2);
      clock.time += 10;
      expect(pacer.restAfter(start)).toBe(10 * (1 / pacer.cpuShare - 1));
    }
  }

  /** A slice of `steps` steps of `ms` each, timed from now; what the pacer asks to rest after it. */
  function slice(pacer: Pacer, clock: { time: number }, steps: number, ms: number): number {
    const start = clock.time;
    for (let i = 0; i < steps; i++) pacer.noteStep(ms);
    clock.time += steps * ms;
    return pacer.restAfter(start);
  }

  it('takes a slowdown its own page explains for its own: four runs on two cores keep a quarter', () => {
    const { clock, pacer } = pacerAt();
    // four runs on two cores: a quarter of a core each, and with all four computing beside the page's
    // core, five threads ask for two cores, so a step may take 2.5× its time without anyone else
    pacer.setCpuShare(0.25, 2.5);
    usualSteps(pacer, clock);
    // steps 2.4× as long for 24 ms: the runs slowing one another, not a busy machine. All 24 ms count
    // and it rests three times that (taken for a busy machine, 10 of 24 ms counted and 16 ms rested:
    // in slices 60% of the time instead of 25%, which slowed the other runs further)
    expect(slice(pacer, clock, 5, 4.8)).toBeCloseTo(72, 9);
    expect(pacer.accounting.contended).toBe(0);
    // 5× as long for 30 ms: twice what the page explains, so half of it counts: 15 ms, rest 30 ms
    expect(slice(pacer, clock, 3, 10)).toBeCloseTo(30, 9);
    // 10× as long for 40 ms: a quarter counts, 10 ms, a quarter of the 40 ms that passed: no rest
    expect(slice(pacer, clock, 2, 20)).toBe(0);
    expect(pacer.accounting.contended).toBe(2);
  });

  it('keeps to its share on a busy machine as if every run of its page computed flat out', () => {
    // what a run gets, in cores, with its slices slowed `slowdown` times: it works a slice of 20 ms
    // and rests as the pacer asks; the machine gives it 1 / slowdown of a core while it works
    const coresAt = (slowdown: number, share: number, ownSlowdown: number): number => {
      const { clock, pacer } = pacerAt();
      pacer.setCpuShare(share, ownSlowdown);
      usualSteps(pacer, clock);
      const rest = slice(pacer, clock, 10, 2 * slowdown);
      const worked = 20 * slowdown;
      return worked / slowdown / (worked + rest);
    };
    // four runs on two cores: at least share / ownSlowdown = 0.1 of a core, however busy
    for (const slowdown of [3, 5, 8, 10]) expect(coresAt(slowdown, 0.25, 2.5)).toBeCloseTo(0.1, 9);
    // beyond that it works flat out, and gets what the machine gives: 1/20 of a core at 20×
    expect(coresAt(20, 0.25, 2.5)).toBeCloseTo(0.05, 9);
    // a page that explains no slowdown (ownSlowdown 1): its full share, as before
    expect(coresAt(1.5, 0.5, 1)).toBeCloseTo(0.5, 9);
  });

  it('counts only the time a busy machine let it run: less rest, none below its share', () => {
    const { clock, pacer } = pacerAt();
    pacer.setCpuShare(0.5, 1);
    usualSteps(pacer, clock);
    // the same steps took 2.5× as long for 20 ms of them: it ran 8 of the 20 ms, and 8 ms of work
    // in 20 is within half a core already
    for (const ms of [5, 5, 5, 5]) pacer.noteStep(ms);
    clock.time = 40;
    expect(pacer.restAfter(20)).toBe(0);
    // then 1.5× for the latest 21 ms of steps: it ran 12 of 18 ms, so it rests 6 ms
    for (const ms of [3, 3, 3, 3, 3, 3, 3]) pacer.noteStep(ms);
    clock.time = 58;
    expect(pacer.restAfter(40)).toBeCloseTo(6, 9);
  });

  it('is not held back by one slow slice among usual ones (a frame of the page), nor by jitter', () => {
    const { clock, pacer } = pacerAt();
    pacer.setCpuShare(0.5, 1);
    usualSteps(pacer, clock);
    // one slice of steps 3× as long after 20 ms of usual ones: over the latest 32 ms of steps the
    // mean is 32 / 12 ms, 1.33× the usual, so the slice counts in full
    for (const ms of [2, 2, 2, 2, 2, 2, 2, 2, 2, 2]) pacer.noteStep(ms);
    clock.time = 40;
    expect(pacer.restAfter(20)).toBe(20);
    pacer.noteStep(6);
    pacer.noteStep(6);
    clock.time = 52;
    expect(pacer.restAfter(40)).toBe(12);
    // just under CONTENDED for the whole pool: jitter, not a busy machine
    const step = 2 * CONTENDED * 0.99;
    for (let i = 0; i < 11; i++) pacer.noteStep(step);
    clock.time = 52 + 11 * step;
    expect(pacer.restAfter(52)).toBeCloseTo(11 * step, 9);
  });

  it('forgets the fastest step when a new run starts', () => {
    const { clock, pacer } = pacerAt();
    pacer.setCpuShare(0.5, 1);
    pacer.noteStep(1);
    pacer.noteStep(1);
    clock.time = 2;
    expect(pacer.restAfter(0)).toBe(2);
    pacer.forgetSteps();
    // a bigger network's 10 ms steps are not a busy machine's 1 ms ones
    pacer.noteStep(10);
    clock.time = 12;
    expect(pacer.restAfter(2)).toBe(10);
  });

  it('judges no slice whose steps took too little time to be timed on a coarse clock', () => {
    const { clock, pacer } = pacerAt();
    pacer.setCpuShare(0.5, 1);
    for (let i = 0; i < 20; i++) pacer.noteStep(0.2);
    clock.time = 4;
    expect(pacer.restAfter(0)).toBe(4);
    // one step that read 0.1 ms then one of 0.3 ms (a 0.1 ms clock): not a busy machine
    pacer.noteStep(0.3);
    expect(TIMED_MS).toBeGreaterThan(0.3);
    clock.time = 6;
    expect(pacer.restAfter(4)).toBe(2);
  });

  it('takes a share outside (0, 1] as a whole core', () => {
    const { pacer } = pacerAt();
    for (const share of [0, -1, Number.NaN, Number.POSITIVE_INFINITY, 3]) {
      pacer.setCpuShare(0.5, 1);
      pacer.setCpuShare(share, 1);
      expect(pacer.cpuShare).toBe(1);
    }
  });

  it('takes an own slowdown below 1 or not a number as none: a busy machine is judged as before', () => {
    for (const ownSlowdown of [0, -2, Number.NaN, Number.POSITIVE_INFINITY]) {
      const { clock, pacer } = pacerAt();
      pacer.setCpuShare(0.5, ownSlowdown);
      usualSteps(pacer, clock);
      // 2.5× as long for 20 ms: it ran 8 ms of 20, within half a core already (CONTENDED)
      expect(slice(pacer, clock, 4, 5)).toBe(0);
    }
  });

  it('keeps a moving average of the plain steps, forgotten with the run', () => {
    const { pacer } = pacerAt();
    expect(pacer.plainStepMs).toBe(0);
    pacer.noteStep(2);
    expect(pacer.plainStepMs).toBe(2);
    // 0.9 × 2 + 0.1 × 3
    pacer.noteStep(3);
    expect(pacer.plainStepMs).toBeCloseTo(2.1, 12);
    pacer.noteStep(Number.NaN);
    expect(pacer.plainStepMs).toBeCloseTo(2.1, 12);
    pacer.forgetSteps();
    expect(pacer.plainStepMs).toBe(0);
  });

  it('accounts for its slices: timed, held back, worked, counted as work and rested', () => {
    const { clock, pacer } = pacerAt();
    pacer.setCpuShare(0.5, 1);
    usualSteps(pacer, clock);
    // steps twice as long for 20 ms of them: held back, 10 of 20 ms counted, no rest
    for (const ms of [4, 4, 4, 4, 4]) pacer.noteStep(ms);
    clock.time = 40;
    expect(pacer.restAfter(20)).toBe(0);
    // no steps to time (a validation slice): judged as the slice before
    clock.time = 50;
    expect(pacer.restAfter(40)).toBe(0);
    expect(pacer.accounting).toEqual({
      slices: 4,
      judged: 3,
      contended: 2,
      workedMs: 50,
      countedMs: 35,
      restMs: 20,
    });
    pacer.resetAccounting();
    expect(pacer.accounting.slices).toBe(0);
  });
});
