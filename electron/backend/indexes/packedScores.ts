/**
 * The score cache's figures, packed in typed arrays by claim ordinal (claimTable.ts). As a
 * Map of 100,000 small objects keyed by claim id they held about 9 MB of the backend's
 * memory (a heap snapshot at 100k, issue 9: "backend RSS ≤ 400 MiB"); packed, 1.9 MB.
 */
import {
  CREDIBILITY_CODES,
  RELIABILITY_CODES,
  type Credibility,
  type Reliability,
} from '../../../shared/grading/scales';
import type { ScoreSummary } from './scores';

const INITIAL = 1024;

export class PackedScores {
  /** The score; NaN when it is null (nothing could be judged). */
  private values = new Float64Array(INITIAL);
  /** 0: nothing kept for this ordinal; otherwise 1 + the reliability's place in A–F. */
  private reliability = new Uint8Array(INITIAL);
  private credibility = new Uint8Array(INITIAL);
  private corroborating = new Uint32Array(INITIAL);
  private contradicting = new Uint32Array(INITIAL);
  private count = 0;

  get size(): number {
    return this.count;
  }

  has(n: number): boolean {
    return (this.reliability[n] ?? 0) !== 0;
  }

  get(n: number): ScoreSummary | undefined {
    const letter = this.reliability[n] ?? 0;
    if (letter === 0) return undefined;
    const value = this.values[n] ?? Number.NaN;
    return {
      value: Number.isNaN(value) ? null : value,
      reliability: RELIABILITY_CODES[letter - 1] as Reliability,
      credibility: this.credibility[n] as Credibility,
      corroborating: this.corroborating[n] ?? 0,
      contradicting: this.contradicting[n] ?? 0,
    };
  }

  set(n: number, s: ScoreSummary): void {
    const letter = RELIABILITY_CODES.indexOf(s.reliability) + 1;
    // A figure outside the scales (not what the scoring makes) is not kept: computed again.
    if (letter === 0 || !CREDIBILITY_CODES.includes(s.credibility)) return this.delete(n);
    this.grow(n);
    if (!this.has(n)) this.count += 1;
    this.values[n] = s.value ?? Number.NaN;
    this.reliability[n] = letter;
    this.credibility[n] = s.credibility;
    this.corroborating[n] = s.corroborating;
    this.contradicting[n] = s.contradicting;
  }

  delete(n: number): void {
    if (!this.has(n)) return;
    this.reliability[n] = 0;
    this.count -= 1;
  }

  private grow(n: number): void {
    if (n < this.reliability.length) return;
    let length = this.reliability.length;
    while (length <= n) length *= 2;
    const widen = <A extends Float64Array | Uint8Array | Uint32Array>(
      old: A,
      make: (length: number) => A,
    ): A => {
      const wider = make(length);
      wider.set(old);
      return wider;
    };
    this.values = widen(this.values, (l) => new Float64Array(l));
    this.reliability = widen(this.reliability, (l) => new Uint8Array(l));
    this.credibility = widen(this.credibility, (l) => new Uint8Array(l));
    this.corroborating = widen(this.corroborating, (l) => new Uint32Array(l));
    this.contradicting = widen(this.contradicting, (l) => new Uint32Array(l));
  }
}
