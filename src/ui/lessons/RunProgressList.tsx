import { formatNumber } from '../../lab/labels';
import type { LiveRun } from './liveRun';

function statusText(run: LiveRun): string {
  const step = run.step.toLocaleString('en-US');
  const target = run.target.toLocaleString('en-US');
  switch (run.status) {
    case 'idle':
      return 'not trained yet';
    case 'running':
      return run.awaitingReady
        ? 'preparing the data and the network'
        : `training, step ${step} of ${target}`;
    case 'paused':
      return `paused at step ${step} of ${target}`;
    case 'done':
      return `finished ${target} steps`;
    case 'diverged':
      return `diverged at step ${(run.divergedAt ?? run.step).toLocaleString('en-US')}`;
    case 'error':
      return 'stopped by an error';
  }
}

function lastLoss(run: LiveRun): string {
  const loss = run.losses[run.losses.length - 1];
  return loss === undefined ? '' : ` · loss ${formatNumber(loss)}`;
}

/** Each run's progress, with the reason when it stopped early. */
export function RunProgressList({ runs }: { readonly runs: readonly LiveRun[] }) {
  return (
    <ul className="nl-run-progress">
      {runs.map((run) => (
        <li key={run.label} className="nl-run-progress__run">
          <span className="nl-run-progress__label">
            {run.label}: {statusText(run)}
            {lastLoss(run)}
          </span>
          {run.target > 0 ? (
            <progress
              className="nl-run-progress__bar"
              max={run.target}
              value={Math.min(run.step, run.target)}
              aria-label={`${run.label} progress`}
            />
          ) : null}
          {run.message ? (
            <p className={`nl-run-progress__message nl-run-progress__message--${run.status}`}>
              {run.message}
            </p>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
