/**
 * Who a speaker phrase refers to, across the document: a surname to the full name met earlier
 * ("Galeotti" to "Mark Galeotti"), "he"/"she" to the nearest speaker of a compatible gender,
 * "the spokesperson" to the person last given that role, "the ministry" to the organisation,
 * "the newspaper" to the outlet last named, and any name to a known entity's name or alias.
 */
import { findByName } from '../entities/names';
import { isPlaceName } from './lexicon';
import type { Phrase } from './phrases';
import type { KnownEntity } from './types';
import { GENERIC_ORGS, none, SPOKES, wordsOf, type Mention, type Resolved } from './mentions';

export type { Mention, Resolved } from './mentions';

export class Discourse {
  private readonly mentions: Mention[] = [];
  /** Mentions by type and name, and multi-word people by each word of their names. */
  private readonly byKey = new Map<string, Mention>();
  private readonly personsByWord = new Map<string, Mention[]>();
  /** Index of the sentence being read. */
  sentence = 0;
  private subject: { name: string; sentence: number } | null = null;
  private anonymous: { pos: number; paragraph: number } | null = null;

  /** An anonymous source spoke within the last two paragraphs, after any named group. */
  private anonymousNear(pos: number, paragraph: number): boolean {
    const a = this.anonymous;
    if (!a || a.paragraph < paragraph - 2 || a.pos >= pos) return false;
    const named = this.latest(
      (x) => (x.type === 'group' || x.type === 'org') && x.spoke && x.pos < pos,
    );
    return !named || named.pos < a.pos;
  }

  /** The person a sentence is about, for a pronoun in the next sentence. */
  setSubject(name: string): void {
    const full = this.fullName(name, Infinity) ?? name;
    this.subject = { name: full, sentence: this.sentence };
  }

  constructor(private readonly known: readonly KnownEntity[]) {}

  /** A name met in the text, whether or not it speaks (pre-pass and speakers alike). */
  mention(m: Mention): void {
    const canonical = m.type === 'person' ? (this.fullName(m.name, m.pos) ?? m.name) : m.name;
    const existing = this.byKey.get(`${m.type}|${canonical}`);
    if (existing) {
      existing.count = (existing.count ?? 1) + 1;
      existing.pos = Math.max(existing.pos, m.pos);
      existing.paragraph = Math.max(existing.paragraph, m.paragraph);
      existing.gender ??= m.gender;
      existing.role ??= m.role;
      existing.spoke ||= m.spoke;
      return;
    }
    const added: Mention = { ...m, name: canonical, count: 1, first: m.pos };
    this.mentions.push(added);
    this.byKey.set(`${m.type}|${canonical}`, added);
    const words = canonical.split(/\s+/u);
    if (m.type === 'person' && words.length > 1)
      for (const w of words)
        this.personsByWord.set(w, [...(this.personsByWord.get(w) ?? []), added]);
  }

  /** Whether the article named this as an outlet ("the Norwegian broadcaster NRK"). */
  isOutlet(name: string): boolean {
    return this.byKey.has(`outlet|${name}`);
  }

  /** The full name a one-word name stands for, if one was met. */
  fullNameOf(name: string): string | undefined {
    return this.fullName(name, Infinity);
  }

  /**
   * The full name a shorter name stands for: the person met before `pos` (else after it) whose
   * longer name holds it, the latest first.
   */
  private fullName(name: string, pos: number): string | undefined {
    const words = name.split(/\s+/u);
    const candidates = this.personsByWord.get(words[words.length - 1] ?? '') ?? [];
    let best: Mention | undefined;
    for (const x of candidates) {
      const fits =
        words.length > 1
          ? x.name.endsWith(` ${name}`)
          : x.name !== name && x.name.split(/\s+/u).includes(name);
      if (!fits) continue;
      const better =
        !best ||
        (x.pos < pos && best.pos >= pos) ||
        (x.pos < pos === best.pos < pos && x.pos > best.pos);
      if (better) best = x;
    }
    return best?.name;
  }

  resolve(phrase: Phrase, pos: number, paragraph: number): Resolved {
    const byEntity = (name: string, type: Resolved['type'], role: string | null): Resolved => {
      const entity = findByName(this.known, name) ?? findByName(this.known, phrase.text);
      return { name: entity?.name ?? name, entityId: entity?.id ?? null, type, role };
    };
    switch (phrase.type) {
      case 'person': {
        // "Lumen said" after "Lumen Devices unveiled …": a short name of an organisation.
        const org = phrase.text.includes(' ')
          ? undefined
          : this.latest(
              (x) =>
                x.type !== 'person' &&
                x.type !== 'group' &&
                x.pos < pos &&
                x.name.startsWith(`${phrase.text} `),
            );
        if (org && !this.fullName(phrase.text, pos)) return byEntity(org.name, org.type, null);
        const full = this.fullName(phrase.text, pos) ?? phrase.text;
        const m = this.find(full, 'person');
        return byEntity(full, 'person', m?.role ?? null);
      }
      case 'org':
        return byEntity(phrase.text.replace(/^the\s+/iu, ''), 'org', null);
      case 'outlet':
        return byEntity(phrase.text.replace(/^the\s+/iu, ''), 'outlet', null);
      case 'pronoun': {
        // "…, they said" after "people familiar with the matter said": still anonymous.
        if (/^they$/iu.test(phrase.text) && this.anonymousNear(pos, paragraph))
          return none('anonymous');
        const m = this.pronoun(phrase, pos, paragraph);
        return m ? byEntity(m.name, m.type, m.role ?? null) : none('person');
      }
      case 'roleRef': {
        const m = this.byRole(phrase.text, pos);
        return m
          ? byEntity(m.name, 'person', m.role ?? null)
          : byEntity(phrase.text, 'group', null);
      }
      case 'orgRef': {
        const m = this.byHead(phrase.text, 'org', pos, paragraph);
        return m ? byEntity(m.name, 'org', null) : byEntity(phrase.text, 'org', null);
      }
      case 'outletRef': {
        const m = this.latest((x) => x.type === 'outlet' && x.pos < pos);
        return m ? byEntity(m.name, 'outlet', null) : byEntity(phrase.text, 'outlet', null);
      }
      case 'group':
        if (
          /^the (?:people|person|sources?|insiders?)$/iu.test(phrase.text) &&
          this.anonymousNear(pos, paragraph)
        )
          return none('anonymous');
        return byEntity(phrase.text, 'group', null);
      case 'anonymous':
        this.anonymous = { pos, paragraph };
        return none('anonymous');
    }
  }

