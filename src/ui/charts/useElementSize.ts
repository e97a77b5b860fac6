import { useLayoutEffect, useState } from 'react';

export interface ElementSize {
  readonly width: number;
  readonly height: number;
}

const ZERO: ElementSize = { width: 0, height: 0 };

/**
 * The content size of an element, kept current with a ResizeObserver. Returns a callback ref, so it
 * also follows an element that mounts later (a chart that appears after its empty state).
 */
export function useElementSize<T extends Element>(): readonly [
  (node: T | null) => void,
  ElementSize,
] {
  const [node, setNode] = useState<T | null>(null);
  const [size, setSize] = useState<ElementSize>(ZERO);

  useLayoutEffect(() => {
    if (!node) return undefined;
    const update = (width: number, height: number): void => {
      const w = Math.round(width);
      const h = Math.round(height);
      setSize((prev) => (prev.width === w && prev.height === h ? prev : { width: w, height: h }));
    };
    if (typeof ResizeObserver === 'undefined') {
      const rect = node.getBoundingClientRect();
      update(rect.width, rect.height);
      return undefined;
    }
    // No getBoundingClientRect here: in a layout effect it forces a layout of the whole page inside
    // React's commit (a lesson page's charts mounting as its runs start: 60 ms of a 175 ms task at 4×
    // CPU throttling). The observer's first callback, after the frame's own layout, gives the size.
    const observer = new ResizeObserver((entries) => {
      const entry = entries[0];
      if (entry) update(entry.contentRect.width, entry.contentRect.height);
    });
    observer.observe(node);
    return () => observer.disconnect();
  }, [node]);

  return [setNode, size];
}
