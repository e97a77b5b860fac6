import { vi } from 'vitest';

/**
 * jsdom lays nothing out: every element is 0 × 0 and there is no ResizeObserver. This stub reports a
 * fixed content width to every observed element, so charts and panels render at that width.
 */
let observedWidth = 640;

/** The width every element observed from now on reports (a test that needs a narrow screen). */
export function setObservedWidth(width: number): void {
  observedWidth = width;
}

function rect(width: number, height: number): DOMRectReadOnly {
  return {
    x: 0,
    y: 0,
    width,
    height,
    top: 0,
    left: 0,
    right: width,
    bottom: height,
    toJSON: () => ({ width, height }),
  };
}

class FixedSizeResizeObserver implements ResizeObserver {
  constructor(private readonly callback: ResizeObserverCallback) {}

  observe(target: Element): void {
    const entry: ResizeObserverEntry = {
      target,
      contentRect: rect(observedWidth, 0),
      borderBoxSize: [],
      contentBoxSize: [],
      devicePixelContentBoxSize: [],
    };
    this.callback([entry], this);
  }

  unobserve(): void {}

  disconnect(): void {}
}

/** Stubs the global ResizeObserver (until vi.unstubAllGlobals) with one that reports `width`. */
export function stubResizeObserver(width: number): void {
  observedWidth = width;
  vi.stubGlobal('ResizeObserver', FixedSizeResizeObserver);
}
