/**
 * The keys of suggestion review (issue 13), the same in the suggestion list and in the text
 * when a suggestion is selected: Enter opens the capture panel filled in from it (Ctrl/Cmd+
 * Enter accepts it as it is), Delete rejects it, Tab and Shift+Tab move to the next and
 * previous. Tab past either end leaves the list, as Tab does. In the list the arrows move and
 * Backspace rejects too; in the text they keep their own meaning (the caret, nothing).
 */
import type { KeyboardEvent } from 'react';
import { useAppStore } from '../store';

export function useSuggestionKeys(where: 'list' | 'text'): (event: KeyboardEvent) => boolean {
  const inList = where === 'list';
  const selected = useAppStore((s) => s.selectedSuggestion);
  const moveSuggestion = useAppStore((s) => s.moveSuggestion);
  const captureSuggestion = useAppStore((s) => s.captureSuggestion);
  const acceptSuggestion = useAppStore((s) => s.acceptSuggestion);
  const rejectSuggestion = useAppStore((s) => s.rejectSuggestion);
  const notify = useAppStore((s) => s.notify);

  const report = (done: Promise<{ message: string } | null>) =>
    void done.then((error) => error && notify('error', error.message));

  return (event) => {
    if (event.altKey) return false;
    const { key, shiftKey } = event;
    const command = event.ctrlKey || event.metaKey;
    let handled = true;
    if (key === 'Tab' && !command) handled = moveSuggestion(shiftKey ? -1 : 1);
    else if (inList && (key === 'ArrowDown' || key === 'ArrowUp') && !command && !shiftKey)
      moveSuggestion(key === 'ArrowDown' ? 1 : -1);
    else if (!selected) handled = false;
    else if (key === 'Enter' && command) report(acceptSuggestion(selected));
    else if (key === 'Enter' && !shiftKey) captureSuggestion(selected);
    else if ((key === 'Delete' || (inList && key === 'Backspace')) && !command && !shiftKey)
      report(rejectSuggestion(selected));
    else handled = false;
    if (handled) event.preventDefault();
    return handled;
  };
}
