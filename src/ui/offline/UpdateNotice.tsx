import './offline.css';

export interface UpdateNoticeProps {
  readonly updateWaiting: boolean;
  readonly onReload: () => void;
  readonly onLater: () => void;
}

/**
 * A new version is ready. It waits for the learner ("Reload to update"), so a lesson is never swapped
 * mid-way; "Later" leaves it for the next visit.
 */
export function UpdateNotice({ updateWaiting, onReload, onLater }: UpdateNoticeProps) {
  if (!updateWaiting) return null;
  return (
    <section className="nl-app-update" role="status" aria-label="New version">
      <p>
        A new version of normlab is ready. Your progress is kept; reloading stops any run that is
        training.
      </p>
      <div className="nl-button-row">
        <button type="button" className="nl-button nl-button--primary" onClick={onReload}>
          Reload to update
        </button>
        <button type="button" className="nl-button nl-button--quiet" onClick={onLater}>
          Later
        </button>
      </div>
    </section>
  );
}
