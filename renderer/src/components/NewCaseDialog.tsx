import { useState } from 'react';
import { useAppStore } from '../store';
import type { ActionError } from '../store/types';
import { FormError } from './FormError';
import { Modal } from './Modal';

export function NewCaseDialog() {
  const createCase = useAppStore((s) => s.createCase);
  const openDialog = useAppStore((s) => s.openDialog);
  const [title, setTitle] = useState('');
  const [question, setQuestion] = useState('');
  const [error, setError] = useState<ActionError>(null);
  const close = () => openDialog(null);

  return (
    <Modal title="New case" onClose={close}>
      <form
        onSubmit={async (e) => {
          e.preventDefault();
          const failure = await createCase(title, question);
          if (failure) setError(failure);
          else close();
        }}
      >
        <label className="field">
          <span className="label">Title</span>
          <input value={title} autoFocus required onChange={(e) => setTitle(e.target.value)} />
        </label>
        <label className="field">
          <span className="label">Question (optional)</span>
          <input
            value={question}
            placeholder="Will Russia intervene militarily in Venezuela?"
            onChange={(e) => setQuestion(e.target.value)}
          />
        </label>
        <FormError error={error} />
        <div className="actions">
          <button type="button" onClick={close}>
            Cancel
          </button>
          <button type="submit" className="primary">
            Create case
          </button>
        </div>
      </form>
    </Modal>
  );
}
