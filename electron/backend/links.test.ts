import { afterEach, describe, expect, it } from 'vitest';
import type { Input } from '../../shared/contract/channels';
import type { LinkRelation } from '../../shared/domain/schemas';
import type { Backend } from './backend';
import { EVIDENCE_TEXT, seedEvidenceCase } from './testing/evidence';
import { backendHarness, call, failure } from './testing/harness';

const harness = backendHarness();
afterEach(() => harness.cleanup());

type Target = Input<'links:create'>['target'];
const toClaim = (claimId: string): Target => ({ kind: 'claim', claimId });

const link = (b: Backend, fromClaimId: string, relation: LinkRelation, target: Target, note = '') =>
  call(b, 'links:create', { fromClaimId, relation, target, note });

describe('evidence links', () => {
  it('links a claim to another claim as supports, contradicts, context and same_claim', async () => {
    const b = await harness.start();
    const { caseId, claims } = await seedEvidenceCase(b);
    const made = [];
    for (const [relation, other] of [
      ['supports', claims.troops],
      ['contradicts', claims.help],
      ['context', claims.il76],
      ['same_claim', claims.troops],
    ] as const) {
      const created = await link(b, claims.diplomacy.id, relation, toClaim(other.id), relation);
      expect(created).toMatchObject({
        caseId,
        fromClaimId: claims.diplomacy.id,
        relation,
        target: { kind: 'claim', claimId: other.id },
        note: relation,
      });
      made.push(created);
    }
    expect(new Set(made.map((l) => l.id)).size).toBe(4);
    expect(await call(b, 'links:list', { caseId })).toEqual(made);
  });

  it('anchors a span target from start, end and exact, and refuses a mismatched exact', async () => {
    const b = await harness.start();
    const { claims, doc } = await seedEvidenceCase(b);
    const exact = 'Alexey Chepa told Lenta.ru';
    const start = EVIDENCE_TEXT.indexOf(exact);
    const span = { kind: 'span', documentId: doc.id, start, end: start + exact.length } as const;
    const created = await link(b, claims.help.id, 'context', { ...span, exact });
    expect(created.target).toMatchObject({
      kind: 'span',
      documentId: doc.id,
      anchor: { exact, start, end: start + exact.length },
    });
    const anchor = created.target.kind === 'span' ? created.target.anchor : null;
    expect(anchor?.prefix).not.toBe('');
    expect(EVIDENCE_TEXT.slice(0, start).endsWith(anchor?.prefix ?? '?')).toBe(true);
    expect(EVIDENCE_TEXT.slice(start + exact.length).startsWith(anchor?.suffix ?? '?')).toBe(true);

    const mismatch = await failure(b, 'links:create', {
      fromClaimId: claims.help.id,
      relation: 'context',
      target: { ...span, exact: 'Alexey Chepa told TASS....' },
    });
    expect(mismatch).toMatchObject({ code: 'invalid_input', field: 'target.start' });
  });

  it('links a URL and a file, and refuses a javascript: URL at validation', async () => {
    const b = await harness.start();
    const { claims } = await seedEvidenceCase(b);
    const url = await link(b, claims.il76.id, 'supports', {
      kind: 'url',
      url: 'https://example.org/flight-track',
    });
    expect(url.target).toEqual({ kind: 'url', url: 'https://example.org/flight-track' });
    const file = await link(b, claims.il76.id, 'supports', { kind: 'file', name: 'track.png' });
    expect(file.target).toEqual({ kind: 'file', name: 'track.png', location: '' });

    const refused = await failure(b, 'links:create', {
      fromClaimId: claims.il76.id,
      relation: 'supports',
      target: { kind: 'url', url: 'javascript:alert(1)' },
    });
    expect(refused).toMatchObject({ code: 'invalid_input', field: 'target.url' });
    expect(await call(b, 'links:list', { caseId: claims.il76.caseId })).toHaveLength(2);
  });

  it('refuses a claim as evidence for itself', async () => {
    const b = await harness.start();
    const { claims } = await seedEvidenceCase(b);
    const error = await failure(b, 'links:create', {
      fromClaimId: claims.help.id,
      relation: 'supports',
      target: toClaim(claims.help.id),
    });
    expect(error).toEqual({
      code: 'invalid_input',
      message: 'A claim cannot be evidence for itself.',
      field: 'target.claimId',
    });
  });

  it('asks before a repeated link changes its note: refused without `repeat`, then add or replace', async () => {
    const b = await harness.start();
    const { caseId, claims } = await seedEvidenceCase(b);
    const [from, to] = [claims.troops.id, claims.diplomacy.id];
    const first = await link(b, from, 'supports', toClaim(to), 'old');
    const refused = await failure(b, 'links:create', {
      fromClaimId: from,
      relation: 'supports',
      target: toClaim(to),
      note: 'new',
    });
    expect(refused).toEqual({
      code: 'conflict',
      message:
        'This link already exists with another note. Add your note to it or replace its note.',
      field: 'repeat',
    });
    expect(await call(b, 'links:list', { caseId })).toEqual([first]);

    const added = await call(b, 'links:create', {
      fromClaimId: from,
      relation: 'supports',
      target: toClaim(to),
      note: 'new',
      repeat: 'add',
    });
    expect(added).toMatchObject({ id: first.id, note: 'old\n\nnew' });
    const replaced = await call(b, 'links:create', {
      fromClaimId: from,
      relation: 'supports',
      target: toClaim(to),
      note: 'newest',
      repeat: 'replace',
    });
    expect(replaced).toMatchObject({ id: first.id, note: 'newest' });
    expect(await call(b, 'links:list', { caseId })).toEqual([replaced]);
  });

  it('merges a repeated link without asking when its note adds nothing or the old one is empty', async () => {
    const b = await harness.start();
    const { claims } = await seedEvidenceCase(b);
    const [from, to] = [claims.troops.id, claims.diplomacy.id];
    const first = await link(b, from, 'supports', toClaim(to), 'kept');
    expect(await link(b, from, 'supports', toClaim(to))).toMatchObject({
      id: first.id,
      note: 'kept',
    });
    expect(await link(b, from, 'supports', toClaim(to), ' kept ')).toMatchObject({ note: 'kept' });
    const bare = await link(b, from, 'context', toClaim(to));
    expect(await link(b, from, 'context', toClaim(to), 'first note')).toMatchObject({
      id: bare.id,
      note: 'first note',
    });
  });

  it('refuses to add a note that would take the link past 5,000 characters, keeping both', async () => {
    const b = await harness.start();
    const { claims } = await seedEvidenceCase(b);
    const [from, to] = [claims.troops.id, claims.diplomacy.id];
    await link(b, from, 'supports', toClaim(to), 'a'.repeat(3000));
    const error = await failure(b, 'links:create', {
      fromClaimId: from,
      relation: 'supports',
      target: toClaim(to),
      note: 'b'.repeat(3000),
      repeat: 'add',
    });
    expect(error).toMatchObject({ code: 'invalid_input', field: 'note' });
  });

  it('merges contradicts and same_claim given in reverse direction', async () => {
    const b = await harness.start();
    const { caseId, claims } = await seedEvidenceCase(b);
    const { diplomacy, help, troops } = claims;
    const against = await link(b, diplomacy.id, 'contradicts', toClaim(help.id), 'one');
    const reverse = await call(b, 'links:create', {
      fromClaimId: help.id,
      relation: 'contradicts',
      target: toClaim(diplomacy.id),
      note: 'two',
      repeat: 'replace',
    });
    expect(reverse).toMatchObject({ id: against.id, fromClaimId: diplomacy.id, note: 'two' });
    const same = await link(b, troops.id, 'same_claim', toClaim(diplomacy.id));
    const sameBack = await link(b, diplomacy.id, 'same_claim', toClaim(troops.id));
    expect(sameBack.id).toBe(same.id);
    // "supports" has a direction: the reverse is another link.
    const pro = await link(b, troops.id, 'supports', toClaim(help.id));
    const proBack = await link(b, help.id, 'supports', toClaim(troops.id));
    expect(proBack.id).not.toBe(pro.id);
    expect(await call(b, 'links:list', { caseId })).toHaveLength(4);
  });

  it('refuses a same_claim link that would close a cycle, naming the claim in between', async () => {
    const b = await harness.start();
    const { caseId, claims } = await seedEvidenceCase(b);
    const [a, bb, c] = [claims.diplomacy, claims.troops, claims.help];
    await link(b, a.id, 'same_claim', toClaim(bb.id));
    await link(b, bb.id, 'same_claim', toClaim(c.id));
    const error = await failure(b, 'links:create', {
      fromClaimId: c.id,
      relation: 'same_claim',
      target: toClaim(a.id),
    });
    expect(error.code).toBe('conflict');
    expect(error.message).toBe(`These claims are already the same claim through “${bb.text}”.`);
    expect(await call(b, 'links:list', { caseId })).toHaveLength(2);
  });

  it('updates the relation and the note of a link', async () => {
    const b = await harness.start();
    const { caseId, claims } = await seedEvidenceCase(b);
    const created = await link(b, claims.troops.id, 'supports', toClaim(claims.diplomacy.id), 'x');
    const related = await call(b, 'links:update', { linkId: created.id, relation: 'context' });
    expect(related).toMatchObject({ id: created.id, relation: 'context', note: 'x' });
    const noted = await call(b, 'links:update', { linkId: created.id, note: 'Same argument' });
    expect(noted).toMatchObject({ relation: 'context', note: 'Same argument' });
    expect(await call(b, 'links:list', { caseId })).toEqual([noted]);
    const missing = await failure(b, 'links:update', { linkId: 'no-such-link', note: '' });
    expect(missing).toMatchObject({ code: 'not_found', field: 'linkId' });
  });

  it('deletes a link', async () => {
    const b = await harness.start();
    const { caseId, claims } = await seedEvidenceCase(b);
    const kept = await link(b, claims.troops.id, 'supports', toClaim(claims.diplomacy.id));
    const gone = await link(b, claims.help.id, 'contradicts', toClaim(claims.diplomacy.id));
    expect(await call(b, 'links:delete', { linkId: gone.id })).toEqual({ linkId: gone.id });
    expect(await call(b, 'links:list', { caseId })).toEqual([kept]);
    expect((await failure(b, 'links:delete', { linkId: gone.id })).code).toBe('not_found');
  });

  it('refuses a claim of another case as the target', async () => {
    const b = await harness.start();
    const { caseId, claims, foreign } = await seedEvidenceCase(b);
    const error = await failure(b, 'links:create', {
      fromClaimId: claims.help.id,
      relation: 'same_claim',
      target: toClaim(foreign.id),
    });
    expect(error).toMatchObject({ code: 'invalid_input', field: 'target.claimId' });
    expect(await call(b, 'links:list', { caseId })).toEqual([]);
  });

  it('lists the links of one case only', async () => {
    const b = await harness.start();
    const { caseId, claims, foreign, foreignCaseId } = await seedEvidenceCase(b);
    const here = await link(b, claims.help.id, 'supports', toClaim(claims.diplomacy.id));
    const there = await link(b, foreign.id, 'context', { kind: 'file', name: 'notes.docx' });
    expect(await call(b, 'links:list', { caseId })).toEqual([here]);
    expect(await call(b, 'links:list', { caseId: foreignCaseId })).toEqual([there]);
    expect((await failure(b, 'links:list', { caseId: 'no-such-case' })).code).toBe('not_found');
  });

  it('deletes a claim with its links and its place in judgment bases; undo restores them all', async () => {
    const b = await harness.start();
    const { caseId, claims } = await seedEvidenceCase(b);
    const { diplomacy, troops, help, il76 } = claims;
    const into = await link(b, troops.id, 'supports', toClaim(diplomacy.id));
    const outOf = await link(b, diplomacy.id, 'contradicts', toClaim(help.id));
    const unrelated = await link(b, il76.id, 'context', toClaim(help.id));
    const judgment = await call(b, 'judgments:create', {
      caseId,
      statement: 'Russia is unlikely to send troops.',
      likelihood: 'unlikely',
      confidence: 'moderate',
      basis: [
        { claimId: diplomacy.id, relation: 'supports' },
        { claimId: troops.id, relation: 'supports' },
      ],
    });
    const byId = <T extends { id: string }>(list: T[]) =>
      [...list].sort((x, y) => x.id.localeCompare(y.id));
    const read = async () => ({
      claims: byId(await call(b, 'claims:list', { caseId })),
      links: byId(await call(b, 'links:list', { caseId })),
      judgments: (await call(b, 'judgments:list', { caseId })).map(({ warnings: _w, ...j }) => j),
    });
    const before = await read();
    expect(before.links).toEqual(byId([into, outOf, unrelated]));

    await call(b, 'claims:delete', { claimId: diplomacy.id });
    const after = await read();
    expect(after.claims.map((c) => c.id)).not.toContain(diplomacy.id);
    expect(after.links).toEqual([unrelated]);
    expect(after.judgments[0]?.basis).toEqual([{ claimId: troops.id, relation: 'supports' }]);

    // One edit: a single undo brings the claim, its links and its place in the basis back.
    expect((await call(b, 'edit:undo', {})).label).toBe('Delete claim');
    expect(await read()).toEqual(before);
    expect((await read()).judgments).toEqual([judgment]);
    expect(harness.logs).toEqual([]);
  });
});
