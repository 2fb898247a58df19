/**
 * Stable identifiers for exported objects. Exports must be reproducible (the same case
 * exported twice yields the same ids, so a STIX consumer or an annotation server updates
 * objects instead of duplicating them), hence name-based UUIDs (RFC 9562 version 5, SHA-1)
 * derived from Claimdesk's own ids.
 */
import { createHash } from 'node:crypto';

/**
 * The namespace of every Claimdesk name-based UUID. Never change it: every id ever exported
 * is derived from it. (Itself uuidv5(URL namespace, "https://claimdesk.invalid/ns").)
 */
export const CLAIMDESK_NAMESPACE = '5aeab91b-0c2d-55e5-b7aa-dab6d2f52531';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const bytesOf = (uuid: string): Buffer => {
  if (!UUID.test(uuid)) throw new Error(`not a UUID: ${uuid}`);
  return Buffer.from(uuid.replace(/-/g, ''), 'hex');
};

const format = (hex: string): string =>
  `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;

/** Namespaces as bytes, parsed once (an export derives hundreds of thousands of ids). */
const namespaceBytes = new Map<string, Buffer>();

/** RFC 9562 §5.5: SHA-1 of namespace + name, version 5, variant 10. */
export function uuidV5(name: string, namespace: string = CLAIMDESK_NAMESPACE): string {
  let space = namespaceBytes.get(namespace);
  if (!space) namespaceBytes.set(namespace, (space = bytesOf(namespace)));
  const digest = createHash('sha1').update(space).update(name, 'utf8').digest();
  const bytes = digest.subarray(0, 16);
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x50;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  return format(bytes.toString('hex'));
}

/**
 * A `urn:uuid:` IRI for a Claimdesk id. Ids minted by the backend are random UUIDs and are
 * used as they are; other ids (fixtures, older stores) get a name-based UUID.
 */
export function urnFor(kind: string, id: string): string {
  return `urn:uuid:${UUID.test(id) ? id.toLowerCase() : uuidV5(`${kind}:${id}`)}`;
}

/** A `urn:uuid:` IRI for something that has no Claimdesk id of its own (a page of a collection). */
export const derivedUrn = (name: string): string => `urn:uuid:${uuidV5(name)}`;

/** A STIX 2.1 identifier `<type>--<uuid>` for a Claimdesk record. */
export function stixId(type: string, id: string): string {
  return `${type}--${uuidV5(`stix:${type}:${id}`)}`;
}
