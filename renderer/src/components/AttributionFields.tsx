/**
 * Who said it and how it reached us: speaker, the chain of intermediaries, the cue, and the
 * dates said and reported. The chain ends at the document's outlet, shown for context.
 */
import { useRef } from 'react';
import type { ProposedEntity } from '../../../shared/contract/channels';
import { COMMON_CUES, ENTITY_KIND_LABELS } from '../../../shared/domain/labels';
import { useAppStore } from '../store';
import type { ClaimDraft } from './claimDraft';
import { EntityPicker } from './EntityPicker';

interface Props {
  draft: ClaimDraft;
  onChange: (change: Partial<ClaimDraft>) => void;
  documentOutlet: string;
}

interface ChipProps {
  id: string;
  onRemove: () => void;
  label: string;
  /** Someone a suggestion would add with the claim (issue 13). */
  proposed?: ProposedEntity | undefined;
}

function EntityChip({ id, onRemove, label, proposed }: ChipProps) {
  const known = useAppStore((s) => s.entities.find((e) => e.id === id)?.name);
  const name = known ?? proposed?.name ?? 'Unknown';
  return (
    <span className={proposed ? 'chip proposed' : 'chip'}>
      {name}
      {proposed && (
        <span className="chip-new">new {ENTITY_KIND_LABELS[proposed.kind].toLowerCase()}</span>
      )}
      <button type="button" aria-label={`${label} ${name}`} onClick={onRemove}>
        ×
      </button>
    </span>
  );
}

export function AttributionFields({ draft, onChange, documentOutlet }: Props) {
  // The speaker field becomes a chip once chosen; keep the keyboard in the form.
  const cueRef = useRef<HTMLInputElement>(null);
  return (
    <>
      <div className="field-row two">
        <div className="field">
          <span className="label">Speaker</span>
          {draft.speakerId ? (
            <div className="chips-input">
              <EntityChip
                id={draft.speakerId}
                label="Remove speaker"
                onRemove={() => onChange({ speakerId: null })}
                proposed={draft.proposed?.[draft.speakerId]}
              />
            </div>
          ) : (
            <EntityPicker
              label="Speaker"
              newKind="person"
              placeholder="Who said it?"
              exclude={draft.via}
              onPick={(e) => {
                onChange({ speakerId: e.id });
                requestAnimationFrame(() => cueRef.current?.focus());
              }}
            />
          )}
        </div>
        <label className="field">
          <span className="label">Cue</span>
          <input
            ref={cueRef}
            list="claimdesk-cues"
            value={draft.cue}
            placeholder="said, told, according to"
            onChange={(e) => onChange({ cue: e.target.value })}
          />
          <datalist id="claimdesk-cues">
            {COMMON_CUES.map((c) => (
              <option key={c} value={c} />
            ))}
          </datalist>
        </label>
      </div>
      <div className="field">
        <span className="label">Via (intermediaries, nearest the speaker first)</span>
        <div className="chain">
          {draft.via.map((id) => (
            <EntityChip
              key={id}
              id={id}
              label="Remove intermediary"
              onRemove={() => onChange({ via: draft.via.filter((v) => v !== id) })}
              proposed={draft.proposed?.[id]}
            />
          ))}
          <EntityPicker
            label="Via"
            newKind="outlet"
            placeholder="Radio Liberty, Lenta.ru…"
            exclude={[...draft.via, ...(draft.speakerId ? [draft.speakerId] : [])]}
            onPick={(e) => onChange({ via: [...draft.via, e.id] })}
          />
          {documentOutlet && <span className="muted">→ {documentOutlet}</span>}
        </div>
      </div>
      <div className="field-row two">
        <label className="field">
          <span className="label">Said on</span>
          <input
            type="date"
            value={draft.saidOn}
            onChange={(e) => onChange({ saidOn: e.target.value })}
          />
        </label>
        <label className="field">
          <span className="label">Reported on</span>
          <input
            type="date"
            value={draft.reportedOn}
            onChange={(e) => onChange({ reportedOn: e.target.value })}
          />
        </label>
      </div>
    </>
  );
}
