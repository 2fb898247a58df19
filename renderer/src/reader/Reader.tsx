/**
 * The reader pane: the open document with its highlights. The text is a read-only
 * contentEditable region so that a passage can be selected with the keyboard (Shift+arrows)
 * as well as the mouse; every edit is cancelled. Enter turns the selection into a claim.
 */
import { useEffect, useRef } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { claimsSelectors, documentsSelectors, uiSelectors, useAppStore } from '../store';
import { CapturePanel } from '../components/CapturePanel';
import { HighlightedText } from './HighlightedText';
import { selectionTouches, selectionWithin } from './selectionOffsets';
import { usePendingHighlight } from './usePendingHighlight';

const blockEdit = (event: Event) => event.preventDefault();

export function Reader() {
  const document = useAppStore(documentsSelectors.activeDocument);
  const text = useAppStore(documentsSelectors.activeText);
  const claims = useAppStore(useShallow(claimsSelectors.claimsOfDocument(document?.id ?? null)));
  const selectedClaimId = useAppStore(claimsSelectors.selectedClaimId);
  const revealRequest = useAppStore(claimsSelectors.revealRequest);
  const selection = useAppStore(uiSelectors.selection);
  const setSelection = useAppStore((s) => s.setSelection);
  const selectClaim = useAppStore((s) => s.selectClaim);
  const createClaim = useAppStore((s) => s.createClaimFromSelection);
  const notify = useAppStore((s) => s.notify);
  const textRef = useRef<HTMLDivElement>(null);
  usePendingHighlight(textRef, selection, document?.id, text);

  // Follow the browser's selection: a new range in the text becomes the pending selection;
  // a caret in the text clears it; a selection elsewhere (the capture form) leaves it be.
  useEffect(() => {
    const documentId = document?.id;
    if (!documentId) return;
    const onChange = () => {
      const root = textRef.current;
      if (!root) return;
      const current = window.getSelection();
      const range = selectionWithin(root, current);
      if (range) setSelection({ documentId, ...range });
      else if (selectionTouches(root, current)) setSelection(null);
    };
    window.document.addEventListener('selectionchange', onChange);
    return () => window.document.removeEventListener('selectionchange', onChange);
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

  if (!document) {
    return (
      <main className="reader empty" aria-label="Reader">
        <p>Add a document to this case to start reading and capturing claims.</p>
      </main>
    );
  }

  const onKeyDown = async (event: React.KeyboardEvent) => {
    if (event.key === 'Enter' && selection) {
      event.preventDefault();
      const error = await createClaim('');
      if (error) notify('error', error.message);
    } else if (event.key === 'Escape') {
      window.getSelection()?.removeAllRanges();
      setSelection(null);
    }
  };

  return (
    <main className="reader" aria-label="Reader">
      <header className="reader-header">
        <h2>{document.title}</h2>
        <p className="meta">
          {[document.outlet, document.publishedAt].filter(Boolean).join(' · ')}
          {document.url && (
            <>
              {' · '}
              <a href={document.url} target="_blank" rel="noreferrer noopener">
                {document.url}
              </a>
            </>
          )}
        </p>
      </header>
      <div className="reader-scroll">
        {text === undefined ? (
          <p className="loading">Loading the text…</p>
        ) : (
          <div
            ref={textRef}
            className="reader-text"
            contentEditable
            suppressContentEditableWarning
            spellCheck={false}
            role="textbox"
            aria-multiline="true"
            aria-readonly="true"
            aria-label="Document text"
            onKeyDown={(e) => void onKeyDown(e)}
            onPaste={(e) => e.preventDefault()}
            onCut={(e) => e.preventDefault()}
            onDrop={(e) => e.preventDefault()}
          >
            <HighlightedText
              text={text}
              claims={claims}
              selectedClaimId={selectedClaimId}
              onClaimClick={(id) => void selectClaim(id)}
            />
          </div>
        )}
      </div>
      {selection && selection.documentId === document.id && <CapturePanel selection={selection} />}
    </main>
  );
}
