/** Adds a document by pasting its text, with optional source details. */
import { useState } from 'react';
import { useAppStore } from '../store';
import type { ActionError } from '../store/types';
import { DocumentMetaFields, today, type DocumentMeta } from './DocumentMetaFields';
import { FormError } from './FormError';
import { Modal } from './Modal';

export function AddDocumentDialog() {
  const createDocument = useAppStore((s) => s.createDocument);
  const openDialog = useAppStore((s) => s.openDialog);
  const [meta, setMeta] = useState<DocumentMeta>({
    title: '',
    outlet: '',
    author: '',
    url: '',
    publishedAt: '',
    retrievedAt: today(),
  });
  const [text, setText] = useState('');
  const [error, setError] = useState<ActionError>(null);
  const [busy, setBusy] = useState(false);
  const close = () => openDialog(null);

  return (
    <Modal title="Add document" onClose={close}>
      <form
        className="document-form"
        onSubmit={async (e) => {
          e.preventDefault();
          setBusy(true);
          const failure = await createDocument({ ...meta, text, format: 'paste' });
          setBusy(false);
          if (failure) setError(failure);
          else close();
        }}
      >
        <DocumentMetaFields meta={meta} onChange={(c) => setMeta((m) => ({ ...m, ...c }))} />
        <label className="field">
          <span className="label">Text</span>
          <textarea
            value={text}
            rows={10}
            placeholder="Paste the article's text here"
            onChange={(e) => setText(e.target.value)}
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
