import { cleanup } from '@testing-library/react';
import { afterEach, beforeEach, vi } from 'vitest';

/**
 * jsdom lays nothing out: every element is 0 × 0 and there is no ResizeObserver or 2-D canvas
 * context. This stub reports a fixed content width to every observed element, so the charts render
 * their SVG at that width, and makes getContext return null (as jsdom does, minus its console noise).
 */
let observedWidth = 640;
const originalGetContext = HTMLCanvasElement.prototype.getContext;

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

/**
 * Makes every canvas return `partial` as its 2-D context until the test ends, to check what gets
 * drawn. Only the methods a chart calls need to exist; typing them as Partial keeps their signatures
 * honest, and Object.create (untyped by design) lets the partial stand in for the full interface.
 */
export function installFakeContext(
  partial: Partial<CanvasRenderingContext2D>,
): CanvasRenderingContext2D {
  const context: CanvasRenderingContext2D = Object.assign(Object.create(null), partial);
  Object.defineProperty(HTMLCanvasElement.prototype, 'getContext', {
    configurable: true,
    writable: true,
    value: () => context,
  });
  return context;
}

export function setupChartTests(): void {
  beforeEach(() => {
    observedWidth = 640;
    vi.stubGlobal('ResizeObserver', FixedSizeResizeObserver);
    vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(null);
  });
  afterEach(() => {
    cleanup();
    Object.defineProperty(HTMLCanvasElement.prototype, 'getContext', {
      configurable: true,
      writable: true,
      value: originalGetContext,
    });
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });
}
