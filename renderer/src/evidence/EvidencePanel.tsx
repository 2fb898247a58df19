/**
 * The evidence around one claim, seen from both ends of every link, and a form to add
 * more: another claim (found by words or speaker), a URL, or a file. A passage of a
 * document is added from the reader: select it while this claim is selected.
 */
import { useState } from 'react';
import { LINK_LABELS, RELATION_NAMES } from '../../../shared/domain/linkLabels';
import type { ClaimEvidence } from '../../../shared/contract/channels';
import { LINK_RELATIONS, type LinkRelation } from '../../../shared/domain/enums';
import type { Claim } from '../../../shared/domain/schemas';
import { claimsSelectors, useAppStore } from '../store';
import { ClaimPicker } from './ClaimPicker';

type TargetKind = 'claim' | 'url' | 'file';

function LinkRow({ entry }: { entry: ClaimEvidence['links'][number] }) {
  const { link } = entry;
  const selectClaim = useAppStore((s) => s.selectClaim);
  const deleteLink = useAppStore((s) => s.deleteLink);
  const notify = useAppStore((s) => s.notify);
  const outgoing = entry.end === 'from';
  // A passage, page or file is evidence *for* the claim: read from the claim, it supports it.
  const label =
    outgoing && link.target.kind === 'claim'
      ? LINK_LABELS[link.relation].from
      : LINK_LABELS[link.relation].to;
  const t = link.target;
  const otherClaim = entry.other?.claim;
  let target: React.ReactNode;
  if (otherClaim) {
    target = (
      <button type="button" className="link" onClick={() => void selectClaim(otherClaim.id, true)}>
        {otherClaim.text}
      </button>
    );
  } else if (t.kind === 'span') {
    target = (
      <span>
        <q>{t.anchor.exact}</q>{' '}
        <span className="muted">({entry.document?.title ?? 'document'})</span>
      </span>
    );
  } else if (t.kind === 'url') {
    target = (
      <a href={t.url} target="_blank" rel="noreferrer noopener">
        {t.url}
      </a>
    );
  } else if (t.kind === 'file') {
    target = (
      <span>
        {t.name} {t.location && <span className="muted">({t.location})</span>}
      </span>
    );
  }
  return (
    <li className={`evidence-row ${link.relation}`}>
      <span className="relation">{label}</span> {target}
      {link.note && <p className="muted note">{link.note}</p>}
      <button
        type="button"
        className="link danger"
        aria-label={`Remove link: ${label}`}
        onClick={async () => {
          const failure = await deleteLink(link.id);
          if (failure) notify('error', failure.message);
        }}
      >
        Remove
      </button>
    </li>
  );
}

export function EvidencePanel({ claim }: { claim: Claim }) {
  const evidence = useAppStore(claimsSelectors.evidence);
  const createLink = useAppStore((s) => s.createLink);
  const showGraph = useAppStore((s) => s.showGraph);
  const [relation, setRelation] = useState<LinkRelation>('supports');
  const [kind, setKind] = useState<TargetKind>('claim');
  const [url, setUrl] = useState('');
  const [fileName, setFileName] = useState('');
  const [location, setLocation] = useState('');
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const around = evidence?.links ?? [];

  const add = async (target: Parameters<typeof createLink>[0]['target']) => {
    const failure = await createLink({ fromClaimId: claim.id, relation, target, note });
    setError(failure?.message ?? null);
    if (!failure) {
      setNote('');
      setUrl('');
      setFileName('');
      setLocation('');
    }
  };

  return (
    <section className="evidence" aria-label="Evidence">
      <div className="evidence-head">
        <h3>Evidence</h3>
        <button
          type="button"
          className="link"
          onClick={() => showGraph({ kind: 'claim', id: claim.id })}
        >
          Show graph
        </button>
      </div>
      {evidence && around.length === 0 && <p className="muted">No evidence linked yet.</p>}
      <ul className="evidence-list">
        {around.map((entry) => (
          <LinkRow key={entry.link.id} entry={entry} />
        ))}
      </ul>
      <form
        className="evidence-form"
        aria-label="Add evidence"
        onSubmit={(e) => {
          e.preventDefault();
          if (kind === 'url') void add({ kind: 'url', url: url.trim() });
          if (kind === 'file')
            void add({ kind: 'file', name: fileName.trim(), location: location.trim() });
        }}
      >
        <div className="field-row two">
          <label className="field">
            <span className="label">{kind === 'claim' ? 'This claim…' : 'The evidence…'}</span>
            <select value={relation} onChange={(e) => setRelation(e.target.value as LinkRelation)}>
              {LINK_RELATIONS.filter((r) => kind === 'claim' || r !== 'same_claim').map((r) => (
                <option key={r} value={r}>
                  {RELATION_NAMES[r]}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span className="label">
              {kind === 'claim' ? '…the claim picked below' : 'Evidence'}
            </span>
            <select
              aria-label="Evidence"
              value={kind}
              onChange={(e) => {
                const next = e.target.value as TargetKind;
                setKind(next);
                if (next !== 'claim' && relation === 'same_claim') setRelation('supports');
              }}
            >
              <option value="claim">Another claim</option>
              <option value="url">A web page</option>
              <option value="file">A file</option>
            </select>
          </label>
        </div>
        <label className="field">
          <span className="label">Note (optional)</span>
          <input value={note} onChange={(e) => setNote(e.target.value)} />
        </label>
        {kind === 'claim' && (
          <ClaimPicker
            label="Evidence claim"
            exclude={[claim.id]}
            onPick={(target) => void add({ kind: 'claim', claimId: target.id })}
          />
        )}
        {kind === 'url' && (
          <label className="field">
            <span className="label">URL</span>
            <input
              type="url"
              value={url}
              placeholder="https://"
              onChange={(e) => setUrl(e.target.value)}
            />
          </label>
        )}
        {kind === 'file' && (
          <div className="field-row two">
            <label className="field">
              <span className="label">File name</span>
              <input value={fileName} onChange={(e) => setFileName(e.target.value)} />
            </label>
            <label className="field">
              <span className="label">Where it is kept (optional)</span>
              <input value={location} onChange={(e) => setLocation(e.target.value)} />
            </label>
          </div>
        )}
        {kind !== 'claim' && (
          <div className="actions">
            <button type="submit">Add evidence</button>
          </div>
        )}
        <p className="muted hint-small">
          To add a passage of a document, select it in the reader while this claim is selected.
        </p>
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
      </form>
    </section>
  );
}
