/**
 * A speaker page: who the person or organisation is, the names they go by, and everything
 * they said or carried, across documents and cases, on a timeline by the date said.
 */
import { useState } from 'react';
import type { ClaimInContext, EntityProfile } from '../../../shared/contract/channels';
import { ENTITY_KINDS, type EntityKind } from '../../../shared/domain/enums';
import { CLAIM_KIND_LABELS, ENTITY_KIND_LABELS } from '../../../shared/domain/labels';
import { useAppStore } from '../store';
import { ReliabilitySelect } from '../evidence/GradeSelect';
import { reliabilityInfo, type Reliability } from '../../../shared/grading/scales';
import { EntityPicker } from './EntityPicker';
import { FormError } from './FormError';
import type { ActionError } from '../store/types';

const dateOf = ({ claim }: ClaimInContext) =>
  claim.attribution.saidOn || claim.attribution.reportedOn || '';

const ROLE_LABELS = { speaker: 'said', intermediary: 'carried', outlet: 'published' } as const;

function EntityForm({ profile, onDone }: { profile: EntityProfile; onDone: () => void }) {
  const updateEntity = useAppStore((s) => s.updateEntity);
  const { entity } = profile;
  const [name, setName] = useState(entity.name);
  const [kind, setKind] = useState<EntityKind>(entity.kind);
  const [aliases, setAliases] = useState(entity.aliases.join(', '));
  const [role, setRole] = useState(entity.role);
  const [affiliation, setAffiliation] = useState(entity.affiliation);
  const [reliability, setReliability] = useState<Reliability>(entity.reliability);
  const [error, setError] = useState<ActionError>(null);
  return (
    <form
      className="entity-form"
      aria-label="Edit person or organisation"
      onSubmit={async (e) => {
        e.preventDefault();
        const failure = await updateEntity({
          entityId: entity.id,
          name,
          kind,
          role,
          affiliation,
          reliability,
          aliases: aliases
            .split(',')
            .map((a) => a.trim())
            .filter(Boolean),
        });
        if (failure) setError(failure);
        else onDone();
      }}
    >
      <div className="field-row two">
        <label className="field">
          <span className="label">Name</span>
          <input value={name} onChange={(e) => setName(e.target.value)} />
        </label>
        <label className="field">
          <span className="label">Kind</span>
          <select value={kind} onChange={(e) => setKind(e.target.value as EntityKind)}>
            {ENTITY_KINDS.map((k) => (
              <option key={k} value={k}>
                {ENTITY_KIND_LABELS[k]}
              </option>
            ))}
          </select>
        </label>
      </div>
      <label className="field">
        <span className="label">Also known as (comma-separated)</span>
        <input value={aliases} onChange={(e) => setAliases(e.target.value)} />
      </label>
      <div className="field-row two">
        <label className="field">
          <span className="label">Role</span>
          <input value={role} onChange={(e) => setRole(e.target.value)} />
        </label>
        <label className="field">
          <span className="label">Affiliation</span>
          <input value={affiliation} onChange={(e) => setAffiliation(e.target.value)} />
        </label>
      </div>
      <ReliabilitySelect
        label="Source reliability (default for everything it says or carries)"
        value={reliability}
        onChange={(grade) => setReliability(grade ?? 'F')}
      />
      <FormError error={error} />
      <div className="actions">
        <button type="button" onClick={onDone}>
          Cancel
        </button>
        <button type="submit" className="primary">
          Save
        </button>
      </div>
    </form>
  );
}

export function EntityPage({ profile }: { profile: EntityProfile }) {
  const closeProfile = useAppStore((s) => s.closeProfile);
  const mergeEntities = useAppStore((s) => s.mergeEntities);
  const openCase = useAppStore((s) => s.openCase);
  const selectClaim = useAppStore((s) => s.selectClaim);
  const activeCaseId = useAppStore((s) => s.activeCaseId);
  const notify = useAppStore((s) => s.notify);
  const [editing, setEditing] = useState(false);
  const { entity, claims } = profile;

  const open = async ({ claim }: ClaimInContext) => {
    if (claim.caseId !== activeCaseId) await openCase(claim.caseId);
    await selectClaim(claim.id, true);
  };

  return (
    <main className="entity-page" aria-label={`${entity.name}: speaker page`}>
      <header className="entity-header">
        <button type="button" onClick={closeProfile}>
          ← Back to the case
        </button>
        <h2>{entity.name}</h2>
        <p className="meta">
          {[ENTITY_KIND_LABELS[entity.kind], entity.role, entity.affiliation]
            .filter(Boolean)
            .join(' · ')}
        </p>
        {entity.aliases.length > 0 && (
          <p className="meta">Also known as: {entity.aliases.join(', ')}</p>
        )}
        <p className="meta">
          Source reliability: <strong>{entity.reliability}</strong> —{' '}
          {reliabilityInfo(entity.reliability).label}
        </p>
        {!editing && (
          <div className="actions start">
            <button type="button" onClick={() => setEditing(true)}>
              Edit
            </button>
            <div className="merge">
              <EntityPicker
                label="Merge a duplicate into this one"
                placeholder="Merge a duplicate into this one…"
                newKind={entity.kind}
                allowCreate={false}
                exclude={[entity.id]}
                onPick={async (dup) => {
                  const failure = await mergeEntities(entity.id, dup.id);
                  notify(
                    failure ? 'error' : 'info',
                    failure?.message ?? `Merged ${dup.name} into ${entity.name}.`,
                  );
                }}
              />
            </div>
          </div>
        )}
        {editing && <EntityForm profile={profile} onDone={() => setEditing(false)} />}
      </header>
      <section className="timeline" aria-label="Timeline">
        <h2>
          Timeline <span className="count">{claims.length}</span>
        </h2>
        {claims.length === 0 && <p className="hint">No claims name {entity.name} yet.</p>}
        <ol>
          {claims.map((item) => (
            <li key={item.claim.id} className="timeline-item">
              <time>{dateOf(item) || 'undated'}</time>
              <div>
                <button type="button" className="link claim-link" onClick={() => void open(item)}>
                  {item.claim.text}
                </button>
                <p className="muted">
                  {ROLE_LABELS[item.role]} · {CLAIM_KIND_LABELS[item.claim.kind]}
                  {item.claim.attribution.cue && ` · “${item.claim.attribution.cue}”`} ·{' '}
                  {item.documentTitle}
                  {item.caseTitle && ` · ${item.caseTitle}`}
                </p>
                <q className="claim-quote">{item.claim.anchor.exact}</q>
              </div>
            </li>
          ))}
        </ol>
      </section>
    </main>
  );
}
