import { cleanup } from '@testing-library/react';
import { afterEach, beforeEach, vi } from 'vitest';
import { resetLabStore } from '../../../src/store/labStore';
import { setRunWorkerFactory } from '../../../src/store/runWorkers';
import { fakeWorkerFactory, type FakeRunWorker } from '../../store/fakeRunWorker';

/** jsdom has no layout: report a fixed width to every ResizeObserver so charts render. */
class FixedSizeResizeObserver implements ResizeObserver {
  constructor(private readonly callback: ResizeObserverCallback) {}
  observe(target: Element): void {
    const contentRect = DOMRectReadOnly.fromRect({ width: 600, height: 0 });
    this.callback(
      [
        {
          target,
          contentRect,
          borderBoxSize: [],
          contentBoxSize: [],
          devicePixelContentBoxSize: [],
        },
      ],
      this,
    );
  }
  unobserve(): void {}
  disconnect(): void {}
}

/**
 * Every Lab UI test: fake workers (the test plays their part), a fresh store and address, and the
 * browser APIs jsdom lacks. `workers()` lists the fakes in creation order.
 */
export function setupLabTests(): { workers: () => FakeRunWorker[] } {
  let made: FakeRunWorker[] = [];
  beforeEach(() => {
    const factory = fakeWorkerFactory();
    made = factory.made;
    setRunWorkerFactory(factory.create);
    window.history.replaceState(null, '', '/#/lab');
    vi.stubGlobal('ResizeObserver', FixedSizeResizeObserver);
    vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(null);
  });
  afterEach(() => {
    cleanup();
    resetLabStore();
    setRunWorkerFactory(undefined);
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });
  return { workers: () => made };
}
