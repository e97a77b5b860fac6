/// <reference lib="webworker" />
import { drawScene, type ImageMaker } from './plotScene';
import type { DrawRequest, DrawTarget, ToPlotWorker } from './plotWorkerProtocol';

/**
 * Draws the charts' scenes on OffscreenCanvases, off the page's main thread: in a browser without a
 * GPU, rasterising thousands of anti-aliased line vertices is what made the page stall, and here it
 * competes only with the training workers. Scenes that arrive between two frames are drawn once, in
 * the next frame, each canvas with its latest scene.
 */
declare const self: DedicatedWorkerGlobalScope;

const canvases = new Map<number, DrawTarget>();
const waiting = new Map<number, DrawRequest>();
let frameRequested = false;

/**
 * Scratch canvases for image marks, by size, reused from draw to draw: a new OffscreenCanvas for each
 * heatmap and decision boundary on every snapshot made putImageData (which then sets up the canvas's
 * backing store) the chart worker's largest cost. An image is drawn as soon as it is made, so one
 * canvas per size serves every chart; sizes change as histories grow, so only the latest few stay.
 */
const scratch = new Map<string, OffscreenCanvasRenderingContext2D>();
const SCRATCH_SIZES = 8;

const makeImage: ImageMaker = (rgba, width, height) => {
  if (width <= 0 || height <= 0) return null;
  const key = `${width}x${height}`;
  let ctx = scratch.get(key);
  if (ctx)
    scratch.delete(key); // re-inserted below: the map's order is least recently used first
  else {
    ctx = new OffscreenCanvas(width, height).getContext('2d') ?? undefined;
    if (!ctx) return null;
    if (scratch.size >= SCRATCH_SIZES) scratch.delete(scratch.keys().next().value ?? '');
  }
  scratch.set(key, ctx);
  ctx.putImageData(new ImageData(new Uint8ClampedArray(rgba), width, height), 0, 0);
  return ctx.canvas;
};

/** drawScene paints every pixel, so the canvases need no alpha channel (see drawScene). */
const OPAQUE = { alpha: false } as const;

function draw(message: DrawRequest): void {
  const canvas = canvases.get(message.id);
  if (!canvas) return;
  const { width, height, pixelRatio } = message;
  const backingWidth = Math.round(width * pixelRatio);
  const backingHeight = Math.round(height * pixelRatio);
  if (canvas.width !== backingWidth) canvas.width = backingWidth;
  if (canvas.height !== backingHeight) canvas.height = backingHeight;
  const ctx = canvas.getContext('2d', OPAQUE);
  if (!ctx) throw new Error('normlab chart worker: this browser gave no 2-D context for a chart');
  ctx.setTransform(pixelRatio, 0, 0, pixelRatio, 0, 0);
  drawScene(ctx, message.scene, width, height, makeImage);
}

function drawWaiting(): void {
  frameRequested = false;
  const messages = [...waiting.values()];
  waiting.clear();
  for (const message of messages) draw(message);
}

function requestFrame(): void {
  if (frameRequested) return;
  frameRequested = true;
  // Workers that draw on OffscreenCanvas have animation frames in Chromium and Firefox.
  if (typeof self.requestAnimationFrame === 'function') self.requestAnimationFrame(drawWaiting);
  else setTimeout(drawWaiting, 16);
}

self.onmessage = (event: MessageEvent<ToPlotWorker>) => {
  const message = event.data;
  switch (message.type) {
    case 'attach':
      canvases.set(message.id, message.canvas);
      return;
    case 'draw':
      for (const request of message.requests) waiting.set(request.id, request);
      requestFrame();
      return;
    case 'detach':
      canvases.delete(message.id);
      waiting.delete(message.id);
      return;
  }
};
