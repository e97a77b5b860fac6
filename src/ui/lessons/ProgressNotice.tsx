import { useAppStore } from '../../store/appStore';
import { selectProgressNotices, selectStorageProblem } from '../../store/progressSlice';
import type { AppState } from '../../store/appState';

const selectDismiss = (s: AppState) => s.dismissProgressNotices;

/** What was reset when saved progress was read back, and whether this browser keeps progress. */
export function ProgressNotice() {
  const notices = useAppStore(selectProgressNotices);
  const storageProblem = useAppStore(selectStorageProblem);
  const dismiss = useAppStore(selectDismiss);
  if (notices.length === 0 && !storageProblem) return null;
  return (
    <div className="nl-notice" role="status">
      {notices.length > 0 ? (
        <>
          <h2 className="nl-notice__title">About your saved progress</h2>
          <ul>
            {notices.map((n) => (
              <li key={n}>{n}</li>
            ))}
          </ul>
          <button type="button" className="nl-button" onClick={dismiss}>
            Dismiss
          </button>
        </>
      ) : null}
      {storageProblem ? <p>{storageProblem}</p> : null}
    </div>
  );
}
