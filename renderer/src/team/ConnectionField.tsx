/**
 * A team database connection string: hidden like a password (it holds one), with a toggle to
 * check what was pasted, and where it is kept (issue 14: never in case files or logs).
 */
import { useId, useState } from 'react';

interface Props {
  value: string;
  onChange: (value: string) => void;
  label?: string;
}

export function ConnectionField({ value, onChange, label = 'Connection string' }: Props) {
  const [shown, setShown] = useState(false);
  const id = useId();
  return (
    <div className="field">
      <label className="label" htmlFor={id}>
        {label}
      </label>
      <div className="connection-row">
        <input
          id={id}
          type={shown ? 'text' : 'password'}
          value={value}
          autoComplete="off"
          spellCheck={false}
          required
          aria-describedby={`${id}-help`}
          placeholder="postgresql://…"
          onChange={(e) => onChange(e.target.value)}
        />
        <button type="button" aria-pressed={shown} onClick={() => setShown((s) => !s)}>
          {shown ? 'Hide' : 'Show'}
        </button>
      </div>
      <p id={`${id}-help`} className="help">
        postgresql://user:password@host:5432/database — saved on this computer only, in the keychain
        on desktop, never in case files or logs
      </p>
    </div>
  );
}
