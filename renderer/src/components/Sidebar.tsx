/** The case switcher, the open case's documents, and its people and outlets. */
import { useRef } from 'react';
import { casesSelectors, documentsSelectors, useAppStore } from '../store';
import { latest } from '../store/documentsSlice';
import { CaseDataSection } from './CaseDataSection';
import { PeopleList } from './PeopleList';

const ACCEPT = '.txt,.md,.markdown,.html,.htm,.pdf,.docx';

export function Sidebar() {
  const cases = useAppStore(casesSelectors.cases);
  const activeCase = useAppStore(casesSelectors.activeCase);
  const documents = useAppStore(documentsSelectors.documents);
  const activeDocumentId = useAppStore(documentsSelectors.activeDocumentId);
  const openCase = useAppStore((s) => s.openCase);
  const openDocument = useAppStore((s) => s.openDocument);
  const openDialog = useAppStore((s) => s.openDialog);
  const importFiles = useAppStore((s) => s.importFiles);
  const fileInput = useRef<HTMLInputElement>(null);
  const shown = latest(documents);
  const activeLineage = (id: string) =>
    id === activeDocumentId ||
    documents.some((d) => d.id === activeDocumentId && d.previousVersionId === id);

  return (
    <nav className="sidebar" aria-label="Cases and documents">
      <div className="brand">Claimdesk</div>
      <section>
        <label className="field">
          <span className="label">Case</span>
          <select
            value={activeCase?.id ?? ''}
            onChange={(e) => void openCase(e.target.value)}
            disabled={cases.length === 0}
          >
            {cases.length === 0 && <option value="">No cases yet</option>}
            {cases.map((c) => (
              <option key={c.id} value={c.id}>
                {c.title}
              </option>
            ))}
          </select>
        </label>
        {activeCase?.question && <p className="case-question">{activeCase.question}</p>}
        <button type="button" onClick={() => openDialog('newCase')}>
          New case
        </button>
      </section>
      <section className="documents">
        <h2>Documents</h2>
        <ul>
          {shown.map((d) => (
            <li key={d.id}>
              <button
                type="button"
                className={d.id === activeDocumentId || activeLineage(d.id) ? 'doc active' : 'doc'}
                aria-current={d.id === activeDocumentId ? 'page' : undefined}
                onClick={() => void openDocument(d.id)}
              >
                <span className="doc-title">{d.title}</span>
                {(d.outlet || d.previousVersionId) && (
                  <span className="doc-outlet">
                    {[d.outlet, d.previousVersionId ? 'new version' : '']
                      .filter(Boolean)
                      .join(' · ')}
                  </span>
                )}
              </button>
            </li>
          ))}
        </ul>
        <div className="actions start">
          <button type="button" disabled={!activeCase} onClick={() => openDialog('addDocument')}>
            Paste text
          </button>
          <button type="button" disabled={!activeCase} onClick={() => fileInput.current?.click()}>
            Import files…
          </button>
        </div>
        <input
          ref={fileInput}
          type="file"
          multiple
          hidden
          accept={ACCEPT}
          aria-label="Import files"
          onChange={(e) => {
            const files = [...(e.target.files ?? [])];
            e.target.value = '';
            if (files.length > 0) void importFiles(files);
          }}
        />
      </section>
      <PeopleList />
      <CaseDataSection />
    </nav>
  );
}
