import { useDeferredValue } from 'react';
import type { LabRun } from '../../store/labRun';
import { formatCount } from '../../lab/formatNumber';

function formatRate(stepsPerSecond: number): string {
  if (stepsPerSecond <= 0) return '–';
  return stepsPerSecond >= 10 ? formatCount(Math.round(stepsPerSecond)) : stepsPerSecond.toFixed(1);
}

/**
 * Step, epoch and speed of one run. Not a live region: it changes ten times a second. Deferred, to
 * change in the same frame as the Loss chart (see chartPanels.tsx).
 */
export function RunProgress({ run: latest }: { readonly run: LabRun }) {
  const run = useDeferredValue(latest);
  return (
    <div role="group" aria-label="Progress">
      <dl className="nl-progress">
        <div className="nl-progress__item">
          <dt>Step</dt>
          <dd>{formatCount(run.step)}</dd>
        </div>
        <div className="nl-progress__item">
          <dt>Epoch</dt>
          <dd>{formatCount(run.epoch)}</dd>
        </div>
        <div className="nl-progress__item">
          <dt>Steps/s</dt>
          <dd>{run.status === 'running' ? formatRate(run.stepsPerSecond) : '–'}</dd>
        </div>
      </dl>
    </div>
  );
}
