/** How an evidence link reads from each of its ends. */
import type { LinkRelation } from './enums';

export const LINK_LABELS: Record<LinkRelation, { from: string; to: string }> = {
  supports: { from: 'Supports', to: 'Supported by' },
  contradicts: { from: 'Contradicts', to: 'Contradicted by' },
  context: { from: 'Gives context to', to: 'Context from' },
  same_claim: { from: 'Same claim as', to: 'Same claim as' },
};

export const RELATION_NAMES: Record<LinkRelation, string> = {
  supports: 'supports',
  contradicts: 'contradicts',
  context: 'provides context',
  same_claim: 'same claim',
};
