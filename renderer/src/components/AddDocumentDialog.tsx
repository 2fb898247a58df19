/** Adds a document by pasting its text, with optional source details. */
import { useState } from 'react';
import { useAppStore } from '../store';
import type { NewDocument } from '../store/documentsSlice';
import type { ActionError } from '../store/types';
import { FormError } from './FormError';
import { Modal } from './Modal';

const EMPTY: Required<NewDocument> = { title: '', outlet: '', url: '', publishedAt: '', text: '' };

export function AddDocumentDialog() {
  const createDocument = useAppStore((s) => s.createDocument);
  const openDialog = useAppStore((s) => s.openDialog);
  const [fields, setFields] = useState(EMPTY);
  const [error, setError] = useState<ActionError>(null);
  const [busy, setBusy] = useState(false);
  const close = () => openDialog(null);
  const set = (key: keyof NewDocument) => (e: { target: { value: string } }) =>
    setFields((f) => ({ ...f, [key]: e.target.value }));

  return (
    <Modal title="Add document" onClose={close}>
      <form
        className="document-form"
        onSubmit={async (e) => {
          e.preventDefault();
          setBusy(true);
          const failure = await createDocument(fields);
          setBusy(false);
          if (failure) setError(failure);
          else close();
        }}
      >
        <label className="field">
          <span className="label">Title</span>
          <input value={fields.title} autoFocus onChange={set('title')} />
        </label>
        <div className="field-row">
          <label className="field">
            <span className="label">Outlet (optional)</span>
            <input value={fields.outlet} onChange={set('outlet')} />
          </label>
          <label className="field">
            <span className="label">Published (optional)</span>
            <input type="date" value={fields.publishedAt} onChange={set('publishedAt')} />
          </label>
        </div>
        <label className="field">
          <span className="label">URL (optional)</span>
          <input type="url" value={fields.url} onChange={set('url')} placeholder="https://" />
        </label>
        <label className="field">
          <span className="label">Text</span>
          <textarea
            value={fields.text}
            rows={12}
            placeholder="Paste the article's text here"
            onChange={set('text')}
          />
        </label>
        <FormError error={error} />
        <div className="actions">
          <button type="button" onClick={close}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={busy}>
            Add document
          </button>
        </div>
      </form>
    </Modal>
  );
}
