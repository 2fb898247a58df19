/**
 * The note of a link made again (issue 11). `links:create` merges a repeated link into the
 * existing one and used to let the newer note silently replace the older; the link dialog now
 * asks instead, and the handler applies the analyst's answer (`repeat: 'add' | 'replace'`)
 * through this function.
 */

/** How the notes of a repeated link combine: the analyst's choice. */
export type NoteMergeMode = 'append' | 'replace';

/** What separates an appended note from the one before it. */
export const NOTE_SEPARATOR = '\n\n';

const same = (a: string, b: string) => a.trim() === b.trim();

/**
 * Whether making the link again needs the analyst's choice: only when both notes have text
 * and they differ (an empty new note, or the same note again, changes nothing).
 */
export const repeatedLinkNeedsChoice = (existingNote: string, newNote: string): boolean =>
  existingNote.trim() !== '' && newNote.trim() !== '' && !same(existingNote, newNote);

/**
 * The note the link keeps. `replace`: the new note, unless it is empty (an empty note clears
 * nothing; editing the link does). `append`: the existing note, then the new one, each kept
 * once. Callers check the result against the link schema's length limit (5,000 characters)
 * and say so rather than cut the analyst's text.
 */
export function mergeLinkNote(existingNote: string, newNote: string, mode: NoteMergeMode): string {
  if (newNote.trim() === '') return existingNote;
  if (mode === 'replace' || existingNote.trim() === '') return newNote;
  const parts = existingNote.split(NOTE_SEPARATOR);
  if (parts.some((part) => same(part, newNote))) return existingNote;
  return `${existingNote.trimEnd()}${NOTE_SEPARATOR}${newNote.trim()}`;
}
