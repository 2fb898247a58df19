/**
 * Grades and the confidence score (issue 4): source reliability A–F on speakers and outlets,
 * overridable on one attribution; information credibility 1–6 on the claim; shown together
 * ("B2") with a score that is computed, recomputed as grades change, and explained line by
 * line. F and 6 mean "cannot be judged", not a midpoint.
 */
import { expect, test } from '../support/fixtures';

const GALEOTTI = 'If the US moves to topple Maduro, Russia can do no more than diplomacy.';
const GALEOTTI_GAIN =
  'Moscow would gain from a US move, as it feeds its story of Western imperialism.';
const SITENKO_TROOPS = 'The war in Ukraine rules out Russian troops in Venezuela.';
const SITENKO_LIMITED =
  'Limited Russian help (weapons, air defence, intelligence) cannot be ruled out.';
const IL76 = 'A Russian Il-76 transport landed in Caracas.';

test('Galeotti’s claim reads B2, 66, and its breakdown names every part down to 66', async ({
  app,
}) => {
  const card = app.claimWorded(GALEOTTI);
  await app.expectScore(card, 'B2', 66);
  // One independent source corroborates it, one contradicts it.
  await expect(app.scoreBadge(card).locator('.corro')).toHaveText('+1');
  await expect(app.scoreBadge(card).locator('.contra')).toHaveText('−1');

  const breakdown = await app.openBreakdown(card);
  const { words, scores } = app.breakdownLines(breakdown);
  await expect(words).toHaveText([
    'Mark Galeotti: B, usually reliable',
    'Radio Liberty: B, usually reliable',
    'Claimdesk sample digest: F, reliability cannot be judged',
    'Source letter B, set by Mark Galeotti and Radio Liberty: the weakest judged link of the chain → 70. Left out, cannot be judged: Claimdesk sample digest (F).',
    'Credibility 2, probably true → 70',
    'Base: mean of 70 and 70',
    'Corroborated by Alexandra Sitenko (C): closes 25% of the gap',
    'Contradicted by Alexey Chepa (D): takes away 15%',
    'Claim score',
  ]);
  // 70, then Sitenko closes a quarter of the gap to 100 (77.5), then Chepa takes 15% (65.9).
  await expect(scores).toHaveText(['70', '78', '66', '66']);

  // The badge toggles the breakdown.
  await app.scoreBadge(card).click();
  await expect(breakdown).toBeHidden();
});

test('the credibility select shows each grade’s label and the chosen one’s definition, and a new credibility rescores the claim at once', async ({
  app,
}) => {
  const card = app.claimWorded(GALEOTTI);
  const editor = await app.editClaim(card);
  const credibility = editor.getByLabel('Information credibility');
  await expect(credibility).toHaveValue('2');
  await expect(credibility.locator('option')).toHaveText([
    '1 — Confirmed by other sources',
    '2 — Probably true',
    '3 — Possibly true',
    '4 — Doubtful',
    '5 — Improbable',
    '6 — Truth cannot be judged',
  ]);
  await expect(credibility).toHaveAccessibleDescription(
    'Not confirmed; logical in itself; consistent with other information on the subject',
  );

  await credibility.selectOption('1');
  await expect(credibility).toHaveAccessibleDescription(
    'Confirmed by other independent sources; logical in itself; consistent with other information on the subject',
  );
  await credibility.selectOption('6');
  await expect(credibility).toHaveAccessibleDescription(
    'No basis exists for evaluating the validity of the information',
  );
  await credibility.selectOption('1');
  await editor.getByRole('button', { name: 'Save' }).click();
  await expect(editor).toBeHidden();

  // Base: mean of 70 (B) and 90 (1) = 80; Sitenko closes 25% of the gap (85); Chepa takes
  // away 15% (72.25). No reload: the card shows it as soon as the edit is saved.
  await app.expectScore(card, 'B1', 72);
  const { words, scores } = app.breakdownLines(await app.openBreakdown(card));
  await expect(words.filter({ hasText: /^Credibility/ })).toHaveText([
    'Credibility 1, confirmed by other sources → 90',
  ]);
  await expect(scores).toHaveText(['80', '85', '72', '72']);
});

test('an outlet graded D on one claim only lowers that claim, not the outlet’s others', async ({
  app,
}) => {
  const card = app.claimWorded(GALEOTTI);
  const other = app.claimWorded(GALEOTTI_GAIN); // also carried by Radio Liberty
  await app.expectScore(other, 'B3', 60);

  const editor = await app.editClaim(card);
  const chain = editor.getByRole('group', { name: 'Source reliability for this claim' });
  const radioLiberty = chain.getByLabel('Radio Liberty');
  // The entity's default stands until overridden.
  await expect(radioLiberty).toHaveValue('');
  await expect(radioLiberty.locator('option:checked')).toHaveText('Default: B');
  await expect(radioLiberty.locator('option')).toHaveText([
    'Default: B',
    'A — Completely reliable',
    'B — Usually reliable',
    'C — Fairly reliable',
    'D — Not usually reliable',
    'E — Unreliable',
    'F — Reliability cannot be judged',
  ]);
  await radioLiberty.selectOption('D');
  await expect(radioLiberty).toHaveAccessibleDescription(
    'Significant doubt about authenticity, trustworthiness, or competency but has provided valid information in the past',
  );
  await editor.getByRole('button', { name: 'Save' }).click();
  await expect(editor).toBeHidden();

  // The weakest link is now D (30): base 50; Sitenko 62.5; Chepa 53.1.
  await app.expectScore(card, 'D2', 53);
  const { words } = app.breakdownLines(await app.openBreakdown(card));
  await expect(words.nth(1)).toHaveText(
    'Radio Liberty: D, not usually reliable (set on this attribution)',
  );
  await expect(words.nth(3)).toHaveText(
    'Source letter D, set by Radio Liberty: the weakest judged link of the chain → 30. Left out, cannot be judged: Claimdesk sample digest (F).',
  );
  await app.closeBreakdown(card);

  // Radio Liberty's other claim and its own page keep the default.
  await app.expectScore(other, 'B3', 60);
  const profile = await app.openEntity('Radio Liberty');
  await expect(profile.getByText('Source reliability: B — Usually reliable')).toBeVisible();

  // Back to the default: the override is gone and the score with it.
  await profile.getByRole('button', { name: '← Back to the case' }).click();
  const again = await app.editClaim(card);
  const override = again
    .getByRole('group', { name: 'Source reliability for this claim' })
    .getByLabel('Radio Liberty');
  await expect(override).toHaveValue('D');
  await override.selectOption({ label: 'Default: B' });
  await again.getByRole('button', { name: 'Save' }).click();
  await app.expectScore(card, 'B2', 66);
});

