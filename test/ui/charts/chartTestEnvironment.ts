import { cleanup } from '@testing-library/react';
import { afterEach, beforeEach, vi } from 'vitest';

/**
 * jsdom lays nothing out: every element is 0 × 0 and there is no ResizeObserver or 2-D canvas
 * context. This stub reports a fixed content width to every observed element, so the charts render
 * their SVG at that width, and makes getContext return null (as jsdom does, minus its console noise).
 */
let observedWidth = 640;

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

export function setupChartTests(): void {
  beforeEach(() => {
    observedWidth = 640;
    vi.stubGlobal('ResizeObserver', FixedSizeResizeObserver);
    vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(null);
  });
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });
}
