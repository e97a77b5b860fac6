import { cleanup, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, vi } from 'vitest';
import type { PlotContext } from '../../../src/ui/charts/plotScene';
import { setObservedWidth, stubResizeObserver } from '../fixedSizeResizeObserver';

/**
 * jsdom lays nothing out and has no 2-D canvas context: the charts render at a fixed width (see
 * ../fixedSizeResizeObserver.ts), and getContext returns null (as jsdom does, minus its console
 * noise). Animation frames run at once, so a canvas is drawn by the time render() returns.
 */
const originalGetContext = HTMLCanvasElement.prototype.getContext;

export { setObservedWidth };

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

/**
 * A stand-in for CanvasRenderingContext2D.createImageData: jsdom has no ImageData, so a plain object
 * with its fields (all pixels transparent black) stands in.
 */
export function blankImageData(w: number | ImageData, h?: number): ImageData {
  const width = typeof w === 'number' ? w : w.width;
  const height = typeof w === 'number' ? (h ?? 0) : w.height;
  return { width, height, colorSpace: 'srgb', data: new Uint8ClampedArray(width * height * 4) };
}

/** One path the chart stroked or filled, with the style it was drawn in. */
export interface DrawnPath {
  readonly op: 'stroke' | 'fill';
  readonly style: string;
  readonly dash: readonly number[];
  /** moveTo and lineTo points, in CSS pixels. */
  readonly points: readonly (readonly [number, number])[];
  readonly arcs: number;
}

export interface DrawnRect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  readonly style: string;
}

export interface Drawing {
  readonly paths: DrawnPath[];
  readonly rects: DrawnRect[];
  /** Forgets what was drawn so far (to see what one redraw draws). */
  clear(): void;
}

/** The drawing calls a chart makes, as a recording context implements them. */
export type RecordingContext = PlotContext & Pick<CanvasRenderingContext2D, 'setTransform'>;

/** A 2-D context that records every path and filled rectangle drawn with it. */
export function recordingContext(): { context: RecordingContext; drawing: Drawing } {
  let points: [number, number][] = [];
  let arcs = 0;
  let dash: readonly number[] = [];
  const drawing: Drawing = {
    paths: [],
    rects: [],
    clear() {
      drawing.paths.length = 0;
      drawing.rects.length = 0;
    },
  };
  const style = (value: unknown): string => (typeof value === 'string' ? value : '');
  const context: RecordingContext = {
    fillStyle: '#000000',
    strokeStyle: '#000000',
    lineWidth: 1,
    lineJoin: 'miter',
    imageSmoothingEnabled: true,
    setTransform: () => undefined,
    save: () => undefined,
    restore: () => undefined,
    clip: () => undefined,
    rect: () => undefined,
    drawImage: () => undefined,
    beginPath: () => {
      points = [];
      arcs = 0;
    },
    moveTo: (x: number, y: number) => void points.push([x, y]),
    lineTo: (x: number, y: number) => void points.push([x, y]),
    arc: () => void arcs++,
    closePath: () => undefined,
    setLineDash: (segments: number[]) => void (dash = [...segments]),
    stroke() {
      drawing.paths.push({ op: 'stroke', style: style(context.strokeStyle), dash, points, arcs });
    },
    fill() {
      drawing.paths.push({ op: 'fill', style: style(context.fillStyle), dash: [], points, arcs });
    },
    fillRect(x: number, y: number, width: number, height: number) {
      drawing.rects.push({ x, y, width, height, style: style(context.fillStyle) });
    },
  };
  return { context, drawing };
}

/** Makes every canvas draw into a recording context until the test ends. */
export function installRecordingContext(): Drawing {
  const { context, drawing } = recordingContext();
  // The very object, not a copy: its methods read the styles the chart assigns to it.
  Object.defineProperty(HTMLCanvasElement.prototype, 'getContext', {
    configurable: true,
    writable: true,
    value: () => context,
  });
  return drawing;
}

/** The stroked lines drawn in `color` (data series; grid and axes are grey). */
export function strokesIn(drawing: Drawing, color: string): DrawnPath[] {
  return drawing.paths.filter((p) => p.op === 'stroke' && p.style === color);
}

/** The text of each entry in the list (a chart's legend) with this accessible name, in order. */
export function listItemTexts(name: string): (string | null)[] {
  return within(screen.getByRole('list', { name }))
    .getAllByRole('listitem')
    .map((li) => li.textContent);
}

export function setupChartTests(): void {
  beforeEach(() => {
    stubResizeObserver(640);
    vi.stubGlobal('requestAnimationFrame', (callback: FrameRequestCallback) => {
      callback(performance.now());
      return 0;
    });
    vi.stubGlobal('cancelAnimationFrame', () => undefined);
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
