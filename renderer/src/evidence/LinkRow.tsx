/**
 * One evidence link seen from the claim the panel shows: the relation read from that end,
 * what is at the other end, its note, and a button to remove it.
 */
import type { ReactNode } from 'react';
import type { ClaimEvidence } from '../../../shared/contract/channels';
import { LINK_LABELS } from '../../../shared/domain/linkLabels';
import { useAppStore } from '../store';
import { OppositeLinksMark } from './OppositeLinksMark';

export function LinkRow({
  entry,
  opposite,
}: {
  entry: ClaimEvidence['links'][number];
  /** Whether the claim at the other end is also linked the opposite way (issue 11). */
  opposite: boolean;
}) {
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
  let target: ReactNode;
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
      {opposite && otherClaim && <OppositeLinksMark others={[otherClaim.text]} />}
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
