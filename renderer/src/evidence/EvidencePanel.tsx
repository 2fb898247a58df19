/**
 * The evidence around one claim, seen from both ends of every link, and a form to add
 * more: another claim (found by words or speaker), a URL, or a file. A passage of a
 * document is added from the reader: select it while this claim is selected.
 * Links that set a pair of claims both for and against each other are flagged as they are
 * made and in the list, and a link made again asks what becomes of its note (issue 11).
 */
import { useState } from 'react';
import type { Input } from '../../../shared/contract/channels';
import { LINK_RELATIONS, type LinkRelation } from '../../../shared/domain/enums';
import { RELATION_NAMES } from '../../../shared/domain/linkLabels';
import type { Claim } from '../../../shared/domain/schemas';
import { claimLinks, oppositeLinks, wouldOppose } from '../../../shared/evidence/linkConflicts';
import { claimsSelectors, useAppStore } from '../store';
import { ClaimPicker } from './ClaimPicker';
import { LinkRow } from './LinkRow';
import { RepeatedLinkPrompt, type RepeatAnswer } from './RepeatedLinkPrompt';

type TargetKind = 'claim' | 'url' | 'file';

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

  const pairLinks = claimLinks(around.map((e) => e.link));
  const [opposed, setOpposed] = useState<string | null>(null);
  const [repeated, setRepeated] = useState<Input<'links:create'> | null>(null);

  /** Makes the link; true when it was made (a repeated link first asks what to do). */
  const save = async (input: Input<'links:create'>): Promise<boolean> => {
    const failure = await createLink(input);
    if (failure?.code === 'conflict' && failure.field === 'repeat') {
      setError(null);
      setRepeated(input);
      return false;
    }
    setError(failure?.message ?? null);
    setRepeated(null);
    if (failure) return false;
    setNote('');
    setUrl('');
    setFileName('');
    setLocation('');
    return true;
  };

  /** The warning a claim-to-claim link draws when the pair is already linked the other way. */
  const oppositionOf = (input: Input<'links:create'>): string | null => {
    const { target } = input;
    if (target.kind !== 'claim') return null;
    // Read before the link is made: the links the new one sets itself against.
    const against = wouldOppose(pairLinks, {
      fromClaimId: input.fromClaimId,
      toClaimId: target.claimId,
      relation: input.relation,
    });
    if (against.length === 0) return null;
    const other = around.find((e) => e.other?.claim.id === target.claimId)?.other?.claim.text;
    return `This claim is now linked to “${other ?? 'that claim'}” both as supporting and as contradicting it. Keep the link you mean and remove the other.`;
  };

  const submit = async (input: Input<'links:create'>) => {
    setOpposed(null);
    const opposition = oppositionOf(input);
    if (await save(input)) setOpposed(opposition);
  };

  const add = (target: Input<'links:create'>['target']) =>
    submit({ fromClaimId: claim.id, relation, target, note });

  const answerRepeat = (answer: RepeatAnswer) => {
    if (!repeated || answer === 'cancel') return setRepeated(null);
    void submit({ ...repeated, repeat: answer });
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
          <LinkRow
            key={entry.link.id}
            entry={entry}
            opposite={
              entry.other !== null &&
              oppositeLinks(pairLinks, claim.id, entry.other.claim.id) !== null
            }
          />
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
        {repeated && <RepeatedLinkPrompt onAnswer={answerRepeat} />}
        <p className="link-warning" role="status" aria-live="polite">
          {opposed && `⚠ ${opposed}`}
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
