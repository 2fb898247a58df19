/**
 * The claim extractor on a worker thread (./runner.ts): one text at a time, in order.
 * Bundled on its own as dist/workers/suggest.cjs.
 */
import { parentPort } from 'node:worker_threads';
import { suggestClaims } from '../../../shared/suggest/suggest';
import type { WorkerReply, WorkerRequest } from './runner';

parentPort?.on('message', ({ id, text, options }: WorkerRequest) => {
  let reply: WorkerReply;
  try {
    reply = { id, suggestions: suggestClaims(text, options) };
  } catch (error) {
    reply = { id, error: error instanceof Error ? error.message : String(error) };
  }
  parentPort?.postMessage(reply);
});
