import { startTransition, useEffect, useMemo, useState } from 'react';
import type { Segment } from '../../lessons/parseLesson';
import { afterNextFrame } from './afterNextFrame';
import { isDisplayFormula, passageParts } from './proseParts';

/**
 * A lesson page adds its content a piece at a time, each batch rendered and committed on its own and
 * laid out in a frame of its own, instead of the whole lesson at once. Rendered in one go, lesson 1
 * was one main-thread task of 2.3 s with the CPU throttled 4× (parsing its Markdown, typesetting,
 * creating its DOM), then one of 0.7 s laying it all out (docs/PERFORMANCE-UI.md).
 *
 * A piece is a part of a passage (proseParts.ts) or a whole block: a passage dense with formulas
 * (lesson 1's "One layer", 3,800 characters, 1,650 elements, most of them KaTeX spans) took one
 * frame of 250–300 ms to lay out at 4×, so a long passage arrives a part at a time. A batch is
 * rendered only after the browser has begun a frame since the previous one was committed
 * (afterNextFrame.ts), so no frame lays out more than one batch. Each batch is a transition: React
 * renders it in slices and a click or a key goes first.
 */

/** What a batch may hold, in characters of Markdown; every other block counts as BLOCK_COST. */
export const BATCH_BUDGET = 1_200;
/** An experiment, widget, question or checkpoint: about as costly to show as this much prose. */
const BLOCK_COST = 1_000;
/** A displayed formula (a part of its own, proseParts.ts) comes in a batch of its own. */
const FORMULA_COST = BATCH_BUDGET;

/** What a segment's pieces are read from (a Segment is one). */
export interface Costed {
  readonly kind: Segment['kind'];
  /** A Markdown segment's text. */
  readonly text?: string;
}

/** One thing the page adds at once: a part of a passage, or a whole block. */
export interface Piece {
  /** The segment it belongs to. */
  readonly segment: number;
  /** A passage's part (0 for a block). */
  readonly part: number;
  readonly cost: number;
}

/** Every piece of `segments`, in page order. */
export function lessonPieces(segments: readonly Costed[]): Piece[] {
  return segments.flatMap((segment, index): Piece[] => {
    if (segment.kind === 'markdown') {
      return passageParts(segment.text ?? '').map((part, i) => ({
        segment: index,
        part: i,
        cost: isDisplayFormula(part) ? FORMULA_COST : part.length,
      }));
    }
    // A prediction is shown inside its experiment: nothing of its own.
    return [{ segment: index, part: 0, cost: segment.kind === 'prediction' ? 0 : BLOCK_COST }];
  });
}

/** The number of pieces shown once the batch that starts at `from` is added (at least one more). */
export function nextBatchEnd(pieces: readonly Pick<Piece, 'cost'>[], from: number): number {
  let end = from;
  let spent = 0;
  while (end < pieces.length) {
    const next = pieces[end]!.cost;
    if (end > from && spent + next > BATCH_BUDGET) break;
    spent += next;
    end++;
  }
  return end;
}

/** What the page shows: the first `segments` segments, the last of them perhaps only in part. */
export interface Revealed {
  readonly segments: number;
  /** How many parts of the last shown segment's passage are shown; undefined when all of it is. */
  readonly partsOfLast: number | undefined;
  /** Whether every piece is shown. */
  readonly done: boolean;
}

/** What showing the first `shown` of `pieces` shows. */
export function revealedBy(pieces: readonly Piece[], shown: number): Revealed {
  if (shown >= pieces.length) {
    return { segments: (pieces.at(-1)?.segment ?? -1) + 1, partsOfLast: undefined, done: true };
  }
  if (shown === 0) return { segments: 0, partsOfLast: undefined, done: false };
  const last = pieces[shown - 1]!;
  const complete = pieces[shown]!.segment !== last.segment;
  return {
    segments: last.segment + 1,
    partsOfLast: complete ? undefined : last.part + 1,
    done: false,
  };
}

/**
 * What of `segments` the page shows now: the first batch at once, then one more batch for each frame
 * after a commit, until all are shown. (Under test, setFramePacing(false) lets `act` run them all.)
 */
export function useRevealedSegments(segments: readonly Costed[]): Revealed {
  const pieces = useMemo(() => lessonPieces(segments), [segments]);
  const [shown, setShown] = useState(() => nextBatchEnd(pieces, 0));
  useEffect(() => {
    if (shown >= pieces.length) return;
    return afterNextFrame(() => startTransition(() => setShown(nextBatchEnd(pieces, shown))));
  }, [pieces, shown]);
  return revealedBy(pieces, shown);
}
