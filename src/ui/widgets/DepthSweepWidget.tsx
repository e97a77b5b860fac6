import { useMemo } from 'react';
import {
  cellOutcome,
  deepestTrained,
  sweepCells,
  type DepthSweepWidget as DepthSweepData,
  type SweepCell,
} from '../../lessons/widgets/depthSweep';
import { datasetInfo } from '../../lab/datasets';
import type { SweepCellResult } from '../../worker/sweepProtocol';
import { ChartCard } from '../charts/ChartCard';
import { ChartLegend } from '../charts/ChartLegend';
import { formatNumber, formatPercent } from '../charts/format';
import { configColor, SweepChart, sweepChartData } from './SweepChart';
import { useDepthSweep } from './useDepthSweep';
import { WidgetFrame } from './WidgetFrame';

function cellText(cell: SweepCell, result: SweepCellResult | undefined): string {
  if (!result) return '';
  switch (cellOutcome(cell, result)) {
    case 'failed':
      return `could not train: ${result.error ?? ''}`;
    case 'diverged':
      return `diverged at step ${result.divergedAt}`;
    case 'trained':
    case 'stalled': {
      const loss = result.finalLoss === undefined ? '' : `loss ${formatNumber(result.finalLoss)}`;
      const acc =
        result.accuracy === undefined ? '' : `, ${formatPercent(result.accuracy)} accuracy`;
      return `${loss}${acc}`;
    }
  }
}

const OUTCOME_LABEL = {
  trained: 'trains',
  stalled: 'stalls',
  diverged: 'diverges',
  failed: 'fails',
} as const;

export function DepthSweepWidget({ widget }: { readonly widget: DepthSweepData }) {
  const cells = useMemo(() => sweepCells(widget), [widget]);
  const depths = useMemo(() => [...new Set(cells.map((c) => c.depth))], [cells]);
  const labels = widget.configs.map((c) => c.label);
  const sweep = useDepthSweep(cells, widget.steps);
  const running = sweep.status === 'running';
  const dataset = cells[0] ? datasetInfo(cells[0].settings.dataset).label : '';

  const deepest = labels.map((_, i) => deepestTrained(cells, sweep.results, i));
  const finished = sweep.results.size;
  const summary =
    finished === 0
      ? 'No results yet.'
      : `${labels
          .map((label, i) => {
            const d = deepest[i];
            return d === undefined
              ? `${label} trained at none of the finished depths`
              : `${label} trained up to depth ${d}`;
          })
          .join(
            '; ',
          )}${finished < cells.length ? ` (${finished} of ${cells.length} runs finished)` : ''}.`;

  const progressText = (() => {
    if (sweep.status === 'failed') return `The sweep stopped: ${sweep.failure ?? ''}`;
    if (sweep.status === 'stopped') return `Stopped after ${finished} of ${cells.length} runs.`;
    if (sweep.status === 'done') return `Finished all ${cells.length} runs.`;
    if (!running) return '';
    const p = sweep.progress;
    const cell = p ? cells[p.cell] : cells[finished];
    return cell
      ? `Training ${cell.label} at depth ${cell.depth}${p ? `: step ${p.step} of ${widget.steps}` : ''} (run ${finished + 1} of ${cells.length}).`
      : '';
  })();

  return (
    <WidgetFrame
      title={widget.title}
      intro={
        <p>
          Each configuration is trained from scratch at every depth for {widget.steps} steps on{' '}
          {dataset} ({cells.length} runs in all, in a background worker). A run counts as trained
          when its final loss is clearly below guessing.
        </p>
      }
    >
      <div className="nl-sweep__buttons">
        {running ? (
          <button type="button" onClick={sweep.stop}>
            Stop
          </button>
        ) : (
          <button type="button" onClick={sweep.start}>
            {sweep.status === 'idle' ? 'Run sweep' : 'Run sweep again'}
          </button>
        )}
        <p className="nl-sweep__progress" role="status">
          {progressText}
        </p>
      </div>
      <div
        className="nl-sweep__table-wrap"
        tabIndex={0}
        aria-label="Results table (scrolls sideways)"
      >
        <table className="nl-sweep__table">
          <caption className="nl-visually-hidden">
            Final smoothed training loss and validation accuracy for each configuration and depth
          </caption>
          <thead>
            <tr>
              <th scope="col">Configuration</th>
              {depths.map((d) => (
                <th key={d} scope="col">
                  Depth {d}
                </th>
              ))}
              <th scope="col">Deepest that trains</th>
            </tr>
          </thead>
          <tbody>
            {labels.map((label, configIndex) => (
              <tr key={label}>
                <th scope="row">
                  <span
                    className="nl-sweep__swatch"
                    style={{ background: configColor(configIndex) }}
                    aria-hidden="true"
                  />
                  {label}
                </th>
                {cells.map((cell, index) => {
                  if (cell.configIndex !== configIndex) return null;
                  const result = sweep.results.get(index);
                  const outcome = result ? cellOutcome(cell, result) : undefined;
                  return (
                    <td key={index} data-outcome={outcome}>
                      {outcome ? (
                        <>
                          <strong>{OUTCOME_LABEL[outcome]}</strong>
                          <br />
                          {cellText(cell, result)}
                        </>
                      ) : running && sweep.progress?.cell === index ? (
                        'training…'
                      ) : (
                        '—'
                      )}
                    </td>
                  );
                })}
                <td>{deepest[configIndex] ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ChartCard
        title="Final loss by depth"
        headingLevel={4}
        summary={summary}
        data={sweepChartData(cells, labels, sweep.results)}
        emptyMessage={
          finished === 0
            ? running
              ? 'The first result appears here when its run finishes.'
              : 'Press Run sweep to train every configuration at every depth.'
            : undefined
        }
      >
        <SweepChart cells={cells} labels={labels} depths={depths} results={sweep.results} />
        <ChartLegend
          label="Configurations"
          items={labels.map((label, i) => ({ label, color: configColor(i) }))}
        />
        <p className="nl-chart__note">{summary}</p>
      </ChartCard>
    </WidgetFrame>
  );
}
