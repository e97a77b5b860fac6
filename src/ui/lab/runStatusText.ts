import { formatNumber, formatCount } from '../../lab/formatNumber';
import type { LabRun } from '../../store/labRun';

/** A run's status in a few words: "training", "paused at step 240", "diverged at step 6". */
export function statusPhrase(run: LabRun): string {
  switch (run.status) {
    case 'idle':
      return run.ready ? 'ready' : 'preparing';
    case 'running':
      return 'training';
    case 'paused':
      return `paused at step ${formatCount(run.step)}`;
    case 'done':
      return `finished at step ${formatCount(run.step)}`;
    case 'diverged':
      return `diverged at step ${formatCount(run.divergedAt ?? run.step)}`;
    case 'error':
      return run.refused ? 'refused: too large to train' : 'stopped by an error';
  }
}

/** What to try after a divergence, in the learner's words. */
export function divergenceAdvice(run: LabRun): string {
  const lower = formatNumber(run.settings.learningRate / 10);
  const norm =
    run.settings.norm === 'none'
      ? ' or add normalization (BatchNorm or LayerNorm), which tolerates larger steps'
      : '';
  return `Try a lower learning rate, such as ${lower}${norm}, then start the run over.`;
}
