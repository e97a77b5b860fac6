import { context2d, rgbaToCanvas } from '../canvasSupport';
import { CHART_BACKGROUND } from '../palette';
import { drawScene } from '../plotScene';
import {
  markColumns,
  wideTable,
  type ChartData,
  type ChartTable,
  type TableColumn,
} from './chartTable';
import type { SceneRegistry } from './sceneRegistry';

/** Downloads are this many times the chart's size on screen. */
export const PNG_SCALE = 2;

/** What a download leaves out: the chart's buttons and options, hidden text, the hover readout. */
const LEFT_OUT =
  '.nl-chart__tools, .nl-chart__controls, .nl-chart__description, .nl-visually-hidden, .nl-plot__hover, .nl-plot__readout, .nl-plot__guide, button, select, input';
/** Blocks whose height the picture closes up (the chart's caption and options). */
const CLOSED_UP = '.nl-chart__controls, .nl-chart__description';

interface Box {
  readonly left: number;
  readonly top: number;
  readonly width: number;
  readonly height: number;
}

function boxIn(figure: DOMRect, rect: DOMRect): Box {
  return {
    left: rect.left - figure.left,
    top: rect.top - figure.top,
    width: rect.width,
    height: rect.height,
  };
}

/** The chart's name in a file name: 'Loss' → 'loss', 'Gradient norms: Plain' → 'gradient-norms-plain'. */
export function fileStem(title: string): string {
  const stem = title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60);
  return stem === '' ? 'chart' : stem;
}

/**
 * The SVG as a picture, without its text: the page's styles (a presenter's 20 px ticks) do not reach
 * a serialized SVG, so its text is drawn with the rest, where it stands and as it looks.
 */
async function svgImage(svg: SVGSVGElement): Promise<HTMLImageElement | null> {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  for (const text of copy.querySelectorAll('text')) text.remove();
  const { width, height } = svg.getBoundingClientRect();
  copy.setAttribute('width', String(width));
  copy.setAttribute('height', String(height));
  const text = new XMLSerializer().serializeToString(copy);
  const image = new Image();
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(text)}`;
  try {
    await image.decode();
    return image;
  } catch {
    return null;
  }
}

/**
 * The chart card as a PNG at PNG_SCALE times its size on screen, on white: its title, every plot
 * (redrawn from its scene), axis ticks and titles, legends and notes, without its buttons, options
 * and caption (whose room is closed up).
 */
export async function chartPng(
  figure: HTMLElement,
  scenes: SceneRegistry,
): Promise<{ blob: Blob; width: number; height: number }> {
  const frame = figure.getBoundingClientRect();
  const closed = [...figure.querySelectorAll<HTMLElement>(CLOSED_UP)]
    .map((el) => boxIn(frame, el.getBoundingClientRect()))
    .filter((b) => b.height > 0);
  const removed = closed.reduce((sum, b) => sum + b.height, 0);
  /** A y on screen to a y in the picture, with the closed blocks above it taken out. */
  const mapY = (y: number): number =>
    y - closed.filter((b) => b.top + b.height <= y + 0.5).reduce((sum, b) => sum + b.height, 0);
  const width = Math.round(frame.width);
  const height = Math.max(1, Math.round(frame.height - removed));
  const canvas = document.createElement('canvas');
  canvas.width = width * PNG_SCALE;
  canvas.height = height * PNG_SCALE;
  const ctx = context2d(canvas);
  if (!ctx) throw new Error('This browser cannot draw the picture (no 2-D canvas).');
  ctx.scale(PNG_SCALE, PNG_SCALE);
  ctx.fillStyle = CHART_BACKGROUND;
  ctx.fillRect(0, 0, width, height);
  const leftOut = (el: Element): boolean => el.closest(LEFT_OUT) !== null;

  for (const plot of figure.querySelectorAll('canvas')) {
    if (leftOut(plot)) continue;
    const box = boxIn(frame, plot.getBoundingClientRect());
    if (box.width === 0 || box.height === 0) continue;
    const drawn = scenes.get(plot);
    ctx.save();
    ctx.translate(box.left, mapY(box.top));
    if (drawn) {
      ctx.scale(box.width / drawn.width, box.height / drawn.height);
      drawScene(ctx, drawn.scene, drawn.width, drawn.height, rgbaToCanvas);
    } else {
      ctx.drawImage(plot, 0, 0, box.width, box.height);
    }
    ctx.restore();
  }

  for (const svg of figure.querySelectorAll('svg')) {
    if (leftOut(svg)) continue;
    const box = boxIn(frame, svg.getBoundingClientRect());
    if (box.width === 0 || box.height === 0) continue;
    const image = await svgImage(svg);
    if (image) ctx.drawImage(image, box.left, mapY(box.top), box.width, box.height);
  }

  const walker = document.createTreeWalker(figure, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.textContent?.replace(/\s+/g, ' ').trim() ?? '';
    const element = node.parentElement;
    if (text === '' || !element || leftOut(element)) continue;
    const range = document.createRange();
    range.selectNodeContents(node);
    const rect = range.getBoundingClientRect();
    if (rect.width === 0 || rect.height === 0) continue;
    const style = getComputedStyle(element);
    ctx.font = `${style.fontStyle} ${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
    // SVG text is painted with its fill; HTML text with its colour.
    const fill = element instanceof SVGElement ? style.fill : '';
    ctx.fillStyle = fill.startsWith('rgb') || fill.startsWith('#') ? fill : style.color;
    const box = boxIn(frame, rect);
    const rotated = element.closest('.nl-plot__title--y, text[transform*="rotate(-90"]') !== null;
    ctx.save();
    if (rotated) {
      ctx.translate(box.left + box.width / 2, mapY(box.top) + box.height / 2);
      ctx.rotate(-Math.PI / 2);
      ctx.textAlign = 'center';
      ctx.textBaseline = 'middle';
      ctx.fillText(text, 0, 0);
    } else {
      ctx.textBaseline = 'middle';
      ctx.fillText(text, box.left, mapY(box.top) + box.height / 2);
    }
    ctx.restore();
  }

  const blob = await new Promise<Blob | null>((done) => canvas.toBlob(done, 'image/png'));
  if (!blob) throw new Error('The browser could not encode the picture as PNG.');
  return { blob, width: canvas.width, height: canvas.height };
}

/**
 * The data the chart card's plots draw, as one table: x first, one column per series. Canvas plots
 * give theirs through their scenes; a chart drawn otherwise hands its card `data`.
 */
export function chartTable(
  figure: HTMLElement,
  scenes: SceneRegistry,
  title: string,
  data?: ChartData,
): ChartTable {
  const columns: TableColumn[] = [...(data?.columns ?? [])];
  let xHeader = data && data.columns.length > 0 ? data.xHeader : '';
  for (const plot of figure.querySelectorAll('canvas')) {
    const drawn = scenes.get(plot);
    if (!drawn) continue;
    const frame = plot.closest('.nl-plot');
    const xTitle = frame?.querySelector('.nl-plot__title--x')?.textContent ?? '';
    const yTitle = frame?.querySelector('.nl-plot__title--y')?.textContent ?? 'value';
    const plotName =
      plot.closest('.nl-multiple')?.querySelector('.nl-multiple__title')?.textContent ?? title;
    const found = markColumns(drawn.scene.marks, yTitle, plotName);
    if (found.length > 0 && xHeader === '') xHeader = xTitle || 'x';
    columns.push(...found);
  }
  return wideTable(xHeader || 'x', columns);
}
