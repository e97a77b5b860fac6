import type { SweepCell } from '../../lessons/widgets/depthSweep';
import {
  cellOutcome,
  chanceLoss,
  TRAINED_FRACTION_OF_CHANCE,
} from '../../lessons/widgets/depthSweep';
import type { SweepCellResult } from '../../worker/sweepProtocol';
import type { ChartData } from '../charts/exporting/chartTable';
import { formatNumber } from '../charts/format';
import { AXIS_COLOR, GRID_COLOR, REFERENCE_COLOR, runColor, RUN_IDS } from '../charts/palette';

export interface SweepChartProps {
  readonly cells: readonly SweepCell[];
  readonly labels: readonly string[];
  readonly depths: readonly number[];
  readonly results: ReadonlyMap<number, SweepCellResult>;
}

const W = 480;
const H = 220;
const M = { left: 48, right: 12, top: 12, bottom: 36 };

export function configColor(index: number): string {
  return runColor(RUN_IDS[index] ?? 'A');
}

/** What the chart plots, for its CSV: depth, then each configuration's final loss (empty: diverged). */
export function sweepChartData(
  cells: readonly SweepCell[],
  labels: readonly string[],
  results: ReadonlyMap<number, SweepCellResult>,
): ChartData {
  return {
    xHeader: 'Depth (hidden layers)',
    columns: labels.map((label, configIndex) => {
      const plotted = cells.flatMap((cell, index) => {
        const result = results.get(index);
        if (cell.configIndex !== configIndex || !result) return [];
        const outcome = cellOutcome(cell, result);
        const trained = outcome === 'trained' || outcome === 'stalled';
        return [{ depth: cell.depth, loss: trained ? (result.finalLoss ?? NaN) : NaN }];
      });
      return {
        header: `${label} (Final loss)`,
        xs: plotted.map((p) => p.depth),
        ys: plotted.map((p) => p.loss),
      };
    }),
  };
}

/** Final loss against depth, one line per configuration; a diverged cell is an × at the top. */
export function SweepChart({ cells, labels, depths, results }: SweepChartProps) {
  const first = cells[0];
  const chance = first ? chanceLoss(first.settings) : 1;
  const yMax = chance * 1.25;
  const plotW = W - M.left - M.right;
  const plotH = H - M.top - M.bottom;
  // Depths are spread evenly (they usually double): the question is "up to which one", not "how far apart".
  const x = (i: number) =>
    M.left + (depths.length === 1 ? plotW / 2 : (i * plotW) / (depths.length - 1));
  const y = (loss: number) => M.top + plotH * (1 - Math.min(loss, yMax) / yMax);
  const yTicks = [0, chance / 2, chance].map((v) => Number(v.toPrecision(2)));
  const threshold = TRAINED_FRACTION_OF_CHANCE * chance;
  return (
    <svg className="nl-sweep__chart" viewBox={`0 0 ${W} ${H}`} aria-hidden="true">
      {yTicks.map((t) => (
        <g key={t}>
          <line x1={M.left} x2={W - M.right} y1={y(t)} y2={y(t)} stroke={GRID_COLOR} />
          <text x={M.left - 6} y={y(t) + 4} textAnchor="end" fontSize={11} fill={AXIS_COLOR}>
            {formatNumber(t)}
          </text>
        </g>
      ))}
      <line
        x1={M.left}
        x2={W - M.right}
        y1={y(threshold)}
        y2={y(threshold)}
        stroke={REFERENCE_COLOR}
        strokeDasharray="4 4"
      />
      <text
        x={W - M.right}
        y={y(threshold) - 4}
        textAnchor="end"
        fontSize={11}
        fill={REFERENCE_COLOR}
      >
        trains below this line
      </text>
      {depths.map((d, i) => (
        <text
          key={d}
          x={x(i)}
          y={H - M.bottom + 16}
          textAnchor="middle"
          fontSize={11}
          fill={AXIS_COLOR}
        >
          {d}
        </text>
      ))}
      <text x={M.left + plotW / 2} y={H - 4} textAnchor="middle" fontSize={11} fill={AXIS_COLOR}>
        Depth (hidden layers)
      </text>
      <text
        transform={`translate(12 ${M.top + plotH / 2}) rotate(-90)`}
        textAnchor="middle"
        fontSize={11}
        fill={AXIS_COLOR}
      >
        Final loss
      </text>
      {labels.map((label, configIndex) => {
        const color = configColor(configIndex);
        // A diverged depth breaks the line: nothing is drawn between two depths across it.
        const segments: string[][] = [[]];
        const marks = cells.flatMap((cell, index) => {
          if (cell.configIndex !== configIndex) return [];
          const result = results.get(index);
          if (!result) return [];
          const px = x(depths.indexOf(cell.depth));
          const outcome = cellOutcome(cell, result);
          if (outcome === 'diverged' || outcome === 'failed' || result.finalLoss === undefined) {
            segments.push([]);
            const py = M.top + 6;
            return [
              <path
                key={index}
                className="nl-sweep__diverged"
                d={`M ${px - 5} ${py - 5} L ${px + 5} ${py + 5} M ${px - 5} ${py + 5} L ${px + 5} ${py - 5}`}
                stroke={color}
                strokeWidth={2}
              />,
            ];
          }
          const py = y(result.finalLoss);
          segments[segments.length - 1]!.push(`${px},${py}`);
          return [
            <circle key={index} className="nl-sweep__point" cx={px} cy={py} r={3.5} fill={color} />,
          ];
        });
        return (
          <g key={label}>
            {segments
              .filter((points) => points.length > 1)
              .map((points) => (
                <polyline
                  key={points[0]}
                  points={points.join(' ')}
                  fill="none"
                  stroke={color}
                  strokeWidth={2}
                />
              ))}
            {marks}
          </g>
        );
      })}
    </svg>
  );
}
