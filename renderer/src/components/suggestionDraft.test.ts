import { describe, expect, it } from 'vitest';
import type { SuggestionView } from '../../../shared/contract/channels';
import { draftFromSuggestion, editsOf, proposedIn } from './suggestionDraft';

const VIEW: SuggestionView = {
  key: '0123456789abcd',
  kind: 'indirect_speech',
  start: 10,
  end: 40,
  exact: 'the rise would empty the island',
  speaker: { name: 'Ewan Macrae', entityId: null, kind: 'person', role: 'councillor' },
  speakerText: 'Island councillor Ewan Macrae',
  cue: 'told',
  via: [
    { name: 'Island Courier', entityId: null, kind: 'outlet', role: '' },
    { name: 'Reuters', entityId: 'e-reuters', kind: 'outlet', role: '' },
  ],
  saidOn: '2026-01-19',
  confidence: 0.9,
};

describe('a suggestion as the capture panel’s draft', () => {
  it('fills the draft, standing in for new people and outlets with temporary ids', () => {
    const draft = draftFromSuggestion(VIEW, '2026-01-20');
    expect(draft).toMatchObject({
      text: '',
      kind: 'indirect_speech',
      cue: 'told',
      saidOn: '2026-01-19',
      reportedOn: '2026-01-20',
      via: ['new:via-0', 'e-reuters'],
    });
    expect(draft.speakerId).toBe('new:speaker');
    expect(proposedIn(draft).map(([, e]) => e.name)).toEqual(['Ewan Macrae', 'Island Courier']);
  });

  it('gives back the edits accept takes: new ones by name and kind, known ones by id', () => {
    const draft = draftFromSuggestion(VIEW, '2026-01-20');
    const proposed = draft.proposed ?? {};
    const edited = {
      ...draft,
      text: '  Young families would leave.  ',
      proposed: {
        ...proposed,
        'new:speaker': {
          name: 'Ewan Macrae',
          entityId: null,
          kind: 'government' as const,
          role: ' ',
        },
      },
    };
    expect(editsOf(edited)).toMatchObject({
      text: 'Young families would leave.',
      kind: 'indirect_speech',
      speaker: { name: 'Ewan Macrae', kind: 'government' },
      via: [{ name: 'Island Courier', kind: 'outlet' }, { entityId: 'e-reuters' }],
      cue: 'told',
      saidOn: '2026-01-19',
    });
    expect(editsOf(edited).speaker).not.toHaveProperty('role');
    // A speaker removed in the panel is no speaker; "automatic" kind is the suggestion's.
    expect(editsOf({ ...draft, speakerId: null, kind: 'auto' })).toMatchObject({ speaker: null });
    expect(editsOf({ ...draft, kind: 'auto' })).not.toHaveProperty('kind');
    expect(proposedIn({ ...draft, speakerId: null }).map(([id]) => id)).toEqual(['new:via-0']);
  });
});
