/** The STIX export: every object validates against its OASIS STIX 2.1 schema. */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { likelihoodInfo } from '../../../shared/grading/scales';
import { exportText, importText, openSample } from '../testing/exchange';
import { backendHarness, call, makeCase } from '../testing/harness';
import { announceMissingStandards, standardsPresent } from './standards';
import { stixValidator } from './stixSchemas';

announceMissingStandards('STIX 2.1 conformance');

const harness = backendHarness();
afterEach(() => harness.cleanup());

type StixObject = Record<string, unknown> & { type: string; id: string };
interface Bundle {
  type: string;
  id: string;
  objects: StixObject[];
}

let validate: ReturnType<typeof stixValidator> = () => ['not loaded'];
beforeAll(() => {
  if (standardsPresent) validate = stixValidator();
});

const bundleOf = async (b: Parameters<typeof exportText>[0], caseId: string) =>
  JSON.parse((await exportText(b, caseId, 'stix')).text) as Bundle;

const ofType = (bundle: Bundle, type: string) => bundle.objects.filter((o) => o.type === type);

describe.skipIf(!standardsPresent)('STIX 2.1 export against the OASIS schemas', () => {
  it('validates every object of the sample case’s bundle against its type’s schema', async () => {
    const { b, caseId } = await openSample(harness);
    const file = await exportText(b, caseId, 'stix');
    expect(file.fileName).toBe('Russia and Venezuela, November 2025.stix.json');
    expect(file.mimeType).toBe('application/stix+json;version=2.1');
    const bundle = JSON.parse(file.text) as Bundle;
    expect(bundle.type).toBe('bundle');
    expect(bundle.id).toMatch(
      /^bundle--[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    const counts = Object.fromEntries(
      ['report', 'identity', 'note', 'opinion', 'relationship'].map((t) => [
        t,
        ofType(bundle, t).length,
      ]),
    );
    // 11 speakers and outlets plus the analyst; 14 claims; 2 judgments; 5 claim-to-claim
    // links and 9 basis entries of the judgments (4 + 5), each a relationship to its opinion.
    expect(counts).toEqual({ report: 1, identity: 12, note: 14, opinion: 2, relationship: 14 });
    expect(bundle.objects).toHaveLength(43);
    for (const object of bundle.objects)
      expect([object.id, validate(object)]).toEqual([object.id, []]);
  });

  it('refers only to objects in the bundle, and the report refers to all of them', async () => {
    const { b, caseId } = await openSample(harness);
    const bundle = await bundleOf(b, caseId);
    const ids = new Set(bundle.objects.map((o) => o.id));
    expect(ids.size).toBe(bundle.objects.length);
    for (const o of bundle.objects) {
      for (const [key, value] of Object.entries(o)) {
        if (key.endsWith('_ref')) expect(ids.has(String(value)), `${o.id} ${key}`).toBe(true);
        if (key.endsWith('_refs'))
          for (const ref of value as string[]) expect(ids.has(ref), `${o.id} ${key}`).toBe(true);
      }
    }
    const [report] = ofType(bundle, 'report');
    expect(new Set(report?.object_refs as string[])).toEqual(
      new Set([...ids].filter((id) => id !== report?.id)),
    );
  });

  it('maps the grades: note confidence from credibility (none for 6), opinions from ICD 203', async () => {
    const { b, caseId } = await openSample(harness);
    const [claim] = await call(b, 'claims:list', { caseId });
    if (!claim) throw new Error('no claim');
    await call(b, 'claims:update', { claimId: claim.id, credibility: 6 });
    const bundle = await bundleOf(b, caseId);
    const notes = ofType(bundle, 'note');
    const unjudged = notes.find((n) =>
      (n.external_references as { external_id?: string }[]).some(
        (r) => r.external_id === `claim:${claim.id}`,
      ),
    );
    expect(unjudged).toBeDefined();
    expect(unjudged && 'confidence' in unjudged).toBe(false);
    expect(unjudged?.labels).toContain('admiralty-scale:information-credibility="6"');
    expect(validate(unjudged ?? {})).toEqual([]);
    const confidences = new Set(notes.filter((n) => n !== unjudged).map((n) => n.confidence));
    expect([...confidences].every((c) => [90, 70, 50, 30, 10].includes(c as number))).toBe(true);

    const judgments = await call(b, 'judgments:list', { caseId });
    const opinions = ofType(bundle, 'opinion');
    // The explanation opens with the statement (its basis follows).
    expect(
      opinions.map((o) => [String(o.explanation).split('\n\n')[0], o.opinion, o.confidence]),
    ).toEqual([
      // "unlikely to send troops": agreed with the claims it rests on, at the "likely" value.
      [judgments[0]?.statement, 'agree', likelihoodInfo('likely').stix],
      [judgments[1]?.statement, 'agree', likelihoodInfo('likely').stix],
    ]);
    expect(opinions[0]?.labels).toEqual([
      'estimative-language:likelihood-probability="unlikely"',
      'estimative-language:confidence-in-analytic-judgment="moderate"',
    ]);
  });

  it('an opinion refers to its evidence for and against, and keeps the direction (issue 11)', async () => {
    const { b, caseId } = await openSample(harness);
    const bundle = await bundleOf(b, caseId);
    const claims = await call(b, 'claims:list', { caseId });
    const noteOf = (text: string) => {
      const claim = claims.find((c) => c.text.startsWith(text));
      const note = ofType(bundle, 'note').find((n) =>
        (n.external_references as { external_id?: string }[]).some(
          (r) => r.external_id === `claim:${claim?.id}`,
        ),
      );
      if (!note) throw new Error(`no note for ${text}`);
      return note.id;
    };
    const [troops] = ofType(bundle, 'opinion');
    if (!troops) throw new Error('no opinion');
    const galeotti = noteOf('If the US moves');
    const chepa = noteOf('Russia will help');
    expect(troops.object_refs).toContain(galeotti);
    expect(troops.object_refs).toContain(chepa);
    expect(troops.object_refs).toHaveLength(4);
    const explanation = String(troops.explanation);
    expect(explanation).toContain(
      `Evidence against (cuts against the judgment):\n- “Russia will help Venezuela within the partnership agreement, as far as it can.” (${chepa})`,
    );
    expect(explanation.indexOf(galeotti)).toBeLessThan(explanation.indexOf('Evidence against'));
    const basis = ofType(bundle, 'relationship').filter((r) => r.target_ref === troops.id);
    expect(basis.map((r) => [r.source_ref, r.relationship_type]).sort()).toEqual(
      [
        [galeotti, 'supports'],
        [noteOf('The war in Ukraine'), 'supports'],
        [noteOf("Russia's war with"), 'supports'],
        [chepa, 'contradicts'],
      ].sort(),
    );
    for (const r of basis) expect(validate(r)).toEqual([]);
  });

  it('gives the same ids on every export of the same case', async () => {
    const { b, caseId } = await openSample(harness);
    const first = await bundleOf(b, caseId);
    const second = await bundleOf(b, caseId);
    expect(second.id).toBe(first.id);
    expect(second.objects.map((o) => o.id)).toEqual(first.objects.map((o) => o.id));
    // And another store's copy of the case (other Claimdesk ids) gets other ids.
    const other = await harness.start();
    const imported = await importText(other, 'x.json', (await exportText(b, caseId, 'json')).text);
    const copy = await bundleOf(other, imported.caseId);
    expect(
      copy.objects
        .map((o) => o.id)
        .filter((id) => first.objects.some((o) => o.id === id) && !id.startsWith('identity--')),
    ).toEqual([]);
  });

  it('validates an empty case (the report then refers to the analyst only)', async () => {
    const b = await harness.start();
    const bundle = await bundleOf(b, await makeCase(b, 'Empty'));
    expect(bundle.objects.map((o) => o.type)).toEqual(['report', 'identity']);
    for (const object of bundle.objects) expect(validate(object)).toEqual([]);
  });

  it('would catch an invalid object (the check is not vacuous)', async () => {
    const { b, caseId } = await openSample(harness);
    const [note] = ofType(await bundleOf(b, caseId), 'note');
    expect(validate({ ...note, confidence: 101 })).not.toEqual([]);
    expect(validate({ ...note, created: '2025-11-01T00:00:00Z' })).not.toEqual([]);
    expect(validate({ ...note, object_refs: [] })).not.toEqual([]);
    expect(validate({ ...note, type: 'unknown-type' })).toEqual([
      'no OASIS schema for type unknown-type',
    ]);
  });
});
