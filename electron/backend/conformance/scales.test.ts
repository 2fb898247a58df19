/** The grading scales in shared/grading match ../shared/standards/scales.json, word for word. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONFIDENCE, CREDIBILITY, LIKELIHOOD, RELIABILITY } from '../../../shared/grading/scales';
import { announceMissingStandards, STANDARDS_DIR, standardsPresent } from './standards';

announceMissingStandards('Grading scales conformance');

interface Scales {
  admiralty: {
    reliability: { code: string; label: string; fm2_22_3: string }[];
    credibility: {
      code: number;
      label: string;
      fm2_22_3: string;
      stix_confidence: number | null;
    }[];
  };
  icd203_likelihood: {
    bands: {
      likelihood: string;
      probability: string;
      min: number;
      max: number;
      stix_confidence: number;
    }[];
  };
  ic_confidence: { levels: { level: string; text: string }[] };
}

const load = (): Scales =>
  JSON.parse(readFileSync(path.join(STANDARDS_DIR, 'scales.json'), 'utf8')) as Scales;

describe.skipIf(!standardsPresent)('grading scales match the standards file', () => {
  it('Admiralty reliability A–F: codes, labels and definitions', () => {
    const expected = load().admiralty.reliability.map((r) => ({
      code: r.code,
      label: r.label,
      definition: r.fm2_22_3,
    }));
    expect(RELIABILITY).toEqual(expected);
  });

  it('Admiralty credibility 1–6, with the STIX values (6 has none)', () => {
    const expected = load().admiralty.credibility.map((c) => ({
      code: c.code,
      label: c.label,
      definition: c.fm2_22_3,
      stix: c.stix_confidence,
    }));
    expect(CREDIBILITY).toEqual(expected);
    expect(CREDIBILITY.find((c) => c.code === 6)?.stix).toBeNull();
  });

  it('ICD 203 likelihood: seven bands with their ranges and STIX values', () => {
    const bands = load().icd203_likelihood.bands;
    expect(LIKELIHOOD).toHaveLength(7);
    LIKELIHOOD.forEach((band, i) => {
      expect(band.term).toBe(bands[i]?.likelihood);
      expect(band.probability).toBe(bands[i]?.probability);
      expect([band.min, band.max, band.stix]).toEqual([
        bands[i]?.min,
        bands[i]?.max,
        bands[i]?.stix_confidence,
      ]);
    });
  });

  it('analytic confidence: low, moderate, high with their texts', () => {
    const levels = load().ic_confidence.levels;
    for (const level of CONFIDENCE) {
      expect(levels.find((l) => l.level === level.level)?.text).toBe(level.text);
    }
    expect(CONFIDENCE.map((c) => c.level)).toEqual(['low', 'moderate', 'high']);
  });
});
