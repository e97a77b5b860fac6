import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  availableCores,
  cpuShareFor,
  LESSON_RESERVED_CORES,
  MIN_CPU_SHARE,
  ownSlowdownFor,
} from '../../src/runs/cpuShare';

describe('cpuShareFor', () => {
  it('gives a lone run a whole core', () => {
    expect(cpuShareFor(1, 2)).toBe(1);
    expect(cpuShareFor(0, 2)).toBe(1);
  });

  it('leaves a core free when the runs would take every core', () => {
    expect(cpuShareFor(2, 2)).toBe(0.5);
    expect(cpuShareFor(3, 2)).toBeCloseTo(1 / 3, 12);
    expect(cpuShareFor(4, 2)).toBe(0.25);
    expect(cpuShareFor(4, 4)).toBe(0.75);
  });

  it('leaves a lesson page a quarter of a core, and never more than half the machine', () => {
    expect(LESSON_RESERVED_CORES).toBe(0.25);
    expect(cpuShareFor(2, 2, LESSON_RESERVED_CORES)).toBe(0.875);
    expect(cpuShareFor(3, 2, LESSON_RESERVED_CORES)).toBeCloseTo(1.75 / 3, 12);
    expect(cpuShareFor(4, 2, LESSON_RESERVED_CORES)).toBe(0.4375);
    expect(cpuShareFor(1, 2, LESSON_RESERVED_CORES)).toBe(1);
    expect(cpuShareFor(2, 1, 3)).toBe(0.25);
  });

  it('hands a lesson run’s share, when it finishes, to the runs still training, up to a core each', () => {
    // lesson 5's three runs on two cores: the runs together keep to what the page leaves, 1.75
    // cores, while two or three train; the last one alone can use only one (a run is one thread)
    const together = (training: number) =>
      training * cpuShareFor(training, 2, LESSON_RESERVED_CORES);
    expect(together(3)).toBeCloseTo(1.75, 12);
    expect(together(2)).toBe(1.75);
    expect(together(1)).toBe(1);
    // and each slowdown the page's own threads explain shrinks with them
    expect(ownSlowdownFor(3, 2, LESSON_RESERVED_CORES)).toBe(1.625);
    expect(ownSlowdownFor(2, 2, LESSON_RESERVED_CORES)).toBe(1.125);
    expect(ownSlowdownFor(1, 2, LESSON_RESERVED_CORES)).toBe(1);
  });

  it('never limits runs that have a core each to spare', () => {
    expect(cpuShareFor(4, 8)).toBe(1);
  });

  it('leaves half of a single core, and never starves a run', () => {
    expect(cpuShareFor(1, 1)).toBe(0.5);
    expect(cpuShareFor(4, 1)).toBe(0.125);
    expect(cpuShareFor(40, 1)).toBe(MIN_CPU_SHARE);
    expect(cpuShareFor(2, 0)).toBe(0.25);
  });
});

describe('ownSlowdownFor', () => {
  it('is the threads the page asks each core for with every run computing: runs and the page', () => {
    // four runs and the page's core on two cores: 5 / 2
    expect(ownSlowdownFor(4, 2)).toBe(2.5);
    expect(ownSlowdownFor(2, 2)).toBe(1.5);
    // a lesson's two runs and its quarter of a core
    expect(ownSlowdownFor(2, 2, LESSON_RESERVED_CORES)).toBe(1.125);
    // a lone run on one core beside the half core left to the page
    expect(ownSlowdownFor(1, 1)).toBe(1.5);
  });

  it('is never below 1: a page with cores to spare explains no slowdown', () => {
    expect(ownSlowdownFor(4, 8)).toBe(1);
    expect(ownSlowdownFor(1, 2)).toBe(1);
    expect(ownSlowdownFor(0, 2)).toBe(1);
  });
});

describe('availableCores', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('reads the browser, and assumes two cores where it says nothing useful', () => {
    const onCores = (cores: unknown) => vi.stubGlobal('navigator', { hardwareConcurrency: cores });
    onCores(6);
    expect(availableCores()).toBe(6);
    for (const unusable of [0, Number.NaN, undefined, '4']) {
      onCores(unusable);
      expect(availableCores()).toBe(2);
    }
    vi.stubGlobal('navigator', undefined);
    expect(availableCores()).toBe(2);
  });
});
