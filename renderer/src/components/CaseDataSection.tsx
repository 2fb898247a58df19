/**
 * Letting the case travel: to a colleague (JSON, read back as a new case or merged into
 * this one), to a spreadsheet (CSV), to annotation tools (W3C) and to threat-intelligence
 * platforms (STIX 2.1).
 */
import { useRef, useState } from 'react';
import { useAppStore } from '../store';

const EXPORTS = [
  { format: 'json', label: 'JSON' },
  { format: 'csv', label: 'CSV' },
  { format: 'w3c', label: 'W3C' },
  { format: 'stix', label: 'STIX' },
] as const;

export function CaseDataSection() {
  const activeCaseId = useAppStore((s) => s.activeCaseId);
  const exportCase = useAppStore((s) => s.exportCase);
  const importCase = useAppStore((s) => s.importCase);
  const input = useRef<HTMLInputElement>(null);
  const [mode, setMode] = useState<'new' | 'merge'>('new');
  const pick = (next: 'new' | 'merge') => {
    setMode(next);
    input.current?.click();
  };
  return (
    <section className="case-data">
      <h2>Case data</h2>
      <div className="actions start" role="group" aria-label="Export the case">
        {EXPORTS.map((e) => (
          <button
            key={e.format}
            type="button"
            disabled={!activeCaseId}
            onClick={() => void exportCase(e.format)}
          >
            {e.label}
          </button>
        ))}
      </div>
      <div className="actions start">
        <button type="button" onClick={() => pick('new')}>
          Import case…
        </button>
        <button type="button" disabled={!activeCaseId} onClick={() => pick('merge')}>
          Merge into this case…
        </button>
      </div>
      <input
        ref={input}
        type="file"
        hidden
        accept=".json,application/json"
        aria-label="Import a case file"
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) void importCase(file, mode === 'merge' ? activeCaseId : null);
        }}
      />
    </section>
  );
}
