/** Undo and redo, with what they would do; the case's team sync beside them. */
import { editSelectors, useAppStore } from '../store';
import { TeamBar } from '../team/TeamBar';

const isMac = typeof navigator !== 'undefined' && /Mac/.test(navigator.platform);
const mod = isMac ? '⌘' : 'Ctrl+';

export function Toolbar() {
  const { undo: undoLabel, redo: redoLabel } = useAppStore(editSelectors.editState);
  const undo = useAppStore((s) => s.undo);
  const redo = useAppStore((s) => s.redo);
  return (
    <div className="toolbar-row">
      <div className="toolbar" role="toolbar" aria-label="Edit">
        <button
          type="button"
          disabled={!undoLabel}
          title={undoLabel ? `Undo: ${undoLabel} (${mod}Z)` : 'Nothing to undo'}
          onClick={() => void undo()}
        >
          Undo
        </button>
        <button
          type="button"
          disabled={!redoLabel}
          title={redoLabel ? `Redo: ${redoLabel} (${mod}Shift+Z)` : 'Nothing to redo'}
          onClick={() => void redo()}
        >
          Redo
        </button>
      </div>
      <TeamBar />
    </div>
  );
}
