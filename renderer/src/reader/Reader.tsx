/**
 * The reader pane: the open document with its highlights. The text is a read-only
 * contentEditable region so that a passage can be selected with the keyboard (Shift+arrows)
 * as well as the mouse; every edit is cancelled. Enter turns the selection into a claim.
 */
import { useEffect, useMemo, useRef } from 'react';
import { CapturePanel } from '../components/CapturePanel';
import {
  claimsSelectors,
  documentsSelectors,
  filterSelectors,
  listSelectors,
  suggestionsSelectors,
  uiSelectors,
  useAppStore,
} from '../store';
import { HighlightedText, type Ghost } from './HighlightedText';
import { OrphanReview } from './OrphanReview';
import { ReaderHeader } from './ReaderHeader';
import { selectionTouches, selectionWithin } from './selectionOffsets';
import { SuggestionsPanel } from './SuggestionsPanel';
import { useActiveGhost } from './useActiveGhost';
import { usePendingHighlight } from './usePendingHighlight';
import { useSuggestionKeys } from './useSuggestionKeys';

const blockEdit = (event: Event) => event.preventDefault();

export function Reader() {
  const openDoc = useAppStore(documentsSelectors.openDoc);
  const document = openDoc?.document ?? null;
  const text = openDoc?.text ?? undefined;
  const activeDocumentId = useAppStore(documentsSelectors.activeDocumentId);
  const highlights = useAppStore(documentsSelectors.highlights);
  const orphans = useAppStore(documentsSelectors.orphans);
  const facets = useAppStore(listSelectors.facets);
  const selectedClaimId = useAppStore(claimsSelectors.selectedClaimId);
  const revealRequest = useAppStore(claimsSelectors.revealRequest);
  const colorBy = useAppStore(filterSelectors.colorBy);
  const selection = useAppStore(uiSelectors.selection);
  const setSelection = useAppStore((s) => s.setSelection);
  const selectClaim = useAppStore((s) => s.selectClaim);
  const createClaim = useAppStore((s) => s.createClaimFromSelection);
  const notify = useAppStore((s) => s.notify);
  const suggestions = useAppStore(suggestionsSelectors.list);
  const suggestionsShown = useAppStore(suggestionsSelectors.shown);
  const selectedSuggestion = useAppStore(suggestionsSelectors.selected);
  const capturing = useAppStore(suggestionsSelectors.capturing);
  const selectSuggestion = useAppStore((s) => s.selectSuggestion);
  const acceptSuggestion = useAppStore((s) => s.acceptSuggestion);
  const suggestionKey = useSuggestionKeys('text');
  const textRef = useRef<HTMLDivElement>(null);
  usePendingHighlight(textRef, selection, document?.id, text);

  const versions = openDoc?.versions ?? [];
  const knownTags = useMemo(() => facets?.tags.map((t) => t.tag).sort() ?? [], [facets]);
  const ghosts = useMemo<Ghost[]>(
    () =>
      suggestions && suggestions.documentId === document?.id
        ? suggestions.suggestions.map(({ key, start, end, kind }) => ({ key, start, end, kind }))
        : [],
    [suggestions, document?.id],
  );
  useActiveGhost(textRef, selectedSuggestion, ghosts, highlights);

  // Follow the browser's selection: a new range in the text becomes the pending selection;
  // a caret in the text clears it; a selection elsewhere (the capture form) leaves it be.
  // A mouse selection is taken when the button is released: the capture panel opening
  // mid-drag would cover the text under the pointer and scroll it away.
  useEffect(() => {
    const documentId = document?.id;
    if (!documentId) return;
    let dragging = false;
    const onChange = () => {
      const root = textRef.current;
      if (!root || dragging) return;
      const current = window.getSelection();
      const range = selectionWithin(root, current);
      if (range) setSelection({ documentId, ...range });
      else if (selectionTouches(root, current)) setSelection(null);
    };
    const onDown = (e: MouseEvent) => {
      dragging = e.button === 0 && !!textRef.current?.contains(e.target as Node);
    };
    const onUp = () => {
      if (!dragging) return;
      dragging = false;
      onChange();
    };
    window.document.addEventListener('selectionchange', onChange);
    window.document.addEventListener('mousedown', onDown);
    window.addEventListener('mouseup', onUp);
    return () => {
      window.document.removeEventListener('selectionchange', onChange);
      window.document.removeEventListener('mousedown', onDown);
      window.removeEventListener('mouseup', onUp);
    };
  }, [document?.id, setSelection]);

  // Native `beforeinput` is cancellable; React's synthetic one is not the same event.
  useEffect(() => {
    const root = textRef.current;
    if (!root) return;
    root.addEventListener('beforeinput', blockEdit);
    return () => root.removeEventListener('beforeinput', blockEdit);
  }, [text]);

  useEffect(() => {
    if (!selectedClaimId || revealRequest === 0) return;
    const target = textRef.current?.querySelector(
      `[data-claim-ids~="${CSS.escape(selectedClaimId)}"]`,
    );
    target?.scrollIntoView({ block: 'center', behavior: 'smooth' });
  }, [revealRequest, selectedClaimId]);

  // The suggestion selected in the list comes into view in the text.
  useEffect(() => {
    if (!selectedSuggestion) return;
    const target = textRef.current?.querySelector(
      `[data-suggestion-keys~="${CSS.escape(selectedSuggestion)}"]`,
    );
    target?.scrollIntoView({ block: 'nearest' });
  }, [selectedSuggestion]);

  if (!document) {
    if (activeDocumentId) {
      return (
        <main className="reader empty" aria-label="Reader">
          <p className="loading">Loading the document…</p>
        </main>
      );
    }
    return (
      <main className="reader empty" aria-label="Reader">
        <p>Add a document to this case to start reading and capturing claims.</p>
        <p className="muted">Paste text, import files, or drop them anywhere on this window.</p>
      </main>
    );
  }

  const onKeyDown = async (event: React.KeyboardEvent) => {
    if (event.key === 'Enter' && selection) {
      event.preventDefault();
      // The passage of a suggestion being captured is accepted as the suggestion says.
      const error = capturing
        ? await acceptSuggestion(capturing.key)
        : await createClaim({ text: '' });
      if (error) notify('error', error.message);
    } else if (event.key === 'Escape') {
      window.getSelection()?.removeAllRanges();
      setSelection(null);
      selectSuggestion(null);
    } else if (!selection && selectedSuggestion) {
      // A suggestion clicked in the text takes the review keys there too.
      suggestionKey(event);
    }
  };

  return (
    <main className={suggestionsShown ? 'reader with-suggestions' : 'reader'} aria-label="Reader">
      <ReaderHeader document={document} versions={versions} />
      <OrphanReview orphans={orphans} selection={selection} />
      <div className="reader-scroll">
        {openDoc?.problem ? (
          <div className="text-missing" role="alert">
            <p>
              <strong>The text of this document is missing.</strong>
            </p>
            <p>{openDoc.problem}</p>
          </div>
        ) : text === undefined ? (
          <p className="loading">Loading the text…</p>
        ) : (
          <div
            ref={textRef}
            className="reader-text"
            contentEditable
            // Already in the tab order as an editable; said outright so that checkers (axe's
            // scrollable-region-focusable) see that the scrolling reader can be reached.
            tabIndex={0}
            suppressContentEditableWarning
            spellCheck={false}
            role="textbox"
            aria-multiline="true"
            aria-readonly="true"
            aria-label="Document text"
            onKeyDown={(e) => void onKeyDown(e)}
            onClick={(e) => {
              // A click on the text beside any ghost lets the selected suggestion go.
              const onGhost = e.target instanceof Element && e.target.closest('.ghost');
              if (selectedSuggestion && !onGhost) selectSuggestion(null);
            }}
            onPaste={(e) => e.preventDefault()}
            onCut={(e) => e.preventDefault()}
            onDrop={(e) => e.preventDefault()}
          >
            <HighlightedText
              text={text}
              claims={highlights}
              selectedClaimId={selectedClaimId}
              colorBy={colorBy}
              onClaimClick={(id) => void selectClaim(id)}
              ghosts={ghosts}
              onGhostClick={(keys) => {
                // Overlapping suggestions: each click takes the next one under the pointer.
                const at = selectedSuggestion ? keys.indexOf(selectedSuggestion) : -1;
                selectSuggestion(keys[(at + 1) % keys.length] ?? null);
              }}
            />
          </div>
        )}
      </div>
      {/* The capture panel comes right after the text in the DOM (the grid places it below
          the suggestions), so that Tab from a selection goes to its fields first. */}
      {selection && selection.documentId === document.id && (
        <CapturePanel
          // A new suggestion (or a plain selection) starts the panel afresh.
          key={capturing?.key ?? 'selection'}
          selection={selection}
          document={document}
          knownTags={knownTags}
        />
      )}
      {suggestionsShown && <SuggestionsPanel />}
    </main>
  );
}
