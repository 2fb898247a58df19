/** "Mark Galeotti → Radio Liberty → (the document's outlet)", with the cue and dates. */
import type { Claim } from '../../../shared/domain/schemas';
import { useAppStore } from '../store';

export function AttributionLine({ claim, outlet }: { claim: Claim; outlet: string }) {
  const entities = useAppStore((s) => s.entities);
  const openProfile = useAppStore((s) => s.openProfile);
  const name = (id: string) => entities.find((e) => e.id === id)?.name ?? 'Unknown';
  const a = claim.attribution;
  const chain = [...(a.speakerId ? [a.speakerId] : []), ...a.via];
  return (
    <span className="attribution">
      {chain.length === 0 && <span className="muted">No speaker</span>}
      {chain.map((id, i) => (
        <span key={id}>
          {i > 0 && ' → '}
          <button
            type="button"
            className="link"
            onClick={(e) => {
              e.stopPropagation();
              void openProfile(id);
            }}
          >
            {name(id)}
          </button>
        </span>
      ))}
      {outlet && <span className="muted"> → {outlet}</span>}
      {a.cue && <span className="muted"> · “{a.cue}”</span>}
      {a.saidOn && <span className="muted"> · said {a.saidOn}</span>}
    </span>
  );
}
