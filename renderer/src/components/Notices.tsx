/**
 * Errors and notes from actions that have no form to show them in, in the status area above
 * the claim list, never over the reader's text (issue 12). Notes fade after a few seconds
 * into the "Notices (n)" list; errors stay until dismissed.
 */
import { uiSelectors, useAppStore } from '../store';

export function Notices() {
  const notices = useAppStore(uiSelectors.notices);
  const past = useAppStore(uiSelectors.pastNotices);
  const dismiss = useAppStore((s) => s.dismissNotice);
  return (
    <div className="status-area">
      <div className="notices" role="status" aria-live="polite">
        {notices.map((n) => (
          <div
            key={n.id}
            className={`notice ${n.kind}`}
            role={n.kind === 'error' ? 'alert' : undefined}
          >
            <span>{n.message}</span>
            <button type="button" aria-label="Dismiss" onClick={() => dismiss(n.id)}>
              ×
            </button>
          </div>
        ))}
      </div>
      {past.length > 0 && (
        <details className="notice-log">
          <summary>Notices ({past.length})</summary>
          <ol aria-label="Past notices">
            {past.map((n) => (
              <li key={n.id} className={`past-notice ${n.kind}`}>
                {n.message}
              </li>
            ))}
          </ol>
        </details>
      )}
    </div>
  );
}
