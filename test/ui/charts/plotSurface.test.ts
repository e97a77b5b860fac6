// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PlotScene } from '../../../src/ui/charts/plotScene';
import type { ToPlotWorker } from '../../../src/ui/charts/plotWorkerProtocol';
import { installRecordingContext, setupChartTests } from './chartTestEnvironment';

setupChartTests();

const SCENE: PlotScene = {
  x: { kind: 'linear', domain: [0, 4] },
  y: { kind: 'linear', domain: [0, 1] },
  xGrid: [],
  yGrid: [],
  margin: { left: 10, top: 10, right: 10, bottom: 10 },
  axes: true,
  marks: [{ kind: 'line', series: { name: 'a', color: '#0072B2', xs: [0, 4], ys: [0, 1] } }],
};

/** Everything the page posted to the chart worker, with what it transferred. */
let posted: { message: ToPlotWorker; transfer: Transferable[] }[] = [];

class FakeWorker {
  postMessage(message: ToPlotWorker, transfer: Transferable[] = []): void {
    posted.push({ message, transfer });
  }
  addEventListener(): void {}
}

/** A fresh plotSurface module: it keeps one chart worker per page. */
async function loadSurface() {
  vi.resetModules();
  return import('../../../src/ui/charts/plotSurface');
}

/** The canvas id an attach or detach message names. */
function idOf(message: ToPlotWorker | undefined): number | undefined {
  return message && message.type !== 'draw' ? message.id : undefined;
}

/** Lets queued microtasks run (the surface sends its scenes at the end of the task). */
const endOfTask = () => Promise.resolve();

describe('attachPlotSurface with OffscreenCanvas', () => {
  let transfers = 0;
  beforeEach(() => {
    posted = [];
    transfers = 0;
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    vi.stubGlobal('Worker', FakeWorker);
    vi.stubGlobal('OffscreenCanvas', class {});
    Object.defineProperty(HTMLCanvasElement.prototype, 'transferControlToOffscreen', {
      configurable: true,
      value: () => ({ transferred: ++transfers }),
    });
  });
  afterEach(() => {
    vi.useRealTimers();
    Reflect.deleteProperty(HTMLCanvasElement.prototype, 'transferControlToOffscreen');
  });

  it('hands the canvas to the chart worker once and sends it its scenes', async () => {
    const { attachPlotSurface } = await loadSurface();
    const surface = attachPlotSurface(document.createElement('canvas'));
    surface.draw(SCENE, { width: 300, height: 200 }, 2);
    await endOfTask();
    expect(posted.map((p) => p.message.type)).toEqual(['attach', 'draw']);
    const [attach, draw] = posted;
    expect(attach!.transfer).toEqual([{ transferred: 1 }]);
    expect(draw!.message).toEqual({
      type: 'draw',
      requests: [
        { id: idOf(attach!.message), scene: SCENE, width: 300, height: 200, pixelRatio: 2 },
      ],
    });
  });

  it('sends the scenes of one task together, only the latest of each canvas', async () => {
    const { attachPlotSurface } = await loadSurface();
    const a = attachPlotSurface(document.createElement('canvas'));
    const b = attachPlotSurface(document.createElement('canvas'));
    const wide = { width: 300, height: 200 };
    a.draw(SCENE, wide, 1);
    b.draw(SCENE, wide, 1);
    a.draw(SCENE, { width: 310, height: 200 }, 1);
    await endOfTask();
    const draws = posted.filter((p) => p.message.type === 'draw');
    expect(draws).toHaveLength(1);
    const message = draws[0]!.message;
    expect(message.type === 'draw' && message.requests.map((r) => [r.id, r.width])).toEqual([
      [idOf(posted[0]!.message), 310],
      [idOf(posted[1]!.message), 300],
    ]);
  });

  it('keeps the worker-side canvas when the same canvas is detached and attached again at once', async () => {
    // React's StrictMode runs effects, their cleanups, and the effects again, all in one task.
    const { attachPlotSurface } = await loadSurface();
    const canvas = document.createElement('canvas');
    attachPlotSurface(canvas).dispose();
    const again = attachPlotSurface(canvas);
    vi.runAllTimers();
    expect(transfers).toBe(1);
    again.draw(SCENE, { width: 300, height: 200 }, 1);
    await endOfTask();
    expect(posted.map((p) => p.message.type)).toEqual(['attach', 'draw']);
  });

  it('lets the worker forget a canvas whose chart has gone, and drops its unsent scene', async () => {
    const { attachPlotSurface } = await loadSurface();
    const surface = attachPlotSurface(document.createElement('canvas'));
    surface.draw(SCENE, { width: 300, height: 200 }, 1);
    surface.dispose();
    await endOfTask();
    expect(posted.map((p) => p.message.type)).toEqual(['attach']);
    vi.runAllTimers();
    expect(posted.map((p) => p.message)).toEqual([
      expect.objectContaining({ type: 'attach' }),
      { type: 'detach', id: idOf(posted[0]!.message) },
    ]);
  });
});

describe('attachPlotSurface without OffscreenCanvas', () => {
  it('draws the scene on the page, sized by the pixel ratio', async () => {
    const drawing = installRecordingContext();
    const { attachPlotSurface } = await loadSurface();
    const canvas = document.createElement('canvas');
    attachPlotSurface(canvas).draw(SCENE, { width: 300, height: 200 }, 2);
    expect(canvas.width).toBe(600);
    expect(canvas.height).toBe(400);
    // area x 10–290, y 10–190: (0, 0) → (10, 190), (4, 1) → (290, 10)
    expect(drawing.paths.find((p) => p.style === '#0072B2')?.points).toEqual([
      [10, 190],
      [290, 10],
    ]);
  });
});
