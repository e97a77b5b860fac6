// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { AXIS_COLOR, CHART_BACKGROUND, GRID_COLOR } from '../../../src/ui/charts/palette';
import { drawScene, type PlotScene } from '../../../src/ui/charts/plotScene';
import { recordingContext } from './chartTestEnvironment';

/** A 200 × 140 plot with margins 20 / 10 / 10 / 30: the area is x 20–190, y 10–110. */
function scene(overrides: Partial<PlotScene> = {}): PlotScene {
  return {
    x: { kind: 'linear', domain: [0, 10] },
    y: { kind: 'linear', domain: [0, 1] },
    xGrid: [0, 5, 10],
    yGrid: [0, 0.5, 1],
    margin: { left: 20, top: 10, right: 10, bottom: 30 },
    axes: true,
    marks: [],
    ...overrides,
  };
}

function draw(s: PlotScene) {
  const { context, drawing } = recordingContext();
  drawScene(context, s, 200, 140);
  return drawing;
}

describe('drawScene', () => {
  it('draws grid lines on pixel centres at the grid values, then the two axes', () => {
    const drawing = draw(scene());
    const [grid, axes] = drawing.paths;
    expect(grid!.style).toBe(GRID_COLOR);
    // x = 0, 5, 10 → 20, 105, 190 px; y = 0, 0.5, 1 → 110, 60, 10 px;
    // each onto the centre of the pixel it starts: round(px − 0.5) + 0.5
    expect(grid!.points.filter((_, i) => i % 2 === 0)).toEqual([
      [20.5, 10],
      [105.5, 10],
      [190.5, 10],
      [20, 110.5],
      [20, 60.5],
      [20, 10.5],
    ]);
    expect(axes!.style).toBe(AXIS_COLOR);
  });

  it('strokes a line through its points and marks a lone point with a dot', () => {
    const drawing = draw(
      scene({
        marks: [
          { kind: 'line', series: { name: 'a', color: '#111111', xs: [0, 10], ys: [0, 1] } },
          { kind: 'line', series: { name: 'b', color: '#222222', xs: [5], ys: [0.5] } },
        ],
      }),
    );
    const a = drawing.paths.find((p) => p.style === '#111111')!;
    expect(a.points).toEqual([
      [20, 110],
      [190, 10],
    ]);
    const dot = drawing.paths.find((p) => p.op === 'fill' && p.style === '#222222')!;
    expect(dot.arcs).toBe(1);
  });

  it('draws whole dots on the edge of the plot and none outside it', () => {
    const drawing = draw(
      scene({
        marks: [{ kind: 'dots', xs: [0, 10, 12], ys: [0, 1, 0.5], color: '#333333', radius: 3 }],
      }),
    );
    // (0, 0) and (10, 1) sit on corners of the area; x = 12 is beyond the axis
    expect(drawing.paths.find((p) => p.style === '#333333')!.arcs).toBe(2);
  });

  it('draws each bar from the left edge to its value, first bar at the top', () => {
    const drawing = draw(
      scene({
        y: { kind: 'linear', domain: [2, 0] },
        marks: [{ kind: 'hbars', values: [2.5, 20], color: '#444444', thickness: 10 }],
      }),
    );
    // y domain [2, 0] runs bottom (110 px) to top (10 px), 50 px per band: band 0 is centred at
    // 35 px, band 1 at 85 px. x: 2.5 → 20 + 2.5·17 = 62.5 px; 20 is beyond the axis, cut at 190 px.
    expect(drawing.rects).toEqual([
      { x: 0, y: 0, width: 200, height: 140, style: CHART_BACKGROUND },
      { x: 20, y: 30, width: 42.5, height: 10, style: '#444444' },
      { x: 20, y: 80, width: 170, height: 10, style: '#444444' },
    ]);
  });

  it('skips a reference rule the axis cannot show', () => {
    const drawing = draw(
      scene({ marks: [{ kind: 'rule', y: 3, color: '#555555', dash: [4, 4] }] }),
    );
    expect(drawing.paths.some((p) => p.style === '#555555')).toBe(false);
  });

  it('draws nothing when the margins leave no room', () => {
    const { context, drawing } = recordingContext();
    drawScene(context, scene(), 25, 140);
    expect(drawing.paths).toEqual([]);
  });
});