test('a speaker graded on her page rescores her claims and the claims she corroborates', async ({
  app,
}) => {
  // Chepa's NATO claim supports hers (a support raises only the claim it points to).
  await app.expectScore(app.claimWorded(SITENKO_TROOPS), 'C2', 66);
  await app.expectScore(app.claimWorded(SITENKO_LIMITED), 'C3', 50);
  await app.expectScore(app.claimWorded(GALEOTTI), 'B2', 66);

  const profile = await app.gradeEntity('Alexandra Sitenko', 'A');
  await expect(profile.getByText('Source reliability: A — Completely reliable')).toBeVisible();

  // Her claims: the chain's weakest judged link is now A (90).
  // "No troops": base 80; Chepa (D) closes 15% of the gap (83).
  await app.expectScore(app.claimWorded(SITENKO_TROOPS), 'A2', 83);
  await app.expectScore(app.claimWorded(SITENKO_LIMITED), 'A3', 70);
  // Galeotti's claim, which she corroborates: 70, + 45% of the gap (83.5), − 15% (71).
  await app.expectScore(app.claimWorded(GALEOTTI), 'B2', 71);
  const { words } = app.breakdownLines(await app.openBreakdown(app.claimWorded(GALEOTTI)));
  await expect(words.filter({ hasText: 'Corroborated' })).toHaveText([
    'Corroborated by Alexandra Sitenko (A): closes 45% of the gap',
  ]);
});

test('the Il-76 claim reads F3 and 50; at credibility 6 it has no score at all', async ({
  app,
}) => {
  const card = app.claimWorded(IL76);
  await app.expectScore(card, 'F3', 50);
  const { words, scores } = app.breakdownLines(await app.openBreakdown(card));
  await expect(words).toHaveText([
    'Flight-tracking site (unnamed): F, reliability cannot be judged',
    'Claimdesk sample digest: F, reliability cannot be judged',
    'Source letter F, set by Flight-tracking site (unnamed), the originator: its reliability cannot be judged (Admiralty F).',
    'Credibility 3, possibly true → 50',
    'Base: the one grade that can be judged',
    'Claim score',
  ]);
  await expect(scores).toHaveText(['50', '50']);
  await app.closeBreakdown(card);

  const editor = await app.editClaim(card);
  await editor.getByLabel('Information credibility').selectOption('6');
  await editor.getByRole('button', { name: 'Save' }).click();
  await expect(editor).toBeHidden();

  // F and 6: nothing can be judged, so no number (not a midpoint such as 50).
  await app.expectScore(card, 'F6', '—');
  const after = app.breakdownLines(await app.openBreakdown(card));
  await expect(after.words).toHaveText([
    'Flight-tracking site (unnamed): F, reliability cannot be judged',
    'Claimdesk sample digest: F, reliability cannot be judged',
    'Source letter F, set by Flight-tracking site (unnamed), the originator: its reliability cannot be judged (Admiralty F).',
    'Credibility 6: truth cannot be judged.',
    'No score: neither the source nor the information can be judged.',
    'Claim score',
  ]);
  await expect(after.scores).toHaveText(['—']);
});

test('Ctrl+Z undoes a credibility change and a speaker’s grade, and the scores go back', async ({
  app,
  page,
}) => {
  const card = app.claimWorded(GALEOTTI);
  const editor = await app.editClaim(card);
  await editor.getByLabel('Information credibility').selectOption('4');
  await editor.getByRole('button', { name: 'Save' }).click();
  await expect(editor).toBeHidden();
  // Base: mean of 70 and 30 = 50; Sitenko 62.5; Chepa 53.1.
  await app.expectScore(card, 'B4', 53);

  await app.focusOutsideFields();
  await page.keyboard.press('Control+z');
  await expect(app.notices.filter({ hasText: 'Undone: Edit claim' })).toBeVisible();
  await app.expectScore(card, 'B2', 66);

  const profile = await app.gradeEntity('Mark Galeotti', 'D');
  // Galeotti D, Radio Liberty B: the weakest link is D (30).
  await app.expectScore(card, 'D2', 53);
  await app.focusOutsideFields();
  await page.keyboard.press('Control+z');
  await expect(
    app.notices.filter({ hasText: 'Undone: Edit person or organisation' }),
  ).toBeVisible();
  await app.expectScore(card, 'B2', 66);
  // The speaker page still on screen shows the grade it has again.
  await expect(profile.getByText('Source reliability: B — Usually reliable')).toBeVisible();
});
