/**
 * The sidebar's documents, virtual: a case may hold thousands (issue 9: "the sidebar is
 * virtual too"), so only the rows in view are in the page, and their pages are asked for as
 * the list scrolls. Each shows the newest version of a document.
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef } from 'react';
import { documentsSelectors, useAppStore } from '../store';
import { DOCUMENT_PAGE } from '../store/documentsSlice';

const ROW_HEIGHT = 68;

export function DocumentRows() {
  const list = useAppStore(documentsSelectors.documentList);
  const activeDocumentId = useAppStore(documentsSelectors.activeDocumentId);
  const openDoc = useAppStore(documentsSelectors.openDoc);
  const openDocument = useAppStore((s) => s.openDocument);
  const showDocumentPages = useAppStore((s) => s.showDocumentPages);
  const scrollRef = useRef<HTMLDivElement>(null);
  // The open document's lineage: its newest version is the row that stands for it.
  const lineage = new Set(openDoc?.versions.map((v) => v.id) ?? []);

  // eslint-disable-next-line react-hooks/incompatible-library -- no React Compiler here
  const virtualizer = useVirtualizer({
    count: list.total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items.at(-1)?.index ?? 0;
  useEffect(() => {
    const pages: number[] = [];
    for (let p = Math.floor(first / DOCUMENT_PAGE); p <= Math.floor(last / DOCUMENT_PAGE); p++) {
      pages.push(p);
    }
    showDocumentPages(pages);
  }, [first, last, list.generation, showDocumentPages]);

  return (
    <div className="document-scroll" ref={scrollRef}>
      <ul style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {items.map((item) => {
          const row =
            list.rows[Math.floor(item.index / DOCUMENT_PAGE)]?.[item.index % DOCUMENT_PAGE];
          const style = { transform: `translateY(${item.start}px)`, height: ROW_HEIGHT };
          if (!row) {
            return (
              <li key={item.key} className="virtual-row" style={style} aria-busy="true">
                <span className="muted">Loading…</span>
              </li>
            );
          }
          const d = row.document;
          const active = d.id === activeDocumentId || lineage.has(d.id);
          return (
            <li key={d.id} className="virtual-row" style={style}>
              <button
                type="button"
                className={active ? 'doc active' : 'doc'}
                aria-current={d.id === activeDocumentId ? 'page' : undefined}
                onClick={() => void openDocument(d.id)}
              >
                <span className="doc-title">{d.title}</span>
                {(d.outlet || d.previousVersionId || row.textMissing) && (
                  <span className="doc-outlet">
                    {[
                      d.outlet,
                      d.previousVersionId ? 'new version' : '',
                      row.textMissing ? 'text missing' : '',
                    ]
                      .filter(Boolean)
                      .join(' · ')}
                  </span>
                )}
              </button>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
