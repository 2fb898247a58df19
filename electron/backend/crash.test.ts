/**
 * The crash harness (scripts/crash-harness.ts) in a short run: 15 SIGKILLs of a real backend
 * process at random moments (after an acknowledgement, mid-burst, during a compaction, at
 * startup), each followed by a reopen that must find a valid store with every acknowledged
 * edit. `npm run test:crash` runs the full 200. CLAIMDESK_CRASH_SEED replays another seed.
 */
import { describe, expect, it } from 'vitest';
import { detailLine, runCrashHarness, summaryLine } from '../../scripts/crash-harness';

const SEED = Number(process.env.CLAIMDESK_CRASH_SEED ?? 20251128);

describe('the store under SIGKILL', () => {
  it('opens valid after every kill, with every acknowledged edit', async () => {
    const report = await runCrashHarness({ kills: 15, seed: SEED });
    const context = [summaryLine(report), detailLine(report), ...report.findings].join('\n');
    expect(report.kills, context).toBe(15);
    expect(report.opens, context).toBe(15);
    expect(report.corruptStores, context).toBe(0);
    expect(report.lostAcknowledgedEdits, context).toBe(0);
    // Nothing that was never sent, no hole among the edits in flight, no child that died alone.
    expect(report.unexpectedRecords, context).toBe(0);
    expect(report.outOfOrder, context).toBe(0);
    expect(report.childFailures, context).toBe(0);
    // The harness's own edits are all valid: a rejection means the harness is wrong.
    expect(report.rejected, context).toBe(0);
    // The rotation of kill moments reaches a compaction at least once in 15 rounds.
    expect(report.compactionsSeen, context).toBeGreaterThan(0);
  }, 120_000);
});
