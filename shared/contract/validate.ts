/**
 * Validation at the boundary: turns a zod failure into a `CallFailure` that names the
 * field, so the user reads "title: must not be empty" and not a stack trace.
 */
import type { z } from 'zod';
import { CallFailure } from './result';
import { inputSchemas, type Channel, type ParsedInput } from './channels';

export function describeIssue(issue: z.core.$ZodIssue): { field: string; message: string } {
  // An unknown key is reported on its parent; name the key itself as the field.
  const path =
    issue.code === 'unrecognized_keys' ? [...issue.path, ...issue.keys.slice(0, 1)] : issue.path;
  const field = path.map(String).join('.');
  return { field, message: field ? `${field}: ${issue.message}` : issue.message };
}

export function parseInput<C extends Channel>(channel: C, input: unknown): ParsedInput<C> {
  // Indexing the map with a generic channel loses the link between a channel and its
  // schema, which TypeScript cannot follow; the map itself pins each pair.
  const schema = inputSchemas[channel] as unknown as z.ZodType<ParsedInput<C>>;
  const parsed = schema.safeParse(input ?? {});
  if (parsed.success) return parsed.data;
  const first = parsed.error.issues[0];
  const { field, message } = first
    ? describeIssue(first)
    : { field: '', message: 'the request is not valid' };
  throw new CallFailure(
    'invalid_input',
    `Invalid ${channel} request: ${message}`,
    field || undefined,
  );
}
