import { formatNumber, formatCount } from '../../lab/formatNumber';
import { SMOOTHING_WINDOW, smoothLosses } from '../../engine/train/smoothLosses';
import type { ExperimentRun } from './experimentRun';

function statusText(run: ExperimentRun): string {
  const step = formatCount(run.step);
  const target = formatCount(run.target);
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
      return `diverged at step ${formatCount(run.divergedAt ?? run.step)}`;
    case 'error':
      return run.refused ? 'too large to train: lower a setting' : 'stopped by an error';
  }
}

/**
 * The run's latest training loss, saying what it is: the same moving average the claim box judges
 * ("mean of steps 381–400"), so the two never seem to disagree. A diverged run's last finite loss is
 * one batch's, just before it blew up.
 */
export function latestLoss(run: Pick<ExperimentRun, 'status' | 'history'>): string {
  const { steps, losses } = run.history;
  const n = losses.length;
  if (n === 0) return '';
  const lastStep = steps[n - 1] ?? n;
  const at = formatCount(lastStep);
  if (run.status === 'diverged') {
    return ` · last finite loss (one batch) ${formatNumber(losses[n - 1]!)} at step ${at}`;
  }
  if (n === 1) return ` · training loss ${formatNumber(losses[0]!)} (one batch) at step ${at}`;
  const window = Math.min(n, SMOOTHING_WINDOW);
  const mean = smoothLosses(losses.slice(n - window), window)[window - 1]!;
  const from = formatCount(steps[n - window] ?? n - window + 1);
  // Three decimals, as the claim box prints the same average (huge values in scientific notation).
  const shown = Math.abs(mean) < 1e4 ? mean.toFixed(3) : formatNumber(mean);
  return ` · training loss ${shown} (mean of steps ${from}–${at})`;
}

/** Each run's progress, with the reason when it stopped early. */
export function RunProgressList({ runs }: { readonly runs: readonly ExperimentRun[] }) {
  return (
    <ul className="nl-run-progress" aria-label="Run progress">
      {runs.map((run) => (
        <li key={run.label} className="nl-run-progress__run">
          <span className="nl-run-progress__label">
            {run.label}: {statusText(run)}
            {latestLoss(run)}
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
