import { describe, expect, it } from 'vitest';
import { SessionRecords } from '../../../../src/ui/lessons/savedRuns/sessionRecords';

/** A Storage in memory that refuses to hold more than `quota` characters in all. */
class MemoryStorage implements Storage {
  private readonly items = new Map<string, string>();
  constructor(private readonly quota = Infinity) {}
  get length(): number {
    return this.items.size;
  }
  key(index: number): string | null {
    return [...this.items.keys()][index] ?? null;
  }
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    let used = value.length;
    for (const [k, v] of this.items) if (k !== key) used += v.length;
    if (used > this.quota) throw new DOMException('full', 'QuotaExceededError');
    this.items.set(key, value);
  }
  removeItem(key: string): void {
    this.items.delete(key);
  }
  clear(): void {
    this.items.clear();
  }
}

const text = (n: number) => 'x'.repeat(n);

describe('SessionRecords', () => {
  it('reads back what it wrote, and forgets what it removed', () => {
    const store = new MemoryStorage();
    const records = new SessionRecords('p.', { totalChars: 1000, recordChars: 500 }, () => store);
    expect(records.read('a')).toBeUndefined();
    expect(records.write('a', 'hello:world', 1)).toBe(true);
    expect(records.read('a')).toBe('hello:world');
    records.remove('a');
    expect(records.read('a')).toBeUndefined();
  });

  it('evicts its oldest records to stay within its total, leaving other keys alone', () => {
    const store = new MemoryStorage();
    store.setItem('normlab.progress', text(900));
    const records = new SessionRecords('p.', { totalChars: 250, recordChars: 200 }, () => store);
    records.write('old', text(98), 1);
    records.write('mid', text(98), 2);
    records.write('new', text(98), 3);
    expect(records.read('old')).toBeUndefined();
    expect(records.read('mid')).toBe(text(98));
    expect(records.read('new')).toBe(text(98));
    expect(store.getItem('normlab.progress')).toBe(text(900));
  });

  it('does not keep a record over its size limit, and drops the old one of that name', () => {
    const store = new MemoryStorage();
    const records = new SessionRecords('p.', { totalChars: 1000, recordChars: 100 }, () => store);
    records.write('a', 'small', 1);
    expect(records.write('a', text(200), 2)).toBe(false);
    expect(records.read('a')).toBeUndefined();
  });

  it('makes room when the browser says storage is full', () => {
    const store = new MemoryStorage(300);
    const records = new SessionRecords(
      'p.',
      { totalChars: 10_000, recordChars: 5_000 },
      () => store,
    );
    records.write('a', text(140), 1);
    records.write('b', text(140), 2);
    expect(records.write('c', text(140), 3)).toBe(true);
    expect(records.read('a')).toBeUndefined();
    expect(records.read('c')).toBe(text(140));
  });

  it('keeps nothing, and throws nothing, without storage', () => {
    const records = new SessionRecords(
      'p.',
      { totalChars: 100, recordChars: 100 },
      () => undefined,
    );
    expect(records.write('a', 'x', 1)).toBe(false);
    expect(records.read('a')).toBeUndefined();
    const blocked = new SessionRecords('p.', { totalChars: 100, recordChars: 100 }, () => {
      throw new DOMException('blocked', 'SecurityError');
    });
    expect(blocked.read('a')).toBeUndefined();
  });
});
