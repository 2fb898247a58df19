/**
 * Confirms one imported file: its metadata, pre-filled from the file, and what to do when
 * the case already has it (same text) or an earlier version of it.
 */
import { useState } from 'react';
import type { PendingImport } from '../store/importSlice';
import { useAppStore } from '../store';
import { DocumentMetaFields, today, type DocumentMeta } from './DocumentMetaFields';
import { prefilledMeta } from './importMeta';
import { Modal } from './Modal';
import { groupDigits } from '../../../shared/domain/labels';

export function ImportDialog({ pending }: { pending: PendingImport }) {
  const decide = useAppStore((s) => s.decideImport);
  const progress = useAppStore((s) => s.importProgress);
  const { extracted, fileName } = pending;
  const candidates = extracted.versionCandidates;
  const [versionOf, setVersionOf] = useState<string>(candidates[0]?.id ?? '');
  // Only what the analyst typed is kept as state: the rest follows the version chosen.
  const [edited, setEdited] = useState<Partial<DocumentMeta>>({});
  const previous = candidates.find((d) => d.id === versionOf) ?? null;
  const meta = { ...prefilledMeta(extracted.meta, fileName, previous, today()), ...edited };
  const skip = () => decide({ action: 'skip' });
  const fields = { ...meta, text: extracted.text, format: extracted.format, fileName };

  return (
    <Modal title="Import document" onClose={skip}>
      <p className="muted">
        {fileName} · {extracted.format.toUpperCase()} · {groupDigits(extracted.text.length)}{' '}
        characters
        {progress && progress.total > 1 && ` · file ${progress.index} of ${progress.total}`}
      </p>
      {extracted.warnings.map((w) => (
        <p key={w} className="notice-inline">
          {w}
        </p>
      ))}
      {extracted.duplicateOf ? (
        <>
          <p className="notice-inline" role="alert">
            Already in this case: this text is “{extracted.duplicateOf.title}”.
          </p>
          <div className="actions">
            <button type="button" onClick={skip}>
              Skip
            </button>
            <button
              type="button"
              className="primary"
              onClick={() => {
                if (extracted.duplicateOf)
                  decide({ action: 'open', documentId: extracted.duplicateOf.id });
              }}
            >
              Open it
            </button>
          </div>
        </>
      ) : (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            decide({ action: 'import', fields, versionOf: versionOf || null });
          }}
        >
          <DocumentMetaFields meta={meta} onChange={(c) => setEdited((m) => ({ ...m, ...c }))} />
          {candidates.length > 0 && (
            <fieldset className="version-choice">
              <legend>This looks like a new version of a document in this case</legend>
              {candidates.map((d) => (
                <label key={d.id} className="radio">
                  <input
                    type="radio"
                    name="version"
                    checked={versionOf === d.id}
                    onChange={() => setVersionOf(d.id)}
                  />
                  New version of “{d.title}” (its claims are moved over)
                </label>
              ))}
              <label className="radio">
                <input
                  type="radio"
                  name="version"
                  checked={versionOf === ''}
                  onChange={() => setVersionOf('')}
                />
                A separate document
              </label>
            </fieldset>
          )}
          <details>
            <summary>Preview the text</summary>
            <pre className="preview">{extracted.text.slice(0, 3000)}</pre>
          </details>
          <div className="actions">
            <button type="button" onClick={skip}>
              Skip this file
            </button>
            <button type="submit" className="primary">
              Import
            </button>
          </div>
        </form>
      )}
    </Modal>
  );
}
