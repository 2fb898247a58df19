/**
 * The wording check: one test per row of the table (generated from its examples), then the
 * sentences analysts actually write, negations and false friends included.
 */
import { describe, expect, it } from 'vitest';
import { LIKELIHOODS, type Likelihood } from '../grading/scales';
import { ESTIMATIVE_EXPRESSIONS, type BandRange } from './estimativeWords';
import { checkWording, findEstimativeWords } from './wordingCheck';

const rank = (l: Likelihood) => LIKELIHOODS.indexOf(l);
const inRange = ([from, to]: BandRange) =>
  LIKELIHOODS.filter((l) => rank(l) >= rank(from) && rank(l) <= rank(to));
const mirrored = (bands: Likelihood[]) => bands.map((b) => LIKELIHOODS[6 - rank(b)] as Likelihood);

describe('the table of estimative expressions', () => {
  it('has rows from each source, ICD 203’s seven bands all covered', () => {
    const sources = new Set(ESTIMATIVE_EXPRESSIONS.flatMap((e) => e.sources));
    expect([...sources].sort()).toEqual(['ICD 203', 'Kent 1964', 'UK PHIA', 'common usage']);
    const icd = ESTIMATIVE_EXPRESSIONS.filter((e) => e.sources.includes('ICD 203'));
    expect(new Set(icd.flatMap((e) => inRange(e.band))).size).toBe(7);
    expect(ESTIMATIVE_EXPRESSIONS.length).toBeGreaterThanOrEqual(50);
  });

  describe.each(ESTIMATIVE_EXPRESSIONS.map((e) => [e.phrase, e] as const))('row “%s”', (_, row) => {
    const expected = [
      ...new Set([...inRange(row.band), ...(row.negative ? mirrored(inRange(row.band)) : [])]),
    ].sort((a, b) => rank(a) - rank(b));

    it.each(row.examples)('finds it alone in “%s”, with its bands', (example) => {
      const found = findEstimativeWords(example);
      expect(found.map((m) => m.expression.phrase)).toEqual([row.phrase]);
      expect(found[0]?.negated).toBe(false);
      expect(found[0]?.bands).toEqual(expected);
      const m = found[0];
      expect(m && example.slice(m.start, m.end)).toBe(m?.text);
    });

    it('warns for every band outside its range and for none inside, either direction', () => {
      const [example] = row.examples;
      if (!example) throw new Error(`row ${row.phrase} has no example`);
      for (const band of LIKELIHOODS) {
        const issues = checkWording(example, band);
        expect([band, issues.length]).toEqual([band, expected.includes(band) ? 0 : 1]);
        if (issues[0]) {
          expect(issues[0].message).toContain(`“${issues[0].match.text}”`);
          const lowest = expected[0] ?? band;
          const highest = expected[expected.length - 1] ?? band;
          if (rank(band) < rank(lowest)) expect(issues[0].wording).toBe('higher');
          if (rank(band) > rank(highest)) expect(issues[0].wording).toBe('lower');
        }
      }
    });
  });
});

const bandsIn = (text: string) => findEstimativeWords(text).map((m) => [m.text, m.bands]);

