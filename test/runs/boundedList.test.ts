import { describe, expect, it } from 'vitest';
import { appendBounded, emptyBoundedList, type BoundedList } from '../../src/runs/boundedList';

function fill(count: number, max: number): BoundedList<number> {
  let list = emptyBoundedList<number>();
  for (let i = 0; i < count; i++) list = appendBounded(list, i * 10, max);
  return list;
}

describe('appendBounded', () => {
  it('keeps everything below the limit', () => {
    expect(fill(5, 8).items).toEqual([0, 10, 20, 30, 40]);
  });

  it('halves the resolution when full and keeps the newest item last', () => {
    const list = fill(9, 8);
    // 9 items > 8: keep arrivals 0, 2, 4, 6, 8
    expect(list.items).toEqual([0, 20, 40, 60, 80]);
    expect(list.stride).toBe(2);
    const next = appendBounded(list, 90, 8);
    expect(next.items).toEqual([0, 20, 40, 60, 80, 90]);
    expect(next.provisionalTail).toBe(true);
    const after = appendBounded(next, 100, 8);
    expect(after.items).toEqual([0, 20, 40, 60, 80, 100]);
  });

  it('stays within 200 entries over thousands of probe snapshots', () => {
    const list = fill(5000, 200);
    expect(list.items.length).toBeLessThanOrEqual(201);
    expect(list.items.length).toBeGreaterThan(100);
    expect(list.items.at(-1)).toBe(49_990);
    expect(list.items[0]).toBe(0);
    // evenly spaced in arrival order (apart from the provisional newest)
    expect(list.provisionalTail).toBe(true);
    const kept = list.ordinals.slice(0, -1);
    const gaps = new Set(kept.slice(1).map((o, i) => o - kept[i]!));
    expect([...gaps]).toEqual([list.stride]);
  });
});
