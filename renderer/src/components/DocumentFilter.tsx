/**
 * The list's document filter. A case of a few hundred documents offers them in a select; a
 * larger one (a year of reporting holds thousands) a search by title, answered by the
 * backend, since listing every title would cost more than it helps.
 */
import { useEffect, useState } from 'react';
import type { DocumentRow } from '../../../shared/contract/channels';
import { documentsSelectors, useAppStore } from '../store';
import { useCombobox } from './useCombobox';

/** Up to this many documents, a select lists them all. */
const SELECT_UP_TO = 200;

interface Props {
  documentId: string | null;
  onChange: (documentId: string | null) => void;
}

export function DocumentFilter({ documentId, onChange }: Props) {
  const documentList = useAppStore(documentsSelectors.documentList);
  const caseId = useAppStore((s) => s.activeCaseId);
  const findDocuments = useAppStore((s) => s.findDocuments);
  const [rows, setRows] = useState<DocumentRow[]>([]);
  const [chosenTitle, setChosenTitle] = useState('');
  const many = documentList.total > SELECT_UP_TO;
  const combo = useCombobox({ label: 'Filter by document' });
  const query = combo.query;

  // The options: every document of a small case, or the titles matching what is typed.
  useEffect(() => {
    if (!caseId) return;
    let current = true;
    void findDocuments(many ? query : '', many ? 10 : SELECT_UP_TO).then((found) => {
      if (current) setRows(found);
    });
    return () => {
      current = false;
    };
  }, [caseId, findDocuments, many, query, documentList.generation]);

  if (!many) {
    return (
      <select
        aria-label="Filter by document"
        value={documentId ?? ''}
        onChange={(e) => onChange(e.target.value === '' ? null : e.target.value)}
      >
        <option value="">Any document</option>
        {rows.map(({ document: d }) => (
          <option key={d.id} value={d.id}>
            {d.title}
          </option>
        ))}
      </select>
    );
  }
  const choose = (index: number) => {
    const row = rows[index];
    if (!row) return;
    setChosenTitle(row.document.title);
    onChange(row.document.id);
    combo.reset();
  };
  return (
    <div className="picker document-filter">
      {documentId ? (
        <button
          type="button"
          className="chip"
          onClick={() => onChange(null)}
          aria-label={`Document: ${chosenTitle}. Remove this filter`}
        >
          {chosenTitle || 'One document'} ✕
        </button>
      ) : (
        <input
          placeholder="Any document (type a title)"
          {...combo.inputProps(rows.length, choose)}
        />
      )}
      {combo.open && !documentId && rows.length > 0 && (
        <ul className="picker-list" {...combo.listProps}>
          {rows.map(({ document: d }, i) => (
            <li key={d.id} {...combo.optionProps(i, choose)}>
              {d.title}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
