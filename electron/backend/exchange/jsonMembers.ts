/**
 * Reads a JSON object a member at a time, and the arrays among its members an element at a
 * time, from a stream of bytes (issue 9: "imports stream, linear in size"). A case file of
 * 100,000 claims is 150 MB: one JSON.parse of it would hold the event loop for seconds, and a
 * token-by-token streaming parser is ten times slower than the native one. So this only
 * finds where each top-level member and each array element begins and ends (tracking
 * strings, escapes and nesting), and hands each piece, a few kilobytes, to JSON.parse.
 *
 * Errors say what went wrong in words the import repeats: not UTF-8, cut off, not JSON.
 */
import { setImmediate as nextTurn } from 'node:timers/promises';

export class JsonShapeError extends Error {
  constructor(
    readonly reason: 'not_utf8' | 'truncated' | 'syntax' | 'not_object',
    detail: string,
  ) {
    super(detail);
    this.name = 'JsonShapeError';
  }
}

export type Member =
  | { kind: 'value'; key: string; value: unknown }
  | { kind: 'arrayStart'; key: string }
  | { kind: 'element'; key: string; value: unknown };

const isSpace = (c: string) => c === ' ' || c === '\n' || c === '\r' || c === '\t';

/** Elements parsed between two turns of the event loop. */
const SLICE = 500;

function parsePiece(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new JsonShapeError('syntax', error instanceof Error ? error.message : String(error));
  }
}

type Where = 'begin' | 'key' | 'colon' | 'value' | 'after' | 'element' | 'afterElement' | 'end';

/**
 * The members of the top-level object in `chunks`: `value` for each member, except arrays,
 * which come as `arrayStart` and then one `element` per element. `onBytes` is told how many
 * bytes have been read, for a progress bar.
 */
export async function* jsonMembers(
  chunks: AsyncIterable<Uint8Array>,
  onBytes: (bytes: number) => void = () => undefined,
): AsyncGenerator<Member> {
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
  const decode = (chunk?: Uint8Array): string => {
    try {
      return chunk ? decoder.decode(chunk, { stream: true }) : decoder.decode();
    } catch {
      throw new JsonShapeError('not_utf8', 'the file is not UTF-8 text');
    }
  };
  let where: Where = 'begin';
  let key = '';
  // The piece being read: where it starts in `buffer`, what it is, how deep inside it we are.
  let buffer = '';
  let start = -1;
  let kind: 'string' | 'nested' | 'scalar' | null = null;
  let nest = 0;
  let inString = false;
  let escaped = false;
  let bytes = 0;
  let parsed = 0;

  async function* feed(): AsyncGenerator<string> {
    for await (const chunk of chunks) {
      bytes += chunk.length;
      onBytes(bytes);
      yield decode(chunk);
    }
    yield decode();
    // End of input: a scalar running to the very end is finished by it.
    yield '\n';
  }

  for await (const text of feed()) {
    let pos: number;
    if (start >= 0) {
      pos = buffer.length - start;
      buffer = buffer.slice(start) + text;
      start = 0;
    } else {
      buffer = text;
      pos = 0;
    }
    for (; pos < buffer.length; pos++) {
      const c = buffer[pos] as string;
      if (kind !== null) {
        // Inside a piece: find its end.
        let ended = false;
        if (inString) {
          if (escaped) escaped = false;
          else if (c === '\\') escaped = true;
          else if (c === '"') {
            inString = false;
            ended = kind === 'string';
          }
        } else if (kind === 'scalar') {
          if (c === ',' || c === '}' || c === ']' || isSpace(c)) {
            pos -= 1; // the separator is read again below
            ended = true;
          }
        } else if (c === '"') {
          inString = true;
        } else if (c === '{' || c === '[') {
          nest += 1;
        } else if (c === '}' || c === ']') {
          nest -= 1;
          ended = nest === 0;
        }
        if (!ended) continue;
        const piece = buffer.slice(start, pos + 1);
        start = -1;
        kind = null;
        const value = parsePiece(piece);
        if (where === 'key') {
          key = value as string;
          where = 'colon';
        } else if (where === 'element') {
          yield { kind: 'element', key, value };
          where = 'afterElement';
          if (++parsed % SLICE === 0) await nextTurn();
        } else {
          yield { kind: 'value', key, value };
          where = 'after';
        }
        continue;
      }
      if (isSpace(c) || c === '\uFEFF') continue;
      const begin = (what: 'string' | 'nested' | 'scalar') => {
        start = pos;
        kind = what;
        nest = what === 'nested' ? 1 : 0;
        inString = what === 'string';
        escaped = false;
      };
      switch (where) {
        case 'begin':
          if (c === '[') throw new JsonShapeError('not_object', 'the file holds a JSON array');
          if (c !== '{') throw new JsonShapeError('syntax', `unexpected "${c}" at the start`);
          where = 'key';
          break;
        case 'key':
          if (c === '}' && key === '') where = 'end';
          else if (c === '"') begin('string');
          else throw new JsonShapeError('syntax', `expected a property name, found "${c}"`);
          break;
        case 'colon':
          if (c !== ':') throw new JsonShapeError('syntax', `expected ":" after "${key}"`);
          where = 'value';
          break;
        case 'value':
          if (c === '[') {
            where = 'element';
            yield { kind: 'arrayStart', key };
            // An empty array: its "]" is read next as the end of the elements.
            break;
          }
          begin(c === '"' ? 'string' : c === '{' ? 'nested' : 'scalar');
          break;
        case 'element':
          if (c === ']') where = 'after';
          else begin(c === '"' ? 'string' : c === '{' || c === '[' ? 'nested' : 'scalar');
          break;
        case 'afterElement':
          if (c === ',') where = 'element';
          else if (c === ']') where = 'after';
          else throw new JsonShapeError('syntax', `expected "," or "]" in "${key}", found "${c}"`);
          break;
        case 'after':
          if (c === ',') where = 'key';
          else if (c === '}') where = 'end';
          else
            throw new JsonShapeError('syntax', `expected "," or "}" after "${key}", found "${c}"`);
          break;
        case 'end':
          throw new JsonShapeError('syntax', `unexpected "${c}" after the end of the object`);
      }
    }
  }
  if (where !== 'end') throw new JsonShapeError('truncated', 'the JSON ends too early');
}
