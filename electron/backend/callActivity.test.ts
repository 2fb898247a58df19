import { describe, expect, it } from 'vitest';
import { CallActivity } from './callActivity';

describe('CallActivity', () => {
  it('is quiet at once when nothing has been asked', async () => {
    const started = performance.now();
    await new CallActivity().quiet(200);
    expect(performance.now() - started).toBeLessThan(100);
  });

  it('waits until no call has come for the time asked, a long poll not counting', async () => {
    const activity = new CallActivity();
    activity.called('claims:query');
    const started = performance.now();
    setTimeout(() => activity.called('changes:since'), 20);
    setTimeout(() => activity.called('claims:update'), 40);
    await activity.quiet(60);
    // The last call that counts came at 40 ms: quiet from 100 ms on.
    expect(performance.now() - started).toBeGreaterThanOrEqual(95);
  });
});
