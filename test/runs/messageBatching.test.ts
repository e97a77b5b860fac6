import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  applyBatch,
  createBatcher,
  LEAD_GAP_MS,
  setMessageBatchWindow,
} from '../../src/runs/messageBatching';

// Windows are timed on a fake clock, so no outcome depends on how busy the machine is.
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
});
afterEach(() => {
  setMessageBatchWindow(undefined);
  vi.useRealTimers();
});
const sleep = (ms: number): void => void vi.advanceTimersByTime(ms);

/** A batcher with a window of `windowMs` that records every batch it applies. */
function recordingBatcher(windowMs: number) {
  setMessageBatchWindow(windowMs);
  const batches: number[][] = [];
  const batcher = createBatcher<number>((items) => batches.push(items));
  return { batches, batcher };
}

describe('createBatcher', () => {
  it('applies the first item at once and merges a burst into the next batch, in order', () => {
    const { batches, batcher } = recordingBatcher(40);
    batcher.push(1);
    expect(batches).toEqual([[1]]);
    batcher.push(2);
    batcher.push(3);
    batcher.push(4);
    expect(batches).toEqual([[1]]);
    sleep(80);
    expect(batches).toEqual([[1], [2, 3, 4]]);
  });

  it('applies every item synchronously with a window of 0', () => {
    const { batches, batcher } = recordingBatcher(0);
    batcher.push(1);
    batcher.push(2);
    expect(batches).toEqual([[1], [2]]);
  });

  it('drops waiting items on clear', () => {
    const { batches, batcher } = recordingBatcher(30);
    batcher.push(1);
    batcher.push(2);
    batcher.clear();
    sleep(60);
    expect(batches).toEqual([[1]]);
  });
});

describe('createBatcher with leading items', () => {
  it('lets a follower wait for its window, and a leading item take it along at once', () => {
    const batches: string[][] = [];
    const batcher = createBatcher<string>((items) => batches.push(items), 1000);
    batcher.push('b1'); // the first after a quiet spell goes at once
    batcher.push('b2');
    batcher.push('c1');
    sleep(LEAD_GAP_MS + 20);
    expect(batches).toEqual([['b1']]); // followers wait for the 1 s window…
    batcher.push('a1', true);
    expect(batches).toEqual([['b1'], ['b2', 'c1', 'a1']]); // …or a leader, in arrival order
  });

  it('gives two leading items an update each when they are the gap apart', () => {
    const batches: string[][] = [];
    const batcher = createBatcher<string>((items) => batches.push(items), 1000);
    batcher.push('a1', true);
    batcher.push('b1');
    batcher.push('a2', true); // too soon after a1: waits for the gap, not for the window
    expect(batches).toEqual([['a1']]);
    sleep(LEAD_GAP_MS + 30);
    expect(batches).toEqual([['a1'], ['b1', 'a2']]);
    sleep(LEAD_GAP_MS + 10);
    batcher.push('a3', true);
    expect(batches).toEqual([['a1'], ['b1', 'a2'], ['a3']]);
  });

  it('applies followers on their own when nothing leads', () => {
    const batches: string[][] = [];
    const batcher = createBatcher<string>((items) => batches.push(items), 60);
    batcher.push('b1');
    batcher.push('c1');
    sleep(30);
    batcher.push('b2');
    expect(batches).toEqual([['b1']]);
    sleep(70);
    expect(batches).toEqual([['b1'], ['c1', 'b2']]);
  });
});

describe('applyBatch', () => {
  it('applies each message to its own run, in arrival order, and leaves the others as they were', () => {
    const runs = [
      { id: 'a', log: '' },
      { id: 'b', log: '' },
      { id: 'c', log: '' },
    ];
    const batch = [
      ['b', '1'],
      ['a', '2'],
      ['b', '3'],
    ] as const;
    const next = applyBatch(
      runs,
      batch,
      (run) => run.id,
      (run, m) => ({ ...run, log: run.log + m }),
    );
    expect(next.map((r) => r.log)).toEqual(['2', '13', '']);
    expect(next[2]).toBe(runs[2]);
  });
});
