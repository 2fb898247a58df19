import { describe, expect, it } from 'vitest';
import { createSerialEdits } from './serialEdits';

const tick = () => new Promise((resolve) => setTimeout(resolve, 1));

describe('createSerialEdits', () => {
  it('runs the edits of one record one after another, each reading what the last one saved', async () => {
    const serial = createSerialEdits();
    let saved = ['a', 'b', 'c'];
    // Each edit reads the list when it starts and saves later, as a round trip to the backend does.
    const remove = (item: string) =>
      serial('note', async () => {
        const current = saved;
        await tick();
        saved = current.filter((x) => x !== item);
        return saved;
      });
    await Promise.all([remove('a'), remove('b')]);
    expect(saved).toEqual(['c']);
  });

  it('lets edits of different records run side by side', async () => {
    const serial = createSerialEdits();
    const started: string[] = [];
    let release = () => {};
    const blocked = serial('one', async () => {
      started.push('one');
      await new Promise<void>((resolve) => (release = resolve));
    });
    const other = serial('two', () => {
      started.push('two');
      return Promise.resolve();
    });
    await other;
    expect(started).toEqual(['one', 'two']);
    release();
    await blocked;
  });

  it('goes on with the next edit after one fails, and hands each caller its own outcome', async () => {
    const serial = createSerialEdits();
    const failing = serial('note', () => Promise.reject(new Error('refused')));
    const next = serial('note', () => Promise.resolve('saved'));
    await expect(failing).rejects.toThrow('refused');
    await expect(next).resolves.toBe('saved');
  });
});
