/** The open document's title and source, its versions, and how highlights are coloured. */
import type { ClaimDocument } from '../../../shared/domain/schemas';
import { CLAIM_KIND_LABELS, CLAIM_STATUS_LABELS } from '../../../shared/domain/labels';
import { filterSelectors, suggestionsSelectors, useAppStore } from '../store';
import type { ColorBy } from '../store/filterSlice';

export function ReaderHeader({
  document,
  versions,
}: {
  document: ClaimDocument;
  versions: ClaimDocument[];
}) {
  const colorBy = useAppStore(filterSelectors.colorBy);
  const setColorBy = useAppStore((s) => s.setColorBy);
  const openDocument = useAppStore((s) => s.openDocument);
  const legend = colorBy === 'kind' ? CLAIM_KIND_LABELS : CLAIM_STATUS_LABELS;
  const suggesting = useAppStore(suggestionsSelectors.shown);
  const showSuggestions = useAppStore((s) => s.showSuggestions);
  const hideSuggestions = useAppStore((s) => s.hideSuggestions);
  return (
    <header className="reader-header">
      <h2>{document.title}</h2>
      <p className="meta">
        {[document.outlet, document.author, document.publishedAt].filter(Boolean).join(' · ')}
        {document.url && (
          <>
            {' · '}
            <a href={document.url} target="_blank" rel="noreferrer noopener">
              {document.url}
            </a>
          </>
        )}
      </p>
      <div className="reader-tools">
        <button
          type="button"
          aria-pressed={suggesting}
          title="Let Claimdesk read the document and suggest the claims in it"
          onClick={() => (suggesting ? hideSuggestions() : void showSuggestions(document.id))}
        >
          {suggesting ? 'Hide suggestions' : 'Suggest claims'}
        </button>
        {versions.length > 1 && (
          <label className="inline">
            <span className="label">Version</span>
            <select value={document.id} onChange={(e) => void openDocument(e.target.value)}>
              {versions.map((v, i) => (
                <option key={v.id} value={v.id}>
                  {i + 1} of {versions.length} · {v.createdAt.slice(0, 10)}
                  {i === versions.length - 1 ? ' (latest)' : ''}
                </option>
              ))}
            </select>
          </label>
        )}
        <label className="inline">
          <span className="label">Colour by</span>
          <select value={colorBy} onChange={(e) => setColorBy(e.target.value as ColorBy)}>
            <option value="kind">Kind</option>
            <option value="status">Status</option>
          </select>
        </label>
        <ul className="legend" aria-label="Legend">
          {Object.entries(legend).map(([code, label]) => (
            <li key={code} className={`swatch ${colorBy}-${code}`}>
              {label}
            </li>
          ))}
        </ul>
      </div>
    </header>
  );
}
