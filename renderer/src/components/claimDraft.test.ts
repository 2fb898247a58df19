import { describe, expect, it } from 'vitest';
import { changesSince, newDraft, type ClaimDraft } from './claimDraft';

const opened: ClaimDraft = {
  ...newDraft('2025-11-03'),
  text: 'A Russian Il-76 transport landed in Caracas.',
  kind: 'reported',
  speakerId: 'e1',
  via: ['e2'],
};

describe('changesSince', () => {
  it('sends only the fields edited since the editor opened, not the stale rest', () => {
    expect(changesSince({ ...opened, notes: 'Tracked twice.' }, opened)).toEqual({
      notes: 'Tracked twice.',
    });
  });

  it('sends only the attribution parts edited', () => {
    expect(changesSince({ ...opened, cue: 'said', status: 'disputed' }, opened)).toEqual({
      status: 'disputed',
      attribution: { cue: 'said' },
    });
  });

  it('sends nothing when nothing was edited', () => {
    expect(changesSince({ ...opened }, opened)).toEqual({});
  });
});
