/// <reference lib="webworker" />
import { drawScene } from './plotScene';
import type { ToPlotWorker } from './plotWorkerProtocol';

/**
 * Draws the line, bar and scatter charts on OffscreenCanvases, off the page's main thread: in a
 * browser without a GPU, rasterising thousands of anti-aliased line vertices is what made the page
 * stall, and here it competes only with the training workers.
 */
declare const self: DedicatedWorkerGlobalScope;

const canvases = new Map<number, OffscreenCanvas>();

function draw(message: Extract<ToPlotWorker, { type: 'draw' }>): void {
  const canvas = canvases.get(message.id);
  if (!canvas) return;
  const { width, height, pixelRatio } = message;
  const backingWidth = Math.round(width * pixelRatio);
  const backingHeight = Math.round(height * pixelRatio);
  if (canvas.width !== backingWidth) canvas.width = backingWidth;
  if (canvas.height !== backingHeight) canvas.height = backingHeight;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('normlab chart worker: this browser gave no 2-D context for a chart');
  ctx.setTransform(pixelRatio, 0, 0, pixelRatio, 0, 0);
  ctx.clearRect(0, 0, width, height);
  drawScene(ctx, message.scene, width, height);
}

self.onmessage = (event: MessageEvent<ToPlotWorker>) => {
  const message = event.data;
  switch (message.type) {
    case 'attach':
      canvases.set(message.id, message.canvas);
      return;
    case 'draw':
      return draw(message);
    case 'detach':
      canvases.delete(message.id);
      return;
  }
};
