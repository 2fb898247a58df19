import { describe, expect, it } from 'vitest';
import { CLAIMDESK_NAMESPACE, stixId, urnFor, uuidV5 } from './ids';

describe('export ids', () => {
  it('computes RFC 9562 version-5 UUIDs (the RFC test vector)', () => {
    const DNS = '6ba7b810-9dad-11d1-80b4-00c04fd430c8';
    expect(uuidV5('www.example.com', DNS)).toBe('2ed6657d-e927-568b-95e1-2665a8aea6a2');
    const URL_NS = '6ba7b811-9dad-11d1-80b4-00c04fd430c8';
    expect(uuidV5('https://claimdesk.invalid/ns', URL_NS)).toBe(CLAIMDESK_NAMESPACE);
  });

  it('gives stable STIX ids and urn:uuid IRIs', () => {
    expect(stixId('note', 'claim-1')).toBe(stixId('note', 'claim-1'));
    expect(stixId('note', 'claim-1')).not.toBe(stixId('note', 'claim-2'));
    expect(stixId('note', 'claim-1')).toMatch(
      /^note--[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    const uuid = 'D5E5A2B4-1C2B-4F3A-9B8C-7D6E5F4A3B2C';
    expect(urnFor('claim', uuid)).toBe(`urn:uuid:${uuid.toLowerCase()}`);
    expect(urnFor('claim', 'claim-v3')).toMatch(/^urn:uuid:[0-9a-f-]{36}$/);
  });
});
