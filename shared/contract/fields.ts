/** zod building blocks shared by the contract's domains. */
import { z } from 'zod';
import { IdSchema } from '../domain/schemas';
import { MAX_PAGE } from './limits';

export const title = (max: number) =>
  z
    .string()
    .trim()
    .min(1, { message: 'must not be empty' })
    .max(max, { message: `must be at most ${max} characters` });

export const httpUrl = z.union([
  z.literal(''),
  z.url({ protocol: /^https?$/, message: 'must be an http(s) URL' }).max(2000),
]);

/**
 * A map keyed by entity id. zod drops a "__proto__" key without a word; a body that names
 * one is refused instead, so nothing it meant is silently lost.
 */
export const safeRecord = <V extends z.ZodType>(value: V) =>
  z
    .custom<Record<string, unknown>>(
      (v) =>
        typeof v === 'object' &&
        v !== null &&
        !Array.isArray(v) &&
        !Object.prototype.hasOwnProperty.call(v, '__proto__'),
      { message: 'must be a map of ids, without a "__proto__" key' },
    )
    .pipe(z.record(IdSchema, value));

/** A passage of a document: UTF-16 offsets and the text found there. */
export const selection = {
  documentId: IdSchema,
  start: z.number().int().nonnegative(),
  end: z.number().int().positive(),
  exact: z.string().min(1),
};

export const endAfterStart = (v: { start: number; end: number }) => v.end > v.start;

/** A window of a list: `offset` rows skipped, at most `limit` returned. */
export const windowFields = {
  offset: z.number().int().nonnegative().default(0),
  limit: z.number().int().positive().max(MAX_PAGE).default(100),
};

/**
 * A file sent with a call: uploaded first (`uploadId`, from the web host's upload or the
 * desktop shell's, no base64 on the way), or inline as base64 for scripts.
 */
export const fileSource = {
  fileName: z.string().trim().min(1).max(500),
  uploadId: z
    .string()
    .regex(/^[0-9a-f]{32}$/, { message: 'is not an upload id' })
    .optional(),
  dataBase64: z.string().optional(),
};

export const oneSource = (v: { uploadId?: string; dataBase64?: string }) =>
  (v.uploadId === undefined) !== (v.dataBase64 === undefined);
export const oneSourceMessage = {
  message: 'give the file either as uploadId or as dataBase64',
  path: ['uploadId'],
};
