import { toPixel, type PixelMap } from './plotScale';

/** Where a thinned line goes: a CanvasRenderingContext2D is one. */
export interface PathSink {
  moveTo(x: number, y: number): void;
  lineTo(x: number, y: number): void;
}

export interface ThinOptions {
  /** Width in pixels of the columns that share one lowest and one highest point (at least 1). */
  readonly columnPx?: number | undefined;
  /** Draw across points the axis cannot show (true), or break the line there (false). */
  readonly connectGaps?: boolean | undefined;
}

/**
 * Traces the series (xs ascending) into `sink`, keeping per pixel column only its lowest and highest
 * point, in the order they came, so a 20,000-step curve costs about two vertices per pixel and a
 * one-step spike still shows at full height. Each unbroken stretch also keeps its exact first and
 * last point, so the line ends on the latest value. Returns the number of vertices traced.
 */
export function traceThinned(
  xs: ArrayLike<number>,
  ys: ArrayLike<number>,
  xMap: PixelMap,
  yMap: PixelMap,
  sink: PathSink,
  options: ThinOptions = {},
): number {
  const columnPx = Math.max(1, options.columnPx ?? 1);
  const connectGaps = options.connectGaps ?? false;
  const n = Math.min(xs.length, ys.length);
  let vertices = 0;
  let penDown = false;
  let emitted = -1;
  let column = Number.NaN;
  // The open column's extremes (pixel coordinates and the index each came from) and its last point.
  let loX = 0;
  let loY = 0;
  let loI = -1;
  let hiX = 0;
  let hiY = 0;
  let hiI = -1;
  let lastX = 0;
  let lastY = 0;
  let lastI = -1;

  const emit = (i: number, x: number, y: number): void => {
    if (i === emitted) return;
    if (penDown) sink.lineTo(x, y);
    else sink.moveTo(x, y);
    penDown = true;
    emitted = i;
    vertices++;
  };
  /** Closes the open column; at the end of a stretch it also keeps the stretch's last point. */
  const flush = (endOfStretch: boolean): void => {
    if (loI < 0) return;
    if (loI <= hiI) {
      emit(loI, loX, loY);
      emit(hiI, hiX, hiY);
    } else {
      emit(hiI, hiX, hiY);
      emit(loI, loX, loY);
    }
    if (endOfStretch) emit(lastI, lastX, lastY);
    loI = -1;
    hiI = -1;
  };

  for (let i = 0; i < n; i++) {
    const px = toPixel(xMap, xs[i]!);
    const py = toPixel(yMap, ys[i]!);
    if (Number.isNaN(px) || Number.isNaN(py)) {
      if (connectGaps) continue;
      flush(true);
      penDown = false;
      column = Number.NaN;
      continue;
    }
    const c = Math.floor(px / columnPx);
    if (c !== column) {
      flush(false);
      if (!penDown) emit(i, px, py); // a stretch starts on its exact first point
      column = c;
      loX = hiX = px;
      loY = hiY = py;
      loI = hiI = i;
    } else if (py < loY) {
      // Canvas y grows downward; only the two extremes matter, not which one is "high".
      loX = px;
      loY = py;
      loI = i;
    } else if (py > hiY) {
      hiX = px;
      hiY = py;
      hiI = i;
    }
    lastX = px;
    lastY = py;
    lastI = i;
  }
  flush(true);
  return vertices;
}
