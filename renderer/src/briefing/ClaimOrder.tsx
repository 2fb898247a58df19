/**
 * The claims chosen for the note, in the analyst's order: drag a row to move it, or use the
 * keyboard (the move buttons, or Alt+Up / Alt+Down on a row).
 */
import { useState } from 'react';
import type { Claim } from '../../../shared/domain/schemas';

interface Props {
  ids: readonly string[];
  claims: readonly Claim[];
  onChange: (ids: string[]) => void;
}

export function moveItem<T>(list: readonly T[], from: number, to: number): T[] {
  const next = [...list];
  const [item] = next.splice(from, 1);
  if (item !== undefined) next.splice(Math.max(0, Math.min(to, next.length)), 0, item);
  return next;
}

export function ClaimOrder({ ids, claims, onChange }: Props) {
  const [dragged, setDragged] = useState<number | null>(null);
  const text = (id: string) => claims.find((c) => c.id === id)?.text ?? 'A deleted claim';
  const move = (from: number, to: number) => {
    if (to < 0 || to >= ids.length) return;
    onChange(moveItem(ids, from, to));
  };
  return (
    <ol className="claim-order" aria-label="Claims in the note">
      {ids.map((id, i) => (
        <li
          key={id}
          draggable
          tabIndex={0}
          className={dragged === i ? 'dragging' : undefined}
          aria-label={`${i + 1}. ${text(id)}`}
          onDragStart={(e) => {
            setDragged(i);
            e.dataTransfer.effectAllowed = 'move';
            e.dataTransfer.setData('text/plain', String(i));
          }}
          onDragOver={(e) => e.preventDefault()}
          onDrop={(e) => {
            e.preventDefault();
            const from = Number(e.dataTransfer.getData('text/plain'));
            setDragged(null);
            if (Number.isInteger(from) && from !== i) move(from, i);
          }}
          onDragEnd={() => setDragged(null)}
          onKeyDown={(e) => {
            if (e.altKey && e.key === 'ArrowUp') {
              e.preventDefault();
              move(i, i - 1);
            } else if (e.altKey && e.key === 'ArrowDown') {
              e.preventDefault();
              move(i, i + 1);
            }
          }}
        >
          <span className="grip" aria-hidden="true">
            ⋮⋮
          </span>
          <span className="order-text">{text(id)}</span>
          <button
            type="button"
            aria-label={`Move up: ${text(id)}`}
            disabled={i === 0}
            onClick={() => move(i, i - 1)}
          >
            ↑
          </button>
          <button
            type="button"
            aria-label={`Move down: ${text(id)}`}
            disabled={i === ids.length - 1}
            onClick={() => move(i, i + 1)}
          >
            ↓
          </button>
          <button
            type="button"
            aria-label={`Remove from the note: ${text(id)}`}
            onClick={() => onChange(ids.filter((x) => x !== id))}
          >
            ×
          </button>
        </li>
      ))}
    </ol>
  );
}
