import { drawScene, type PlotScene } from './plotScene';
import type { DrawRequest, ToPlotWorker } from './plotWorkerProtocol';
import { context2d, inNextFrame, rgbaToCanvas, type CanvasSize } from './canvasSupport';

/**
 * Where a chart's scene gets drawn: its canvas, from the chart worker or from the page. Either way
 * the drawing happens in the next animation frame, once however many scenes came before it.
 */
export interface PlotSurface {
  draw(scene: PlotScene, size: CanvasSize, pixelRatio: number): void;
  dispose(): void;
}

let worker: Worker | null | undefined;
let nextId = 1;

function canDrawOffscreen(): boolean {
  return (
    typeof Worker !== 'undefined' &&
    typeof OffscreenCanvas !== 'undefined' &&
    typeof HTMLCanvasElement !== 'undefined' &&
    'transferControlToOffscreen' in HTMLCanvasElement.prototype
  );
}

/** The one chart worker every chart shares, started on first use; null where there can be none. */
function chartWorker(): Worker | null {
  if (worker !== undefined) return worker;
  if (!canDrawOffscreen()) return (worker = null);
  try {
    // This exact `new Worker(new URL(…), …)` form lets Vite bundle the worker as its own chunk.
    worker = new Worker(new URL('./plotWorker.ts', import.meta.url), { type: 'module' });
    worker.addEventListener('error', (event) => {
      console.error('normlab: the chart drawing worker failed', event.message);
    });
  } catch (error) {
    console.error(
      'normlab: the chart drawing worker could not start; charts draw on the page',
      error,
    );
    worker = null;
  }
  return worker;
}

const post = (target: Worker, message: ToPlotWorker, transfer: Transferable[] = []): void =>
  target.postMessage(message, transfer);

/**
 * Scenes wait until the end of the task that made them and go to the worker in one message: every
 * chart of a store update redraws in the same task, and each message has a fixed cost.
 */
const outgoing = new Map<number, DrawRequest>();
let sendQueued = false;

function sendLater(target: Worker, request: DrawRequest): void {
  outgoing.set(request.id, request);
  if (sendQueued) return;
  sendQueued = true;
  queueMicrotask(() => {
    sendQueued = false;
    const requests = [...outgoing.values()];
    outgoing.clear();
    if (requests.length > 0) post(target, { type: 'draw', requests });
  });
}

/**
 * A canvas hands its drawing to the chart worker once, for good (transferControlToOffscreen cannot be
 * undone), so a canvas that is detached and attached again in the same task (React's StrictMode
 * re-runs effects that way) keeps its worker-side twin: the detach waits for the next task.
 */
const offscreen = new WeakMap<
  HTMLCanvasElement,
  { id: number; detach?: ReturnType<typeof setTimeout> }
>();

function workerSurface(target: Worker, canvas: HTMLCanvasElement): PlotSurface {
  let entry = offscreen.get(canvas);
  if (entry) {
    clearTimeout(entry.detach);
    delete entry.detach;
  } else {
    const transferred = canvas.transferControlToOffscreen();
    entry = { id: nextId++ };
    offscreen.set(canvas, entry);
    post(target, { type: 'attach', id: entry.id, canvas: transferred }, [transferred]);
  }
  const { id } = entry;
  const current = entry;
  return {
    draw(scene, { width, height }, pixelRatio) {
      sendLater(target, { id, scene, width, height, pixelRatio });
    },
    dispose() {
      outgoing.delete(id);
      current.detach = setTimeout(() => {
        offscreen.delete(canvas);
        post(target, { type: 'detach', id });
      }, 0);
    },
  };
}

function pageSurface(canvas: HTMLCanvasElement): PlotSurface {
  let cancel: (() => void) | undefined;
  const paint = (scene: PlotScene, { width, height }: CanvasSize, pixelRatio: number): void => {
    const backingWidth = Math.round(width * pixelRatio);
    const backingHeight = Math.round(height * pixelRatio);
    if (canvas.width !== backingWidth) canvas.width = backingWidth;
    if (canvas.height !== backingHeight) canvas.height = backingHeight;
    const ctx = context2d(canvas, { alpha: false });
    if (!ctx) return;
    ctx.setTransform(pixelRatio, 0, 0, pixelRatio, 0, 0);
    drawScene(ctx, scene, width, height, rgbaToCanvas);
  };
  return {
    draw(scene, size, pixelRatio) {
      cancel?.();
      cancel = inNextFrame(() => {
        cancel = undefined;
        paint(scene, size, pixelRatio);
      });
    },
    dispose() {
      cancel?.();
    },
  };
}

/** Draws on `canvas` from the chart worker where the browser allows it, else on the page. */
export function attachPlotSurface(canvas: HTMLCanvasElement): PlotSurface {
  const target = chartWorker();
  return target ? workerSurface(target, canvas) : pageSurface(canvas);
}
