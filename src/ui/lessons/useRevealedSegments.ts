import { startTransition, useEffect, useState } from 'react';
import type { Segment } from '../../lessons/parseLesson';

/**
 * A lesson page adds its segments a few at a time, each batch rendered and committed on its own,
 * instead of the whole lesson at once. Rendered in one go, lesson 1 was one main-thread task of
 * 2.3 s with the CPU throttled 4× (parsing its Markdown, typesetting, creating its DOM), then one of
 * 0.7 s laying it all out (docs/PERFORMANCE-UI.md); a batch is small enough for both to stay short.
 * Each batch is a transition, so React renders it in slices and a click or a key goes first.
 */

/** What a batch may hold, in characters of Markdown; every other block counts as BLOCK_COST. */
export const BATCH_BUDGET = 2_000;
/** An experiment, widget, question or checkpoint: about as costly to show as this much prose. */
const BLOCK_COST = 1_000;

/** What a segment's cost is read from (a Segment is one). */
export interface Costed {
  readonly kind: Segment['kind'];
  /** A Markdown segment's text. */
  readonly text?: string;
}

const cost = (segment: Costed): number =>
  segment.kind === 'markdown'
    ? (segment.text ?? '').length
    : // A prediction is shown inside its experiment: nothing of its own.
      segment.kind === 'prediction'
      ? 0
      : BLOCK_COST;

/** The number of segments shown once the batch that starts at `from` is added (at least one more). */
export function nextBatchEnd(segments: readonly Costed[], from: number): number {
  let end = from;
  let spent = 0;
  while (end < segments.length) {
    const next = cost(segments[end]!);
    if (end > from && spent + next > BATCH_BUDGET) break;
    spent += next;
    end++;
  }
  return end;
}

/**
 * How many of `segments` the page shows now: the first batch at once, then one more batch after each
 * commit, until all are shown. (Under test, `act` runs the batches before it returns.)
 */
export function useRevealedSegments(segments: readonly Segment[]): number {
  const [shown, setShown] = useState(() => nextBatchEnd(segments, 0));
  useEffect(() => {
    if (shown >= segments.length) return;
    startTransition(() => setShown(nextBatchEnd(segments, shown)));
  }, [segments, shown]);
  return Math.min(shown, segments.length);
}
