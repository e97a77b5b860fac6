import { memo, useMemo } from 'react';
import type { DecisionBoundary } from '../../worker/protocol';
import { ChartCard, type ChartOptions, type ChartText } from './ChartCard';
import { ChartLegend } from './ChartLegend';
import {
  boundaryClasses,
  boundaryRgba,
  defaultClassName,
  summarizeBoundary,
  type BoundaryPoints,
} from './decisionBoundaryData';
import { formatNumber } from './format';
import { markerShape } from './markers';
import { CLASS_COLORS, classColor } from './palette';
import type { PlotScale } from './plotScale';
import type { PlotMark } from './plotScene';
import { SceneCanvas } from './SceneCanvas';

export type { BoundaryPoints } from './decisionBoundaryData';

export interface DecisionBoundaryViewProps extends ChartOptions {
  /** The latest Snapshot.boundary; undefined until the worker has sent one. */
  readonly boundary?: DecisionBoundary | undefined;
  /** DatasetInfo.points: the training set, drawn on top. */
  readonly points?: BoundaryPoints | undefined;
  /** DatasetInfo.numClasses: fixes the legend before the first boundary arrives. */
  readonly numClasses?: number | undefined;
  readonly classNames?: readonly string[] | undefined;
  readonly step?: number | undefined;
}

const MAX_SIDE = 480;
const POINT_RADIUS = 3.5;
/** A large training set would bury the regions: beyond this many points, smaller markers. */
const DENSE_POINTS = 600;
const DEFAULT_EXTENT = 1.5;
const MARKER_OUTLINE = '#1f1f1f';

function BoundaryCanvas({
  rgba,
  gridSize,
  extent,
  points,
}: {
  readonly rgba: Uint8ClampedArray | null;
  readonly gridSize: number;
  readonly extent: number;
  readonly points: BoundaryPoints | undefined;
}) {
  const plane = useMemo<PlotScale>(() => ({ kind: 'linear', domain: [-extent, extent] }), [extent]);
  const marks = useMemo<PlotMark[]>(() => {
    const out: PlotMark[] = [];
    if (rgba) {
      // probabilities vary smoothly between grid cells
      out.push({ kind: 'image', rgba, width: gridSize, height: gridSize, smoothing: 'always' });
    }
    if (points) {
      const count = Math.min(points.y.length, Math.floor(points.x.length / 2));
      out.push({
        kind: 'classMarkers',
        xy: points.x,
        classes: points.y,
        radius: count > DENSE_POINTS ? POINT_RADIUS * 0.7 : POINT_RADIUS,
        outline: MARKER_OUTLINE,
      });
    }
    return out;
  }, [rgba, gridSize, points]);
  return <SceneCanvas x={plane} y={plane} marks={marks} height={(w) => Math.min(w, MAX_SIDE)} />;
}

const TEXT: ChartText = {
  title: 'Decision boundary',
  emptyMessage: 'Press Train to see which class the network predicts across the plane.',
};

/** For the 2-D datasets: the model's class regions, blended by probability, under the training points. */
export const DecisionBoundaryView = memo(function DecisionBoundaryView({
  boundary,
  points,
  numClasses,
  classNames = [],
  step,
  ...options
}: DecisionBoundaryViewProps) {
  const check = boundary ? boundaryClasses(boundary) : null;
  const classes = check && 'classes' in check ? check.classes : (numClasses ?? 0);
  const rgba = useMemo(() => {
    if (!boundary) return null;
    const grid = boundaryClasses(boundary);
    return 'classes' in grid ? boundaryRgba(boundary, grid.classes, CLASS_COLORS) : null;
  }, [boundary]);
  const summary = useMemo(
    () => summarizeBoundary(boundary, points, classNames, step),
    [boundary, points, classNames, step],
  );
  const extent = boundary?.extent ?? DEFAULT_EXTENT;
  const edge = formatNumber(extent);
  const minusEdge = formatNumber(-extent);

  return (
    <ChartCard
      options={options}
      text={TEXT}
      empty={!boundary && !points}
      summary={summary}
      description={
        <p>
          Background: the class the network predicts at each point of the plane, mixed where it is
          unsure. Markers: the training points, coloured and shaped by their true class.
        </p>
      }
    >
      {check && 'problem' in check ? (
        <p className="nl-chart__error" role="alert">
          The decision boundary cannot be drawn: {check.problem}.
        </p>
      ) : (
        <div className="nl-heatmap nl-boundary">
          <span className="nl-heatmap__y-label">x₂</span>
          <div className="nl-heatmap__y" aria-hidden="true">
            <span className="nl-heatmap__tick" style={{ bottom: '100%' }}>
              {edge}
            </span>
            <span className="nl-heatmap__tick" style={{ bottom: '50%' }}>
              0
            </span>
            <span className="nl-heatmap__tick" style={{ bottom: '0%' }}>
              {minusEdge}
            </span>
          </div>
          <BoundaryCanvas
            rgba={rgba}
            gridSize={boundary?.size ?? 0}
            extent={extent}
            points={points}
          />
          <div className="nl-heatmap__x nl-multiple__axis" aria-hidden="true">
            <span>{minusEdge}</span>
            <span>0</span>
            <span>{edge}</span>
          </div>
          <span className="nl-heatmap__axis-label">x₁</span>
        </div>
      )}
      {!boundary && points ? (
        <p className="nl-chart__note">
          The predicted regions appear after the first training step.
        </p>
      ) : null}
      <ChartLegend
        label="Classes"
        items={Array.from({ length: classes }, (_, k) => ({
          label: classNames[k] ?? defaultClassName(k),
          color: classColor(k),
          kind: 'marker' as const,
          shape: markerShape(k),
        }))}
      />
    </ChartCard>
  );
});
