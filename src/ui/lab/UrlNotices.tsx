import { countUrlProblems } from '../../lab/urlState';
import { useAppStore } from '../../store/appStore';
import { selectUrlNotices } from '../../store/selectors';
import { formatCount } from '../../lab/formatNumber';

/** The list shows this many notices and counts the rest: a hand-edited link can hold thousands. */
export const SHOWN_URL_NOTICES = 5;

/** What a shared link asked for that could not be used, and what was used instead. */
export function UrlNotices() {
  const notices = useAppStore(selectUrlNotices);
  const dismiss = useAppStore((s) => s.dismissUrlNotices);
  if (notices.length === 0) return null;
  const shown = notices.filter((n) => n.more === undefined).slice(0, SHOWN_URL_NOTICES);
  const rest = countUrlProblems(notices) - shown.length;
  return (
    <section
      className="nl-message nl-message--warning nl-url-notices"
      aria-labelledby="nl-url-notices-title"
    >
      <h2 className="nl-message__title" id="nl-url-notices-title">
        Some settings in this link could not be used
      </h2>
      <ul>
        {shown.map((notice, i) => (
          <li key={`${notice.param}-${i}`}>{notice.message}</li>
        ))}
      </ul>
      {rest > 0 && (
        <p>
          and {formatCount(rest)} more problem{rest === 1 ? '' : 's'} with this link (not listed).
        </p>
      )}
      <button type="button" className="nl-button nl-button--quiet" onClick={dismiss}>
        Dismiss
      </button>
    </section>
  );
}
