/** A migration is a pure function over the raw JSON of one schema version to the next. */
export interface Migration {
  from: number;
  to: number;
  description: string;
  up(raw: Record<string, unknown>): Record<string, unknown>;
}
