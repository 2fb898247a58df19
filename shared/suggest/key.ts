/**
 * A stable key for a suggestion, so that a rejected one stays rejected across runs: a hash of
 * its normalised content and speaker (cyrb53, 53 bits, as hex). Offsets are left out, so a
 * re-imported snapshot with the same passage gives the same key.
 */
import { normalizeName } from '../entities/names';

function cyrb53(s: string, seed = 0): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < s.length; i++) {
    const ch = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

export const normalizedContent = (content: string): string => normalizeName(content);

export function suggestionKey(content: string, speaker: string | null): string {
  const basis = `${normalizedContent(content)}|${speaker ? normalizeName(speaker) : ''}`;
  return cyrb53(basis).toString(16).padStart(14, '0');
}
