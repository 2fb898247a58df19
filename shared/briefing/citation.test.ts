import { describe, expect, it } from 'vitest';
import { BriefingModelSchema, type BriefingModel } from '../domain/briefingModel';
import { citationText, evidenceText, noteCitation } from './citation';
import { briefingToHtml } from './html';
import { briefingToMarkdown } from './markdown';

/** A note as saved before issue 11: no direction on judgments, one date on notes. */
const legacyNote = {
  n: 1,
  quote: 'q',
  speaker: 'Mark Galeotti',
  outlet: 'Radio Liberty',
  document: 'Options',
  date: '2025-11-03',
  url: 'javascript:alert(1)',
};
const legacyJudgment = {
  statement: 'Russia is unlikely to send troops.',
  likelihood: 'unlikely',
  range: '20–45%',
  confidence: 'moderate',
  notes: [1, 2],
};
const legacy = {
  title: 'Will Moscow intervene?',
  marking: '',
  author: '',
  date: '',
  bluf: '',
  judgments: [legacyJudgment],
  actors: [],
  claims: [],
  sources: [],
  notes: [legacyNote],
};

describe('briefing citations and evidence lines', () => {
  it('reads a note saved before issue 11, and says its basis has no recorded direction', () => {
    const m: BriefingModel = BriefingModelSchema.parse(legacy);
    const [j] = m.judgments;
    if (!j) throw new Error('no judgment');
    expect(evidenceText(j)).toBe('Evidence: 1, 2 (for and against not recorded: update the note).');
    const [n] = m.notes;
    if (!n) throw new Error('no note');
    expect(citationText(noteCitation(n))).toBe(
      '“q”, Mark Galeotti, Radio Liberty, Options, 2025-11-03, javascript:alert(1).',
    );
    expect(briefingToMarkdown(m)).toContain('Evidence: [^1], [^2] \\(for and against not recorded');
    expect(briefingToHtml(m)).toContain('Evidence: <a class="ref" href="#note-1">[1]</a>');
  });

  it('writes for and against, "none" for an empty side, and counts basis claims the note leaves out', () => {
    const j = {
      ...legacyJudgment,
      statement: 's',
      likelihood: 'likely',
      range: '55–80%',
      confidence: 'low',
      notes: [6],
      notesFor: [],
      notesAgainst: [6],
      uncitedFor: 2,
      uncitedAgainst: 0,
    };
    expect(evidenceText(j)).toBe(
      'Evidence for: none · against: 6 (in the basis, not cited in this note: 2 claims for).',
    );
  });

  it('cites speaker and chain, document, dates said, reported and retrieved, and URL', () => {
    expect(
      citationText(
        noteCitation({
          ...legacyNote,
          url: 'https://example.org/a',
          chain: 'Alexey Chepa → Lenta.ru → Claimdesk sample digest',
          said: '2025-11-01',
          reported: '2025-11-03',
          retrieved: '',
        }),
      ),
    ).toBe(
      '“q”, Alexey Chepa → Lenta.ru → Claimdesk sample digest, Options, said 2025-11-01, reported 2025-11-03, https://example.org/a.',
    );
  });

  it('never makes a link of an address that is not a web address', () => {
    const m = BriefingModelSchema.parse(legacy);
    expect(briefingToMarkdown(m)).not.toContain('<javascript:');
    expect(briefingToHtml(m)).not.toContain('href="javascript:');
  });
});
