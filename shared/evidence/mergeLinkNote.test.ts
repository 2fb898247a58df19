import { describe, expect, it } from 'vitest';
import { mergeLinkNote, repeatedLinkNeedsChoice } from './mergeLinkNote';

describe('the note of a link made again', () => {
  it('asks only when both notes have text and differ', () => {
    expect(repeatedLinkNeedsChoice('Both rule out troops.', 'Chepa agrees.')).toBe(true);
    expect(repeatedLinkNeedsChoice('Both rule out troops.', ' Both rule out troops. ')).toBe(false);
    expect(repeatedLinkNeedsChoice('', 'Chepa agrees.')).toBe(false);
    expect(repeatedLinkNeedsChoice('Both rule out troops.', '')).toBe(false);
  });

  it('replace: the new note, unless it is empty', () => {
    expect(mergeLinkNote('Old.', 'New.', 'replace')).toBe('New.');
    expect(mergeLinkNote('Old.', '  ', 'replace')).toBe('Old.');
  });

  it('append: the old note then the new, each once', () => {
    expect(mergeLinkNote('Old.', 'New.', 'append')).toBe('Old.\n\nNew.');
    expect(mergeLinkNote('Old.\n\nNew.', 'New.', 'append')).toBe('Old.\n\nNew.');
    expect(mergeLinkNote('', 'New.', 'append')).toBe('New.');
    expect(mergeLinkNote('Old.', '', 'append')).toBe('Old.');
  });
});
