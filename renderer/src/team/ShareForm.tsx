/** Shares the case on screen to a team database; the analyst becomes its owner there. */
import { useState } from 'react';
import { FormError } from '../components/FormError';
import { useAppStore } from '../store';
import type { ActionError } from '../store/types';
import { ConnectionField } from './ConnectionField';

export function ShareForm({ caseId }: { caseId: string }) {
  const shareCase = useAppStore((s) => s.shareCase);
  const [connection, setConnection] = useState('');
  const [error, setError] = useState<ActionError>(null);
  const [busy, setBusy] = useState(false);

  return (
    <form
      className="team-section"
      aria-labelledby="team-share-title"
      onSubmit={async (e) => {
        e.preventDefault();
        setBusy(true);
        setError(await shareCase(caseId, connection));
        setBusy(false);
      }}
    >
      <h3 id="team-share-title">Share this case</h3>
      <ConnectionField value={connection} onChange={setConnection} />
      <FormError error={error} />
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>
          {busy ? 'Sharing…' : 'Share'}
        </button>
      </div>
    </form>
  );
}
