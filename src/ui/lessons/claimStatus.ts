import { claimRunLabels, evaluateClaim, type Claim } from '../../lessons/claims';
import { isSettled, toRunHistory, type ExperimentRun } from './experimentRun';

export type ClaimStatus =
  /** Nothing has trained yet. */
  | { readonly state: 'waiting' }
  /** Training, and the effect has not shown so far. */
  | { readonly state: 'watching'; readonly detail: string }
  /** The effect holds right now, but could still change before the runs finish. */
  | { readonly state: 'provisional'; readonly detail: string }
  /** The effect showed: this is what earns checkpoints. */
  | { readonly state: 'shown'; readonly detail: string }
  /** Every run finished and the effect did not show. */
  | { readonly state: 'notShown'; readonly detail: string };

/**
 * Claims that more training cannot undo: a run that reached a loss first stays first, a run that
 * diverged stays diverged. Those count the moment they hold; the others (final loss, accuracy,
 * validation gaps) are judged when the runs have finished, as the lesson tests judge them.
 */
function isFinalOnceShown(claim: Claim): boolean {
  switch (claim.kind) {
    case 'fasterToLoss':
    case 'diverges':
      return true;
    case 'allOf':
      return claim.claims.every(isFinalOnceShown);
    default:
      return false;
  }
}

export function claimStatus(claim: Claim, runs: readonly ExperimentRun[]): ClaimStatus {
  const named = new Set(claimRunLabels(claim));
  const involved = runs.filter((r) => named.has(r.label));
  const started = involved.some(
    (r) => r.step > 0 || r.status === 'diverged' || r.status === 'error',
  );
  if (!started) return { state: 'waiting' };
  const verdict = evaluateClaim(claim, involved.map(toRunHistory));
  const finished = involved.every(isSettled);
  if (verdict.shown && (finished || isFinalOnceShown(claim))) {
    return { state: 'shown', detail: verdict.detail };
  }
  if (verdict.shown) return { state: 'provisional', detail: verdict.detail };
  return { state: finished ? 'notShown' : 'watching', detail: verdict.detail };
}
