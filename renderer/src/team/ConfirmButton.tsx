/**
 * A button that asks first, in place: the question and a second button, instead of a
 * window.confirm that blocks the page and reads badly to screen readers.
 */
import { useState } from 'react';

interface Props {
  label: string;
  /** What happens, said before it does. */
  question: string;
  confirmLabel: string;
  onConfirm: () => unknown;
  /** Names the button for assistive technology when the label alone is ambiguous. */
  ariaLabel?: string;
}

export function ConfirmButton({ label, question, confirmLabel, onConfirm, ariaLabel }: Props) {
  const [asking, setAsking] = useState(false);
  if (!asking) {
    return (
      <button type="button" aria-label={ariaLabel} onClick={() => setAsking(true)}>
        {label}
      </button>
    );
  }
  return (
    <span className="confirm" role="group" aria-label={ariaLabel ?? label}>
      <span>{question}</span>
      <button
        type="button"
        className="danger"
        autoFocus
        onClick={() => {
          setAsking(false);
          void onConfirm();
        }}
      >
        {confirmLabel}
      </button>
      <button type="button" onClick={() => setAsking(false)}>
        Cancel
      </button>
    </span>
  );
}
