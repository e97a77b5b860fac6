// @vitest-environment jsdom
import { act, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SETTLE_MS, useReadingPosition } from '../../../src/ui/lessons/readingPosition';
import { SessionRecords } from '../../../src/ui/lessons/savedRuns/sessionRecords';

const LESSON = 'a-lesson';
/** Each block of the fake page is this tall, until a test grows one. */
const BLOCK_PX = 1000;

/** jsdom has no ResizeObserver and lays nothing out: the test says when the page has resized. */
const observers = new Set<ResizeObserverCallback>();
const pageResized = (): void => {
  for (const callback of observers) callback([], {} as ResizeObserver);
};

let scrollY = 0;
/** Extra height of the first block (a chart above the place, reaching its height late). */
let grownAbove = 0;

/** A lesson article with `blocks` blocks, each measured where the fake layout puts it. */
function page(blocks: number): HTMLElement {
  const article = document.createElement('article');
  document.body.append(article);
  addBlocks(article, blocks);
  return article;
}

function addBlocks(article: HTMLElement, count: number): void {
  for (let n = 0; n < count; n++) {
    const index = article.children.length;
    const block = document.createElement('section');
    block.getBoundingClientRect = () => {
      const top = index * BLOCK_PX + (index > 0 ? grownAbove : 0) - scrollY;
      return { top, bottom: top + BLOCK_PX + (index === 0 ? grownAbove : 0) } as DOMRect;
    };
    article.append(block);
  }
}

beforeEach(() => {
  vi.useFakeTimers();
  scrollY = 0;
  grownAbove = 0;
  vi.spyOn(window, 'scrollY', 'get').mockImplementation(() => scrollY);
  vi.spyOn(window, 'scrollTo').mockImplementation(((_x: number, y: number) => {
    scrollY = y;
  }) as typeof window.scrollTo);
  vi.stubGlobal(
    'ResizeObserver',
    class {
      constructor(private readonly callback: ResizeObserverCallback) {}
      observe(): void {
        observers.add(this.callback);
      }
      disconnect(): void {
        observers.delete(this.callback);
      }
    },
  );
  // The learner was reading 200 px into the page's fourth block.
  new SessionRecords('normlab.reading.', { totalChars: 20_000, recordChars: 200 }).write(
    LESSON,
    JSON.stringify({ index: 3, offset: 200 }),
  );
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  observers.clear();
  sessionStorage.clear();
  document.body.innerHTML = '';
});

describe('useReadingPosition', () => {
  it('holds the saved place however long the page takes to add its block, and SETTLE_MS after the last one', () => {
    const article = page(1);
    const { rerender } = renderHook(
      ({ complete }) => useReadingPosition(LESSON, { current: article }, undefined, complete),
      { initialProps: { complete: false } },
    );
    // A slow machine: the page is still adding blocks long after the settling time.
    act(() => vi.advanceTimersByTime(4 * SETTLE_MS));
    expect(scrollY).toBe(0);
    addBlocks(article, 3);
    act(pageResized);
    expect(scrollY).toBe(3 * BLOCK_PX + 200);

    // Every block is there; a chart above the place reaches its height within the settling time.
    rerender({ complete: true });
    act(() => vi.advanceTimersByTime(SETTLE_MS - 1));
    grownAbove = 300;
    act(pageResized);
    expect(scrollY).toBe(3 * BLOCK_PX + 500);

    // After it the place is no longer held: the page may move under the reader as it would anyway.
    act(() => vi.advanceTimersByTime(1));
    grownAbove = 600;
    act(pageResized);
    expect(scrollY).toBe(3 * BLOCK_PX + 500);
  });

  it('lets go at once when the learner scrolls, the page still adding blocks', () => {
    const article = page(4);
    renderHook(() => useReadingPosition(LESSON, { current: article }, undefined, false));
    act(() => vi.advanceTimersByTime(0));
    expect(scrollY).toBe(3 * BLOCK_PX + 200);
    act(() => {
      window.dispatchEvent(new Event('wheel'));
    });
    grownAbove = 300;
    act(pageResized);
    expect(scrollY).toBe(3 * BLOCK_PX + 200);
  });
});