  private find(name: string, type: Mention['type']): Mention | undefined {
    return this.byKey.get(`${type}|${name}`);
  }

  private latest(test: (m: Mention) => boolean): Mention | undefined {
    let best: Mention | undefined;
    for (const m of this.mentions) if (test(m) && (!best || m.pos > best.pos)) best = m;
    return best;
  }

  /** "he"/"she": the latest compatible speaker nearby, else the latest compatible person. */
  private pronoun(phrase: Phrase, pos: number, paragraph: number): Mention | undefined {
    const word = phrase.text.toLowerCase();
    if (word === 'it' || word === 'they') {
      return this.latest(
        (x) =>
          (x.type === 'org' || x.type === 'outlet' || (word === 'they' && x.type === 'group')) &&
          x.spoke &&
          x.pos < pos &&
          x.paragraph >= paragraph - 2,
      );
    }
    const fits = (x: Mention): boolean =>
      x.type === 'person' &&
      x.pos < pos &&
      (!x.gender || !phrase.gender || x.gender === phrase.gender);
    const exact = (x: Mention): boolean =>
      fits(x) && (!phrase.gender || x.gender === phrase.gender);
    const subject =
      this.subject && this.subject.sentence >= this.sentence - 1
        ? this.find(this.subject.name, 'person')
        : undefined;
    const found =
      (subject && fits(subject) ? subject : undefined) ??
      this.latest((x) => exact(x) && x.spoke && x.paragraph >= paragraph - 1) ??
      this.latest((x) => exact(x) && x.paragraph >= paragraph - 2) ??
      this.latest((x) => fits(x) && x.spoke && x.paragraph >= paragraph - 1) ??
      this.latest((x) => fits(x) && x.paragraph >= paragraph - 2) ??
      this.latest(fits);
    if (found && phrase.gender) found.gender ??= phrase.gender;
    return found;
  }

  /** "the spokesperson", "the minister": the latest person with that role. */
  private byRole(text: string, pos: number): Mention | undefined {
    const head = wordsOf(text).at(-1) ?? '';
    const matches = (role: string | undefined): boolean => {
      if (!role) return false;
      const words = wordsOf(role);
      return words.includes(head) || (SPOKES.test(head) && words.some((w) => SPOKES.test(w)));
    };
    return (
      this.latest((x) => x.type === 'person' && x.pos < pos && matches(x.role)) ??
      this.latest((x) => x.type === 'person' && x.pos < pos && matches(x.name))
    );
  }

  /** The organisation the article is about: met most often, and first among equals. */
  private mainOrganisation(type: Mention['type'], pos: number): Mention | undefined {
    let best: Mention | undefined;
    for (const x of this.mentions) {
      if (x.type !== type || (x.first ?? x.pos) >= pos || isPlaceName(x.name)) continue;
      const better =
        !best ||
        (x.count ?? 1) > (best.count ?? 1) ||
        ((x.count ?? 1) === (best.count ?? 1) && (x.first ?? x.pos) < (best.first ?? best.pos));
      if (better) best = x;
    }
    return best;
  }

  /** "the ministry": the latest organisation whose name has that word. */
  private byHead(
    text: string,
    type: Mention['type'],
    pos: number,
    paragraph: number,
  ): Mention | undefined {
    const head = wordsOf(text).at(-1) ?? '';
    // Only a bare "the ministry" refers back; "Russia's defence ministry" names its own.
    if (wordsOf(text).length > 2) return undefined;
    const named = (x: Mention): boolean =>
      [...wordsOf(x.name), ...wordsOf(x.role ?? '')].includes(head);
    return (
      this.latest(
        (x) => x.type === type && x.pos < pos && x.paragraph >= paragraph - 3 && named(x),
      ) ??
      // "the company" after Veltrix Therapeutics spoke: the organisation that spoke last.
      (GENERIC_ORGS.test(head)
        ? (this.latest(
            (x) => x.type === type && x.pos < pos && x.paragraph >= paragraph - 3 && x.spoke,
          ) ??
          this.latest(
            (x) =>
              x.type === type &&
              x.pos < pos &&
              x.paragraph >= paragraph - 1 &&
              !isPlaceName(x.name),
          ) ??
          this.mainOrganisation(type, pos))
        : undefined)
    );
  }
}