describe('sentences analysts write', () => {
  it('issue 11: "Russia will certainly send…" graded likely is flagged, and says so in words', () => {
    const [issue] = checkWording('Russia will certainly send troops.', 'likely');
    expect(issue?.message).toBe(
      '“certainly” reads as almost certain (95–99%); the judgment is graded “likely” (55–80%), below what the words say. Reword it, or change the grade.',
    );
    expect(issue?.wording).toBe('higher');
  });

  it('flags hedged wording under a firm grade (the other direction)', () => {
    const [issue] = checkWording('Moscow might send advisers.', 'very_likely');
    expect(issue?.wording).toBe('lower');
    expect(issue?.message).toContain('almost no chance to roughly even chance (1–55%)');
    expect(checkWording('Moscow might send advisers.', 'unlikely')).toEqual([]);
  });

  it('reads a "not" before a word as turning it round', () => {
    expect(bandsIn('Russia is not likely to send troops.')).toEqual([
      ['not likely', ['very_unlikely', 'unlikely']],
    ]);
    expect(bandsIn('Russia is not at all likely to send troops.')).toEqual([
      ['not at all likely', ['very_unlikely', 'unlikely']],
    ]);
    expect(bandsIn("It isn't probable.")).toEqual([
      ["isn't probable", ['very_unlikely', 'unlikely']],
    ]);
    expect(bandsIn('A deployment is not unlikely.')).toEqual([
      ['not unlikely', ['roughly_even', 'likely']],
    ]);
    expect(bandsIn('It is not impossible.')).toEqual([
      ['not impossible', ['almost_no_chance', 'very_unlikely', 'unlikely']],
    ]);
    // "Not certain" rules out certainty and nothing else.
    expect(bandsIn('It is not certain that Moscow objects.')).toEqual([
      ['not certain', LIKELIHOODS.filter((l) => l !== 'almost_certain')],
    ]);
  });

  it('reads a denial after the word both ways: "will probably not" fits unlikely and likely', () => {
    for (const text of [
      'Russia will probably not send troops.',
      'Russia probably will not send troops.',
      "Russia probably won't send troops.",
    ]) {
      expect(findEstimativeWords(text)[0]?.bands, text).toEqual(['unlikely', 'likely']);
      expect(checkWording(text, 'very_likely'), text).toHaveLength(1);
    }
    expect(findEstimativeWords('Russia almost certainly will not send troops.')[0]?.bands).toEqual([
      'almost_no_chance',
      'almost_certain',
    ]);
  });

  it('"will not" and "won\'t" with no hedge state a certainty about a negative', () => {
    for (const text of ['Russia will not send troops.', "Russia won't send troops."]) {
      expect(checkWording(text, 'almost_certain'), text).toEqual([]);
      expect(checkWording(text, 'almost_no_chance'), text).toEqual([]);
      const [issue] = checkWording(text, 'unlikely');
      expect(issue?.message, text).toContain('with no hedge');
    }
  });

  it('a flat "will" gives way to the hedge in its sentence, and a question asserts nothing', () => {
    expect(bandsIn('Moscow will likely offer limited help.')).toEqual([['likely', ['likely']]]);
    expect(bandsIn('Will Russia intervene?')).toEqual([]);
    // Each sentence is read alone: the hedge of the first does not cover the second.
    expect(bandsIn('Moscow may send advisers. It will send weapons.')).toEqual([
      ['may', ['almost_no_chance', 'very_unlikely', 'unlikely', 'roughly_even']],
      ['will', ['very_likely', 'almost_certain']],
    ]);
  });

  it('leaves false friends alone: the will of a country, the month of May, "a certain number", "as soon as possible", a remote region', () => {
    expect(bandsIn('Moscow lacks the political will to intervene.')).toEqual([]);
    expect(bandsIn('In May 2025 the treaty was ratified.')).toEqual([]);
    expect(bandsIn('A certain number of advisers arrived.')).toEqual([]);
    expect(bandsIn('They left as soon as possible.')).toEqual([]);
    expect(bandsIn('The airfield lies in a remote region.')).toEqual([]);
  });

  it('prefers the longest phrase: "very unlikely" is not "unlikely", "almost certainly not" is Kent’s row', () => {
    expect(findEstimativeWords('It is very unlikely.').map((m) => m.expression.phrase)).toEqual([
      'very unlikely',
    ]);
    expect(
      findEstimativeWords('It will almost certainly not happen.').map((m) => m.expression.phrase),
    ).toEqual(['almost certainly not']);
  });

  it('reads typographic apostrophes as plain ones', () => {
    expect(bandsIn('Russia won’t send troops.')[0]?.[0]).toBe('won’t');
  });

  it('offsets count UTF-16 units, so the UI can underline after Cyrillic or emoji', () => {
    const text = 'Захарова 🙂 says Moscow will probably object.';
    const [m] = findEstimativeWords(text);
    expect(m && text.slice(m.start, m.end)).toBe('probably');
  });
});
