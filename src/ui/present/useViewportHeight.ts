import { useSyncExternalStore } from 'react';

function subscribe(listener: () => void): () => void {
  window.addEventListener('resize', listener);
  return () => window.removeEventListener('resize', listener);
}

const height = (): number => window.innerHeight;

/** The window's height in CSS pixels, re-rendering when it changes (a chart filling the screen). */
export function useViewportHeight(): number {
  return useSyncExternalStore(subscribe, height, () => 720);
}
