import { RUN_LETTERS } from '../../lab/labSettings';
import type { AppState } from '../../store/appStore';
import { useAppStore } from '../../store/appStore';
import { statusPhrase } from './runStatusText';

/** One sentence per run's status; it only changes when a status does, not with every step. */
export const selectStatusLine = (s: AppState): string =>
  s.runs
    .map((run, i) => {
      const phrase = run.status === 'idle' && !run.ready ? 'preparing' : statusPhrase(run);
      return `Run ${RUN_LETTERS[i] ?? '?'} ${phrase}.`;
    })
    .join(' ');

/** A polite live region, so a screen reader hears "Run A training." and "Run B diverged at step 6." */
export function StatusAnnouncer() {
  const line = useAppStore(selectStatusLine);
  return (
    <p className="nl-visually-hidden" role="status" aria-live="polite">
      {line}
    </p>
  );
}
