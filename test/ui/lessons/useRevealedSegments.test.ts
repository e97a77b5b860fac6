// @vitest-environment jsdom
import { act, renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { passageParts } from '../../../src/ui/lessons/proseParts';
import {
  BATCH_BUDGET,
  lessonPieces,
  nextBatchEnd,
  revealedBy,
  useRevealedSegments,
  type Costed,
  type Piece,
} from '../../../src/ui/lessons/useRevealedSegments';

const prose = (chars: number): Costed => ({ kind: 'markdown', text: 'x'.repeat(chars) });
const quiz = (): Costed => ({ kind: 'quiz' });
const cost = (c: number) => ({ cost: c });

/** `n` paragraphs of about `chars` characters each, separated by blank lines: a passage of n blocks. */
const passage = (n: number, chars: number): Costed => ({
  kind: 'markdown',
  text: Array.from({ length: n }, (_, i) => `Paragraph ${i} ${'w'.repeat(chars)}.`).join('\n\n'),
});

/** Every batch of `pieces`, as the [start, end) of what it adds. */
function batches(pieces: readonly { cost: number }[]): [number, number][] {
  const out: [number, number][] = [];
  for (let start = 0; start < pieces.length;) {
    const end = nextBatchEnd(pieces, start);
    out.push([start, end]);
    start = end;
  }
  return out;
}

describe('lessonPieces', () => {
  it('makes each part of a passage a piece, costed by its length, and every block one piece', () => {
    const long = passage(6, 600);
    const parts = passageParts(long.text!);
    expect(parts.length).toBeGreaterThan(2);
    const pieces = lessonPieces([prose(100), long, quiz(), { kind: 'prediction' }]);
    expect(pieces).toEqual([
      { segment: 0, part: 0, cost: 100 },
      ...parts.map((p, i) => ({ segment: 1, part: i, cost: p.length })),
      { segment: 2, part: 0, cost: 1000 },
      // A prediction is drawn inside its experiment: it costs nothing of its own.
      { segment: 3, part: 0, cost: 0 },
    ]);
  });

  it('costs a displayed formula a whole batch, so it is laid out in a frame of its own', () => {
    const text = `Before ${'w'.repeat(200)}.\n\n$$\nx = 1\n$$\n\nAfter ${'w'.repeat(200)}.`;
    const pieces = lessonPieces([{ kind: 'markdown', text }]);
    expect(pieces.map((p) => p.cost)).toEqual([
      passageParts(text)[0]!.length,
      BATCH_BUDGET,
      passageParts(text)[2]!.length,
    ]);
    expect(batches(pieces)).toEqual([
      [0, 1],
      [1, 2],
      [2, 3],
    ]);
  });
});

describe('nextBatchEnd', () => {
  it('adds pieces until the next would pass the budget', () => {
    const third = Math.floor(BATCH_BUDGET / 3);
    expect(batches(Array.from({ length: 7 }, () => cost(third)))).toEqual([
      [0, 3],
      [3, 6],
      [6, 7],
    ]);
  });

  it('adds at least one piece, however costly, so the page always moves on', () => {
    expect(batches([cost(BATCH_BUDGET * 3), cost(10), cost(BATCH_BUDGET * 2)])).toEqual([
      [0, 1],
      [1, 2],
      [2, 3],
    ]);
  });

  it('counts a block as a share of the budget, so a run of questions comes a few at a time', () => {
    const pieces = lessonPieces(Array.from({ length: 6 }, quiz));
    const sizes = batches(pieces).map(([start, end]) => end - start);
    expect(sizes.every((n) => n >= 1 && n < pieces.length)).toBe(true);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(pieces.length);
  });

  it('is done at the end', () => {
    expect(nextBatchEnd([cost(10)], 1)).toBe(1);
  });
});

describe('revealedBy', () => {
  // Segment 0 a passage of three parts, segment 1 a block, segment 2 a passage of two.
  const pieces: Piece[] = [
    { segment: 0, part: 0, cost: 1 },
    { segment: 0, part: 1, cost: 1 },
    { segment: 0, part: 2, cost: 1 },
    { segment: 1, part: 0, cost: 1 },
    { segment: 2, part: 0, cost: 1 },
    { segment: 2, part: 1, cost: 1 },
  ];

  it('shows the last segment in part while its passage is not all there', () => {
    expect(revealedBy(pieces, 0)).toEqual({ segments: 0, partsOfLast: undefined, done: false });
    expect(revealedBy(pieces, 2)).toEqual({ segments: 1, partsOfLast: 2, done: false });
    expect(revealedBy(pieces, 3)).toEqual({ segments: 1, partsOfLast: undefined, done: false });
    expect(revealedBy(pieces, 4)).toEqual({ segments: 2, partsOfLast: undefined, done: false });
    expect(revealedBy(pieces, 5)).toEqual({ segments: 3, partsOfLast: 1, done: false });
  });

  it('is done, every segment whole, once every piece is shown', () => {
    expect(revealedBy(pieces, 6)).toEqual({ segments: 3, partsOfLast: undefined, done: true });
    expect(revealedBy([], 0)).toEqual({ segments: 0, partsOfLast: undefined, done: true });
  });
});

describe('useRevealedSegments', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });

  it('adds one batch per frame, never two between frames, until the lesson is all there', async () => {
    const frames: FrameRequestCallback[] = [];
    vi.stubGlobal('requestAnimationFrame', (callback: FrameRequestCallback) =>
      frames.push(callback),
    );
    vi.stubGlobal('cancelAnimationFrame', () => undefined);
    // Five questions of 1,000 each against a budget of 1,200: a batch each.
    const segments = Array.from({ length: 5 }, quiz);
    const { result } = renderHook(() => useRevealedSegments(segments));
    expect(result.current.segments).toBe(1);
    for (let shown = 1; shown < 5; shown++) {
      // React has committed everything it was asked for: without a frame nothing more comes.
      await act(async () => new Promise((resolve) => setTimeout(resolve, 20)));
      expect(result.current.segments).toBe(shown);
      expect(frames).toHaveLength(1);
      await act(async () => frames.shift()!(performance.now()));
      expect(result.current.segments).toBe(shown + 1);
    }
    expect(result.current.done).toBe(true);
    expect(frames).toHaveLength(0);
  });

  it('goes on without a frame after a while, and at once in a hidden tab, which draws none', async () => {
    vi.stubGlobal('requestAnimationFrame', () => 1);
    vi.stubGlobal('cancelAnimationFrame', () => undefined);
    const segments = Array.from({ length: 3 }, quiz);
    const shown = renderHook(() => useRevealedSegments(segments));
    expect(shown.result.current.segments).toBe(1);
    await act(async () => new Promise((resolve) => setTimeout(resolve, 300)));
    expect(shown.result.current.segments).toBeGreaterThan(1);

    vi.spyOn(document, 'visibilityState', 'get').mockReturnValue('hidden');
    const hidden = renderHook(() => useRevealedSegments(segments));
    expect(hidden.result.current.done).toBe(true);
  });
});
