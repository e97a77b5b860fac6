import {
  contourLevels,
  contourRadii,
  type QuadraticProblem,
  type Vec2,
} from '../../lessons/widgets/lossContours';
import { RUN_COLORS } from '../charts/palette';

/** Half the width of the plotted square of weight space, centred on the minimum. */
export const PLOT_EXTENT = 3;

export interface ContourPlotProps {
  readonly problem: QuadraticProblem;
  readonly path: readonly Vec2[];
  /** The picture in words (the SVG's accessible name). */
  readonly description: string;
  readonly color?: string | undefined;
}

/** Loss contours of a 2-D quadratic as ellipses, and the gradient-descent path over them. */
export function ContourPlot({
  problem,
  path,
  description,
  color = RUN_COLORS.B,
}: ContourPlotProps) {
  const e = PLOT_EXTENT;
  // SVG y grows downwards; weight w₂ grows upwards.
  const points = path.map(([x, y]) => `${x},${-y}`).join(' ');
  const current = path[path.length - 1]!;
  return (
    <svg
      className="nl-contours__plot"
      viewBox={`${-e} ${-e} ${2 * e} ${2 * e}`}
      role="img"
      aria-label={description}
    >
      <rect x={-e} y={-e} width={2 * e} height={2 * e} fill="#fbfbfb" />
      <line x1={-e} x2={e} y1={0} y2={0} stroke="#d0d0d0" vectorEffect="non-scaling-stroke" />
      <line x1={0} x2={0} y1={-e} y2={e} stroke="#d0d0d0" vectorEffect="non-scaling-stroke" />
      {contourLevels(problem).map((level) => {
        const [rx, ry] = contourRadii(problem, level);
        return (
          <ellipse
            key={level}
            className="nl-contours__contour"
            cx={0}
            cy={0}
            rx={rx}
            ry={ry}
            fill="none"
            stroke="#7a9cc6"
            vectorEffect="non-scaling-stroke"
          />
        );
      })}
      <polyline
        className="nl-contours__path"
        points={points}
        fill="none"
        stroke={color}
        strokeWidth={2}
        strokeLinejoin="round"
        vectorEffect="non-scaling-stroke"
      />
      <circle cx={problem.start[0]} cy={-problem.start[1]} r={0.08} fill="#1f1f1f" />
      <circle
        cx={current[0]}
        cy={-current[1]}
        r={0.1}
        fill={color}
        stroke="#fff"
        strokeWidth={0.03}
      />
      <path d="M -0.15 0 H 0.15 M 0 -0.15 V 0.15" stroke="#1f1f1f" strokeWidth={0.05} />
    </svg>
  );
}
