/**
 * When the analyst last asked the backend for something, so that background work (warming
 * the score cache after a large case has loaded) waits while they type and click: on two
 * cores it otherwise slows every answer and the browser's frames (issue 9: keystroke to
 * frame). Long polls (the change feed, a job's progress) are not the analyst acting.
 */
import { setTimeout as sleep } from 'node:timers/promises';

const LONG_POLLS: ReadonlySet<string> = new Set(['changes:since', 'jobs:wait']);

export class CallActivity {
  private last = Number.NEGATIVE_INFINITY;

  constructor(private readonly now: () => number = () => performance.now()) {}

  called(channel: string): void {
    if (!LONG_POLLS.has(channel)) this.last = this.now();
  }

  /** Settles once no call has come for `ms` (at once if none has for that long). */
  async quiet(ms: number): Promise<void> {
    for (let left = ms - (this.now() - this.last); left > 0; left = ms - (this.now() - this.last))
      await sleep(left);
  }
}
