/** The case switcher, the open case's documents, and its people and outlets. */
import { useRef } from 'react';
import { casesSelectors, documentsSelectors, useAppStore } from '../store';
import { CaseDataSection } from './CaseDataSection';
import { DocumentRows } from './DocumentRows';
import { PeopleList } from './PeopleList';

const ACCEPT = '.txt,.md,.markdown,.html,.htm,.pdf,.docx';
/** From this many documents on, the sidebar offers a search by title. */
const SEARCH_FROM = 20;

export function Sidebar() {
  const cases = useAppStore(casesSelectors.cases);
  const activeCase = useAppStore(casesSelectors.activeCase);
  const documentList = useAppStore(documentsSelectors.documentList);
  const openCase = useAppStore((s) => s.openCase);
  const openDialog = useAppStore((s) => s.openDialog);
  const importFiles = useAppStore((s) => s.importFiles);
  const loadDocuments = useAppStore((s) => s.loadDocuments);
  const fileInput = useRef<HTMLInputElement>(null);
  const searching = documentList.query !== '' || (activeCase?.documentCount ?? 0) >= SEARCH_FROM;

  return (
    <nav className="sidebar" aria-label="Cases and documents">
      {/* The page's one level-one heading (issue 12, axe: page-has-heading-one). */}
      <h1 className="brand">Claimdesk</h1>
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
        <h2>Documents {activeCase && <span className="count">{activeCase.documentCount}</span>}</h2>
        {searching && (
          <input
            type="search"
            aria-label="Find a document by title"
            placeholder="Find a document by title"
            value={documentList.query}
            onChange={(e) => void loadDocuments(e.target.value)}
          />
        )}
        <DocumentRows />
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
