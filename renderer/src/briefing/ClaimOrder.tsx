/**
 * The claims chosen for the note, in the analyst's order: drag a row to move it, or use the
 * keyboard (the move buttons, or Alt+Up / Alt+Down on a row).
 */
import { useRef, useState } from 'react';
import { moveBy, moveOnto, without, type OrderEdit } from './orderEdits';

interface Props {
  ids: readonly string[];
  /** A claim's wording, when it is at hand (undefined while loading or deleted). */
  text: (id: string) => string | undefined;
  /** Saves the edit, applied to the note as last saved; resolves once the saved note is back. */
  onChange: (edit: OrderEdit) => Promise<void>;
}

export function ClaimOrder({ ids, text: wording, onChange }: Props) {
  const [dragged, setDragged] = useState<number | null>(null);
  // The order asked for while saves are on their way: a second Alt+Up (or a held key) before
  // the first save is back must move on from the first move, not from the order before it.
  const [asked, setAsked] = useState<string[] | null>(null);
  const saving = useRef(0);
  const order = asked ?? ids;
  const text = (id: string) => wording(id) ?? 'A deleted claim';
  const change = (edit: OrderEdit) => {
    setAsked(edit(order));
    saving.current += 1;
    void onChange(edit).finally(() => {
      saving.current -= 1;
      if (saving.current === 0) setAsked(null);
    });
  };
  return (
    <ol className="claim-order" aria-label="Claims in the note">
      {order.map((id, i) => (
        <li
          key={id}
          draggable
          tabIndex={0}
          className={dragged === i ? 'dragging' : undefined}
          aria-label={`${i + 1}. ${text(id)}`}
          onDragStart={(e) => {
            setDragged(i);
            e.dataTransfer.effectAllowed = 'move';
            e.dataTransfer.setData('text/plain', id);
          }}
          onDragOver={(e) => e.preventDefault()}
          onDrop={(e) => {
            e.preventDefault();
            const from = e.dataTransfer.getData('text/plain');
            setDragged(null);
            if (order.includes(from) && from !== id) change(moveOnto(from, id));
          }}
          onDragEnd={() => setDragged(null)}
          onKeyDown={(e) => {
            if (e.altKey && e.key === 'ArrowUp') {
              e.preventDefault();
              if (i > 0) change(moveBy(id, -1));
            } else if (e.altKey && e.key === 'ArrowDown') {
              e.preventDefault();
              if (i < order.length - 1) change(moveBy(id, 1));
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
            onClick={() => change(moveBy(id, -1))}
          >
            ↑
          </button>
          <button
            type="button"
            aria-label={`Move down: ${text(id)}`}
            disabled={i === order.length - 1}
            onClick={() => change(moveBy(id, 1))}
          >
            ↓
          </button>
          <button
            type="button"
            aria-label={`Remove from the note: ${text(id)}`}
            onClick={() => change(without(id))}
          >
            ×
          </button>
        </li>
      ))}
    </ol>
  );
}
