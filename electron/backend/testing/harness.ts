/**
 * Test helpers for driving the backend through `dispatch`, as the shells do: a backend per
 * temp data dir, typed calls that must succeed or must fail, and small seeding shortcuts.
 */
import type { Channel, Input, Output } from '../../../shared/contract/channels';
import type { CallError } from '../../../shared/contract/result';
import type { Claim, ClaimDocument, EntityKind } from '../../../shared/domain/schemas';
import { openBackend, type Backend, type BackendOptions } from '../backend';
import { tempDirs } from './tempDir';

export interface BackendHarness {
  /** Opens a backend on `dataDir` (a fresh temp dir when omitted). */
  start(
    dataDir?: string,
    sampleCaseFile?: string,
    options?: Pick<BackendOptions, 'suggestWorker'>,
  ): Promise<Backend>;
  /** Closes one backend now (it is no longer closed by `cleanup`). */
  stop(backend: Backend): Promise<void>;
  /** Closes every backend still open and removes the temp dirs: for afterEach. */
  cleanup(): Promise<void>;
  /** What the backends logged (unexpected failures end up here). */
  logs: string[];
}

export function backendHarness(): BackendHarness {
  const dirs = tempDirs();
  const open: Backend[] = [];
  const logs: string[] = [];
  return {
    logs,
    start: async (dataDir, sampleCaseFile, options = {}) => {
      const backend = await openBackend({
        ...options,
        dataDir: dataDir ?? (await dirs.make()),
        host: 'web',
        version: 'test',
        sampleCaseFile,
        log: (message) => logs.push(message),
      });
      open.push(backend);
      return backend;
    },
    stop: async (backend) => {
      open.splice(open.indexOf(backend), 1);
      await backend.close();
    },
    cleanup: async () => {
      await Promise.all(open.splice(0).map((b) => b.close()));
      await dirs.cleanup();
      logs.length = 0;
    },
  };
}

/** A call that must succeed, typed by its channel. */
export async function call<C extends Channel>(
  b: Backend,
  channel: C,
  input: Input<C>,
): Promise<Output<C>> {
  const result = await b.dispatch(channel, input);
  if (!result.ok) throw new Error(`${channel} failed: ${result.error.message}`);
  return result.value as Output<C>;
}

/** A call that must fail; returns its error. The input is unchecked on purpose. */
export async function failure(b: Backend, channel: Channel, input: unknown): Promise<CallError> {
  const result = await b.dispatch(channel, input);
  if (result.ok) throw new Error(`${channel} succeeded but was expected to fail`);
  return result.error;
}

export async function makeCase(b: Backend, title = 'Venezuela'): Promise<string> {
  return (await call(b, 'cases:create', { title })).id;
}

export async function makeEntity(
  b: Backend,
  name: string,
  kind: EntityKind = 'person',
  aliases: string[] = [],
): Promise<string> {
  return (await call(b, 'entities:create', { name, kind, aliases })).id;
}

export async function addDocument(
  b: Backend,
  caseId: string,
  text: string,
  fields: Partial<Omit<Input<'documents:create'>, 'caseId' | 'text'>> = {},
): Promise<ClaimDocument> {
  const created = await call(b, 'documents:create', { caseId, title: 'Report', text, ...fields });
  return created.document;
}

/** A claim on the first occurrence of `quote` in `text`, the text of `document`. */
export async function capture(
  b: Backend,
  document: Pick<ClaimDocument, 'id'>,
  text: string,
  quote: string,
  fields: Partial<Omit<Input<'claims:create'>, 'documentId' | 'start' | 'end' | 'exact'>> = {},
): Promise<Claim> {
  const start = text.indexOf(quote);
  if (start < 0) throw new Error(`quote not in text: ${quote}`);
  return call(b, 'claims:create', {
    documentId: document.id,
    start,
    end: start + quote.length,
    exact: quote,
    ...fields,
  });
}
