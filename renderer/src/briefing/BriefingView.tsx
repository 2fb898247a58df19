/**
 * The briefing builder (issue 5): notes of the case, the builder and a live preview side by
 * side, and exports to DOCX, PDF, Markdown and HTML.
 */
import { useEffect, useMemo, useState } from 'react';
import { editedSince } from '../../../shared/briefing/edited';
import { briefingsSelectors, useAppStore } from '../store';
import { BriefingBuilder } from './BriefingBuilder';
import { BriefingPreview } from './BriefingPreview';

const FORMATS = [
  { format: 'docx', label: 'Word (DOCX)' },
  { format: 'pdf', label: 'PDF' },
  { format: 'md', label: 'Markdown' },
  { format: 'html', label: 'HTML' },
] as const;

export function BriefingView() {
  const briefings = useAppStore(briefingsSelectors.briefings);
  const note = useAppStore(briefingsSelectors.activeBriefing);
  const claimCache = useAppStore((s) => s.claimCache);
  const missing = useAppStore((s) => s.missingClaims);
  const fetchClaims = useAppStore((s) => s.fetchClaims);
  const openBriefing = useAppStore((s) => s.openBriefing);
  const createBriefing = useAppStore((s) => s.createBriefing);
  const deleteBriefing = useAppStore((s) => s.deleteBriefing);
  const updateBriefing = useAppStore((s) => s.updateBriefing);
  const exportBriefing = useAppStore((s) => s.exportBriefing);
  const notify = useAppStore((s) => s.notify);
  const [title, setTitle] = useState('');
  // The note's claims as they are now, to say which changed since it was saved.
  useEffect(() => {
    if (note) void fetchClaims(note.claimIds);
  }, [note, fetchClaims]);
  const edited = useMemo(() => {
    if (!note) return new Set<string>();
    const known = note.claimIds.flatMap((id) => {
      const row = claimCache[id];
      return row ? [row.claim] : [];
    });
    // A claim not fetched yet is not counted as edited; a deleted one is.
    const pending = note.claimIds.filter((id) => !claimCache[id] && !missing[id]);
    return new Set([...editedSince(note, known)].filter((id) => !pending.includes(id)));
  }, [note, claimCache, missing]);

  return (
    <main className="briefing-view" aria-label="Briefing">
      <header className="view-header briefing-header">
        <label className="inline">
          <span className="label">Note</span>
          <select value={note?.id ?? ''} onChange={(e) => openBriefing(e.target.value || null)}>
            {briefings.length === 0 && <option value="">No notes yet</option>}
            {briefings.map((b) => (
              <option key={b.id} value={b.id}>
                {b.title}
              </option>
            ))}
          </select>
        </label>
        <form
          className="inline-form"
          onSubmit={async (e) => {
            e.preventDefault();
            const failure = await createBriefing(title || 'Briefing note');
            if (failure) notify('error', failure.message);
            else setTitle('');
          }}
        >
          <input
            aria-label="New note title"
            placeholder="New note title"
            value={title}
            onChange={(e) => setTitle(e.target.value)}
          />
          <button type="submit">New note</button>
        </form>
        {note && (
          <div className="actions start">
            {FORMATS.map((f) => (
              <button
                key={f.format}
                type="button"
                onClick={() => void exportBriefing(note.id, f.format)}
              >
                Export {f.label}
              </button>
            ))}
            <button type="button" className="danger" onClick={() => void deleteBriefing(note.id)}>
              Delete note
            </button>
          </div>
        )}
      </header>
      {!note ? (
        <p className="hint pad">
          Start a note: it begins with the case’s key judgments and claims, ready to trim and order.
        </p>
      ) : (
        <div className="briefing-columns">
          <BriefingBuilder key={note.id} note={note} />
          <div className="preview-column">
            {edited.size > 0 && (
              <p className="notice-inline" role="status">
                {edited.size} claim{edited.size === 1 ? ' has' : 's have'} been edited since this
                note was saved.{' '}
                <button type="button" onClick={() => void updateBriefing(note.id, {})}>
                  Update from the current claims
                </button>
              </p>
            )}
            {note.saved && <BriefingPreview model={note.saved} edited={edited} />}
          </div>
        </div>
      )}
    </main>
  );
}
