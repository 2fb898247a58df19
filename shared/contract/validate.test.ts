import { describe, expect, it } from 'vitest';
import { CallFailure } from './result';
import { parseInput } from './validate';

/** Runs `fn`, which must throw a CallFailure, and returns it. */
function failureOf(fn: () => unknown): CallFailure {
  try {
    fn();
  } catch (error) {
    if (error instanceof CallFailure) return error;
    throw error;
  }
  throw new Error('expected a CallFailure, but the input was accepted');
}

const doc = {
  caseId: 'case-1',
  title: 'A report',
  text: 'Some words.',
};

describe('parseInput', () => {
  it('accepts valid input and applies the defaults', () => {
    expect(parseInput('cases:create', { title: '  Venezuela  ' })).toEqual({
      title: 'Venezuela',
      question: '',
    });
    expect(parseInput('documents:create', doc)).toEqual({
      ...doc,
      format: 'paste',
      fileName: '',
      // Source details stay unset: a new version takes the earlier one's (issue 12).
      retrievedAt: '',
      versionOf: null,
    });
    expect(
      parseInput('claims:create', { documentId: 'd', start: 0, end: 4, exact: 'Some' }),
    ).toEqual({ documentId: 'd', start: 0, end: 4, exact: 'Some', text: '' });
    expect(parseInput('cases:list', undefined)).toEqual({});
  });

  it('rejects an unknown extra field (schemas are strict)', () => {
    const failure = failureOf(() => parseInput('cases:create', { title: 'T', owner: 'me' }));
    expect(failure.code).toBe('invalid_input');
    expect(failure.message).toMatch(/^Invalid cases:create request: /);
    expect(failure.message).toContain('owner');
    expect(() => parseInput('claims:delete', { claimId: 'c', force: true })).toThrow(CallFailure);
  });

  it('names the field in the message for an empty title', () => {
    const failure = failureOf(() => parseInput('cases:create', { title: '   ' }));
    expect(failure.code).toBe('invalid_input');
    expect(failure.field).toBe('title');
    expect(failure.message).toBe('Invalid cases:create request: title: must not be empty');
  });

  it('names `end` when claims:create has end <= start', () => {
    for (const end of [3, 5]) {
      const failure = failureOf(() =>
        parseInput('claims:create', { documentId: 'd', start: 5, end, exact: 'x' }),
      );
      expect(failure.code).toBe('invalid_input');
      expect(failure.field).toBe('end');
      expect(failure.message).toBe('Invalid claims:create request: end: must be after start');
    }
  });

  it('says "must not be empty" for a documents:create text of white space only', () => {
    const failure = failureOf(() => parseInput('documents:create', { ...doc, text: ' \n\t ' }));
    expect(failure.field).toBe('text');
    expect(failure.message).toBe('Invalid documents:create request: text: must not be empty');
  });

  it('rejects a URL with a javascript: scheme', () => {
    const failure = failureOf(() =>
      parseInput('documents:create', { ...doc, url: 'javascript:alert(1)' }),
    );
    expect(failure.code).toBe('invalid_input');
    expect(failure.field).toBe('url');
    expect(failure.message).toBe('Invalid documents:create request: url: must be an http(s) URL');
    expect(parseInput('documents:create', { ...doc, url: 'https://example.org/a' }).url).toBe(
      'https://example.org/a',
    );
  });

  it('rejects input that is not an object', () => {
    for (const input of ['title', 42, [], true]) {
      const failure = failureOf(() => parseInput('cases:create', input));
      expect(failure.code).toBe('invalid_input');
      expect(failure.message).toMatch(/^Invalid cases:create request: /);
      expect(failure.field).toBeUndefined();
    }
  });
});
