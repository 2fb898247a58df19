/**
 * Ctrl/Cmd+Z undoes the last edit, Ctrl/Cmd+Shift+Z (or Ctrl+Y) redoes it, app-wide, except
 * while typing in a field, where the field's own undo applies.
 */
import { useEffect } from 'react';
import { useAppStore } from '../store';

function typingInField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.getAttribute('aria-readonly') === 'true') return false; // the reader
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

export function useUndoShortcuts(): void {
  const undo = useAppStore((s) => s.undo);
  const redo = useAppStore((s) => s.redo);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey || typingInField(e.target)) return;
      const key = e.key.toLowerCase();
      if (key === 'z' && !e.shiftKey) {
        e.preventDefault();
        void undo();
      } else if ((key === 'z' && e.shiftKey) || (key === 'y' && !e.metaKey)) {
        e.preventDefault();
        void redo();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [undo, redo]);
}
