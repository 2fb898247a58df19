/**
 * The suggested claims of the open document, beside the text (issue 13): a list to review
 * from the keyboard (useSuggestionKeys), and for the selected one its details and the
 * buttons that do what the keys do, plus accepting all of its speaker's at once.
 */
import { useCallback, useEffect, useRef } from 'react';
import { suggestionsSelectors, useAppStore } from '../store';
import { SuggestionDetail } from './SuggestionDetail';
import { SuggestionItem } from './SuggestionItem';
import { useSuggestionKeys } from './useSuggestionKeys';

export const suggestionDomId = (key: string) => `suggestion-${key}`;

export function SuggestionsPanel() {
  const list = useAppStore(suggestionsSelectors.list);
  const loading = useAppStore(suggestionsSelectors.loading);
  const selected = useAppStore(suggestionsSelectors.selected);
  const capturing = useAppStore(suggestionsSelectors.capturing);
  const selectSuggestion = useAppStore((s) => s.selectSuggestion);
  const captureSuggestion = useAppStore((s) => s.captureSuggestion);
  const hideSuggestions = useAppStore((s) => s.hideSuggestions);
  const onKey = useSuggestionKeys('list');
  const listRef = useRef<HTMLUListElement>(null);
  const views = list?.suggestions ?? [];
  const onSelect = useCallback(
    (key: string) => {
      // Focus first: focusing with nothing selected selects the first suggestion.
      listRef.current?.focus();
      selectSuggestion(key);
    },
    [selectSuggestion],
  );

  useEffect(() => {
    if (!selected) return;
    window.document.getElementById(suggestionDomId(selected))?.scrollIntoView({ block: 'nearest' });
  }, [selected]);

  // The capture panel closed (accepted or cancelled) with the focus gone: back to the list.
  const wasCapturing = useRef(false);
  useEffect(() => {
    const active = window.document.activeElement;
    if (wasCapturing.current && !capturing && (!active || active === window.document.body))
      listRef.current?.focus();
    wasCapturing.current = capturing !== null;
  }, [capturing]);

  return (
    <aside className="suggestions" aria-label="Suggestions">
      <header>
        <h3>
          Suggestions <span className="count">{views.length}</span>
        </h3>
        <button type="button" className="link" onClick={hideSuggestions}>
          Hide
        </button>
      </header>
      <p className="muted hint-keys">Enter accept · Delete reject · Tab next</p>
      {loading && !list && <p className="loading">Reading the document…</p>}
      {list && views.length === 0 && (
        <p className="muted empty-note">
          {list.rejected + list.captured > 0
            ? 'Nothing left to review.'
            : 'No claims found to suggest in this document.'}
        </p>
      )}
      {views.length > 0 && (
        <ul
          ref={listRef}
          className="suggestion-list"
          role="listbox"
          aria-label="Suggestions to review"
          tabIndex={0}
          aria-activedescendant={selected ? suggestionDomId(selected) : undefined}
          onFocus={() => {
            if (!selected && views[0]) selectSuggestion(views[0].key);
          }}
          onKeyDown={(e) => onKey(e)}
        >
          {views.map((view) => (
            <SuggestionItem
              key={view.key}
              id={suggestionDomId(view.key)}
              view={view}
              selected={view.key === selected}
              onSelect={onSelect}
              onOpen={captureSuggestion}
            />
          ))}
        </ul>
      )}
      <SuggestionDetail />
      {list && list.rejected + list.captured > 0 && (
        <p className="muted suggestions-footer">
          {list.captured > 0 && `${list.captured} already captured`}
          {list.captured > 0 && list.rejected > 0 && ' · '}
          {list.rejected > 0 && `${list.rejected} rejected`}
        </p>
      )}
    </aside>
  );
}
