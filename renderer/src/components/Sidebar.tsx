/** The case switcher and the open case's documents. */
import { casesSelectors, documentsSelectors, useAppStore } from '../store';

export function Sidebar() {
  const cases = useAppStore(casesSelectors.cases);
  const activeCase = useAppStore(casesSelectors.activeCase);
  const documents = useAppStore(documentsSelectors.documents);
  const activeDocumentId = useAppStore(documentsSelectors.activeDocumentId);
  const openCase = useAppStore((s) => s.openCase);
  const openDocument = useAppStore((s) => s.openDocument);
  const openDialog = useAppStore((s) => s.openDialog);

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
          {documents.map((d) => (
            <li key={d.id}>
              <button
                type="button"
                className={d.id === activeDocumentId ? 'doc active' : 'doc'}
                aria-current={d.id === activeDocumentId ? 'page' : undefined}
                onClick={() => void openDocument(d.id)}
              >
                <span className="doc-title">{d.title}</span>
                {d.outlet && <span className="doc-outlet">{d.outlet}</span>}
              </button>
            </li>
          ))}
        </ul>
        <button type="button" disabled={!activeCase} onClick={() => openDialog('addDocument')}>
          Add document
        </button>
      </section>
    </nav>
  );
}
