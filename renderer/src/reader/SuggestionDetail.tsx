/**
 * The selected suggestion in full: speaker and role, the chain to the document, the date said,
 * and its buttons: accept (the capture panel, filled in), reject, accept all of its speaker's.
 */
import { ENTITY_KIND_LABELS } from '../../../shared/domain/labels';
import { countOf } from '../../../shared/domain/labels';
import { documentsSelectors, suggestionsSelectors, useAppStore } from '../store';
import { bySpeaker } from '../store/suggestionsSlice';

export function SuggestionDetail() {
  const view = useAppStore(suggestionsSelectors.selectedView);
  const list = useAppStore(suggestionsSelectors.list);
  const outlet = useAppStore(documentsSelectors.activeDocument)?.outlet ?? '';
  const captureSuggestion = useAppStore((s) => s.captureSuggestion);
  const rejectSuggestion = useAppStore((s) => s.rejectSuggestion);
  const acceptSpeaker = useAppStore((s) => s.acceptSpeaker);
  const notify = useAppStore((s) => s.notify);
  // While the capture panel shows it in full, the list keeps the room.
  const capturing = useAppStore(suggestionsSelectors.capturing);
  if (!view || !list || capturing) return null;
  const speaker = view.speaker;
  const theirs = speaker ? bySpeaker(list.suggestions, speaker.name).length : 0;
  const chain = [...view.via.map((v) => v.name), ...(outlet ? [outlet] : [])];
  const report = (error: { message: string } | null) => error && notify('error', error.message);
  return (
    <section className="suggestion-detail" aria-label="Selected suggestion">
      <dl>
        <dt>Speaker</dt>
        <dd>
          {speaker ? (
            <>
              {speaker.name}
              {speaker.role && <span className="muted">, {speaker.role}</span>}{' '}
              <span className="muted">
                (
                {speaker.entityId
                  ? 'known'
                  : `new ${ENTITY_KIND_LABELS[speaker.kind].toLowerCase()}`}
                )
              </span>
            </>
          ) : (
            <span className="muted">none named</span>
          )}
        </dd>
        {chain.length > 0 && (
          <>
            <dt>Via</dt>
            <dd>{chain.join(' → ')}</dd>
          </>
        )}
        {view.saidOn && (
          <>
            <dt>Said on</dt>
            <dd>{view.saidOn}</dd>
          </>
        )}
      </dl>
      <div className="suggestion-actions">
        <button type="button" className="primary" onClick={() => captureSuggestion(view.key)}>
          Accept…
        </button>
        <button type="button" onClick={() => void rejectSuggestion(view.key).then(report)}>
          Reject
        </button>
        {speaker && theirs > 1 && (
          <button type="button" onClick={() => void acceptSpeaker(speaker.name).then(report)}>
            Accept all {countOf(theirs, 'claim')} by {speaker.name}
          </button>
        )}
      </div>
    </section>
  );
}
