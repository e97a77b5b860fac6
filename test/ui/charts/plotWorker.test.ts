// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CHART_BACKGROUND } from '../../../src/ui/charts/palette';
import type { PlotScene } from '../../../src/ui/charts/plotScene';
import type {
  DrawRequest,
  DrawTarget,
  ToPlotWorker,
} from '../../../src/ui/charts/plotWorkerProtocol';
import { recordingContext, type Drawing } from './chartTestEnvironment';

/** The worker's global scope, as far as plotWorker.ts uses it. */
interface FakeScope {
  onmessage: ((event: MessageEvent<ToPlotWorker>) => void) | null;
  requestAnimationFrame: (callback: FrameRequestCallback) => number;
}

let scope: FakeScope;
let frames: FrameRequestCallback[];

/** A stand-in OffscreenCanvas whose 2-D context records what is drawn. */
function fakeCanvas(): {
  canvas: DrawTarget;
  drawing: Drawing;
  sizes: string[];
  contextOptions: unknown[];
} {
  const { context, drawing } = recordingContext();
  const sizes: string[] = [];
  const contextOptions: unknown[] = [];
  let width = 0;
  let height = 0;
  const canvas: DrawTarget = {
    get width() {
      return width;
    },
    set width(w: number) {
      width = w;
      sizes.push(`width ${w}`);
    },
    get height() {
      return height;
    },
    set height(h: number) {
      height = h;
      sizes.push(`height ${h}`);
    },
    getContext: (_id, options) => {
      contextOptions.push(options);
      return context;
    },
  };
  return { canvas, drawing, sizes, contextOptions };
}

function scene(color: string): PlotScene {
  return {
    x: { kind: 'linear', domain: [0, 1] },
    y: { kind: 'linear', domain: [0, 1] },
    xGrid: [],
    yGrid: [],
    margin: { left: 0, top: 0, right: 0, bottom: 0 },
    axes: false,
    marks: [{ kind: 'line', series: { name: color, color, xs: [0, 1], ys: [0, 1] } }],
  };
}

const request = (id: number, color: string): DrawRequest => ({
  id,
  scene: scene(color),
  width: 100,
  height: 50,
  pixelRatio: 2,
});

function send(message: ToPlotWorker): void {
  scope.onmessage?.(new MessageEvent('message', { data: message }));
}

const runFrame = () => frames.splice(0).forEach((frame) => frame(0));

beforeEach(async () => {
  frames = [];
  scope = { onmessage: null, requestAnimationFrame: (cb) => frames.push(cb) };
  vi.stubGlobal('self', scope);
  vi.resetModules();
  await import('../../../src/ui/charts/plotWorker');
});

afterEach(() => vi.unstubAllGlobals());

describe('plotWorker', () => {
  it('draws a canvas in the next frame, sized by the pixel ratio', () => {
    const { canvas, drawing, sizes } = fakeCanvas();
    send({ type: 'attach', id: 7, canvas });
    send({ type: 'draw', requests: [request(7, '#000001')] });
    expect(drawing.paths).toEqual([]);
    runFrame();
    expect(sizes).toEqual(['width 200', 'height 100']);
    expect(drawing.paths.find((p) => p.style === '#000001')?.points).toEqual([
      [0, 50],
      [100, 0],
    ]);
  });

  it('draws on an opaque context, every pixel filled with the chart background first', () => {
    const { canvas, drawing, contextOptions } = fakeCanvas();
    send({ type: 'attach', id: 8, canvas });
    send({ type: 'draw', requests: [request(8, '#000001')] });
    runFrame();
    expect(contextOptions).toEqual([{ alpha: false }]);
    expect(drawing.rects[0]).toEqual({
      x: 0,
      y: 0,
      width: 100,
      height: 50,
      style: CHART_BACKGROUND,
    });
  });

  it('draws only the latest scene of each canvas when several arrive between frames', () => {
    const a = fakeCanvas();
    const b = fakeCanvas();
    send({ type: 'attach', id: 1, canvas: a.canvas });
    send({ type: 'attach', id: 2, canvas: b.canvas });
    send({ type: 'draw', requests: [request(1, '#000001'), request(2, '#000002')] });
    send({ type: 'draw', requests: [request(1, '#000003')] });
    expect(frames).toHaveLength(1);
    runFrame();
    expect(a.drawing.paths.map((p) => p.style)).toEqual(['#000003']);
    expect(b.drawing.paths.map((p) => p.style)).toEqual(['#000002']);
    // and does not resize a canvas whose size did not change
    send({ type: 'draw', requests: [request(1, '#000004')] });
    runFrame();
    expect(a.sizes).toEqual(['width 200', 'height 100']);
  });

  it('forgets a detached canvas and a scene still waiting for it', () => {
    const { canvas, drawing } = fakeCanvas();
    send({ type: 'attach', id: 3, canvas });
    send({ type: 'draw', requests: [request(3, '#000001')] });
    send({ type: 'detach', id: 3 });
    runFrame();
    send({ type: 'draw', requests: [request(3, '#000002')] });
    runFrame();
    expect(drawing.paths).toEqual([]);
  });
});
