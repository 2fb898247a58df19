/** One suggestion in the list: its quote, and who said it, how, and what kind of claim it is. */
import { memo } from 'react';
import type { SuggestionView } from '../../../shared/contract/channels';
import { CLAIM_KIND_LABELS } from '../../../shared/domain/labels';

const SNIPPET = 180;

interface Props {
  id: string;
  view: SuggestionView;
  selected: boolean;
  onSelect: (key: string) => void;
  /** Double-click: as Enter, the capture panel on it. */
  onOpen: (key: string) => void;
}

/** Memoised: moving the selection redraws two items, not the hundreds of a long article. */
export const SuggestionItem = memo(function SuggestionItem({
  id,
  view,
  selected,
  onSelect,
  onOpen,
}: Props) {
  const quote = view.exact.length > SNIPPET ? `${view.exact.slice(0, SNIPPET)}…` : view.exact;
  return (
    <li
      id={id}
      role="option"
      aria-selected={selected}
      className={`suggestion kind-${view.kind}${selected ? ' selected' : ''}`}
      onMouseDown={(e) => e.preventDefault()}
      onClick={() => onSelect(view.key)}
      onDoubleClick={() => onOpen(view.key)}
    >
      <q className="snippet">{quote}</q>
      <span className="suggestion-meta">
        <span className="speaker">{view.speaker?.name ?? 'No speaker named'}</span>
        <span className={`swatch kind-${view.kind}`}>{CLAIM_KIND_LABELS[view.kind]}</span>
        {view.cue && <span className="cue">“{view.cue}”</span>}
      </span>
    </li>
  );
});
