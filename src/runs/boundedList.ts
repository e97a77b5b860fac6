/**
 * A list that keeps at most `max` items by halving its resolution when full: items are numbered as
 * they arrive, and only numbers that are multiples of the stride stay. The newest item is always
 * present as a provisional last entry, so "the latest" is never lost to decimation.
 */
export interface BoundedList<T> {
  readonly items: readonly T[];
  /** Arrival number of each item. */
  readonly ordinals: readonly number[];
  readonly stride: number;
  /** Items appended so far. */
  readonly received: number;
  readonly provisionalTail: boolean;
}

export function emptyBoundedList<T>(): BoundedList<T> {
  return { items: [], ordinals: [], stride: 1, received: 0, provisionalTail: false };
}

export function appendBounded<T>(list: BoundedList<T>, item: T, max: number): BoundedList<T> {
  let items = list.items.slice();
  let ordinals = list.ordinals.slice();
  if (list.provisionalTail) {
    items.pop();
    ordinals.pop();
  }
  const ordinal = list.received;
  let stride = list.stride;
  const keep = ordinal % stride === 0;
  if (keep) {
    items.push(item);
    ordinals.push(ordinal);
    if (items.length > max) {
      stride *= 2;
      const stays = ordinals.map((o) => o % stride === 0);
      items = items.filter((_, k) => stays[k]);
      ordinals = ordinals.filter((_, k) => stays[k]);
    }
  }
  const provisionalTail = ordinal % stride !== 0;
  if (provisionalTail) {
    items.push(item);
    ordinals.push(ordinal);
  }
  return { items, ordinals, stride, received: ordinal + 1, provisionalTail };
}

/** A list holding exactly `items`, as if each had been appended below the bound (stride 1). */
export function boundedListOf<T>(items: readonly T[]): BoundedList<T> {
  return {
    items: [...items],
    ordinals: items.map((_, i) => i),
    stride: 1,
    received: items.length,
    provisionalTail: false,
  };
}
