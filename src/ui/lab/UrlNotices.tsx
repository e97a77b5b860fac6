import { useLabStore } from '../../store/labStore';
import { selectUrlNotices } from '../../store/selectors';

/** What a shared link asked for that could not be used, and what was used instead. */
export function UrlNotices() {
  const notices = useLabStore(selectUrlNotices);
  const dismiss = useLabStore((s) => s.dismissUrlNotices);
  if (notices.length === 0) return null;
  return (
    <section
      className="nl-message nl-message--warning nl-url-notices"
      aria-labelledby="nl-url-notices-title"
    >
      <h2 className="nl-message__title" id="nl-url-notices-title">
        Some settings in this link could not be used
      </h2>
      <ul>
        {notices.map((notice, i) => (
          <li key={`${notice.param}-${i}`}>{notice.message}</li>
        ))}
      </ul>
      <button type="button" className="nl-button nl-button--quiet" onClick={dismiss}>
        Dismiss
      </button>
    </section>
  );
}
