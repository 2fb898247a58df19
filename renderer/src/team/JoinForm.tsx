/**
 * Joins a case of a team database: the cases this login is a member of are listed (the
 * database itself decides which), and a joined one comes to this desk and opens.
 */
import { useState } from 'react';
import type { TeamAvailableCase } from '../../../shared/contract/channels';
import { FormError } from '../components/FormError';
import { useAppStore } from '../store';
import type { ActionError } from '../store/types';
import { ConnectionField } from './ConnectionField';

export function JoinForm() {
  const listTeamCases = useAppStore((s) => s.listTeamCases);
  const joinCase = useAppStore((s) => s.joinCase);
  const openCase = useAppStore((s) => s.openCase);
  const openDialog = useAppStore((s) => s.openDialog);
  const [connection, setConnection] = useState('');
  const [cases, setCases] = useState<TeamAvailableCase[] | null>(null);
  const [error, setError] = useState<ActionError>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [caseIdGiven, setCaseIdGiven] = useState('');

  const list = async () => {
    setBusy('list');
    const result = await listTeamCases(connection);
    setBusy(null);
    setError(result.ok ? null : result.error);
    setCases(result.ok ? result.value : null);
  };

  const join = async (caseId: string) => {
    setBusy(caseId);
    const failure = await joinCase(caseId, connection);
    setBusy(null);
    if (failure) return setError(failure);
    openDialog(null);
  };

  return (
    <form
      className="team-section"
      aria-labelledby="team-join-title"
      onSubmit={(e) => {
        e.preventDefault();
        void list();
      }}
    >
      <h3 id="team-join-title">Join a case from a team database</h3>
      <ConnectionField value={connection} onChange={setConnection} />
      <div className="actions">
        <button type="submit" disabled={busy !== null}>
          {busy === 'list' ? 'Listing…' : 'List cases'}
        </button>
      </div>
      {/* An owner may give the id before adding the analyst: the database then says why not. */}
      <div className="field-row join-by-id">
        <label className="field">
          <span className="label">Or a case id you were given</span>
          <input value={caseIdGiven} onChange={(e) => setCaseIdGiven(e.target.value)} />
        </label>
        <button
          type="button"
          disabled={busy !== null || caseIdGiven.trim() === ''}
          onClick={() => void join(caseIdGiven.trim())}
        >
          Join by id
        </button>
      </div>
      <FormError error={error} />
      {cases && cases.length === 0 && (
        <p className="muted">This login is a member of no case in that database yet.</p>
      )}
      {cases && cases.length > 0 && (
        <table className="team-table" aria-label="Cases in the team database">
          <thead>
            <tr>
              <th scope="col">Case</th>
              <th scope="col">Your role</th>
              <th scope="col">
                <span className="sr-only">Action</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {cases.map((c) => (
              <tr key={c.caseId}>
                <td>{c.title}</td>
                <td>{c.role}</td>
                <td>
                  {c.joined ? (
                    <button
                      type="button"
                      aria-label={`Open ${c.title}`}
                      onClick={() => {
                        void openCase(c.caseId);
                        openDialog(null);
                      }}
                    >
                      Open
                    </button>
                  ) : (
                    <button
                      type="button"
                      className="primary"
                      aria-label={`Join ${c.title}`}
                      disabled={busy !== null}
                      onClick={() => void join(c.caseId)}
                    >
                      {busy === c.caseId ? 'Joining…' : 'Join'}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </form>
  );
}
