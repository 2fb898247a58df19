/**
 * Key judgments (issue 4): an ICD 203 likelihood (seven bands, with their % ranges) and an
 * analytic confidence, resting on claims; the app warns where the wording outruns the basis
 * and where likelihood and confidence share a sentence. Judgments are saved like any edit.
 */
import { AppPage } from '../support/appPage';
import { expect, test } from '../support/fixtures';
import { WebHost } from '../support/webHost';

const J1 = 'Russia is unlikely to send troops to defend the Maduro government.';
const J2 = 'Moscow will likely offer limited material help, such as air defence systems.';
const GALEOTTI = 'If the US moves to topple Maduro, Russia can do no more than diplomacy.';
const SITENKO_TROOPS = 'The war in Ukraine rules out Russian troops in Venezuela.';
const SITENKO_LIMITED =
  'Limited Russian help (weapons, air defence, intelligence) cannot be ruled out.';
const WAPO = 'Maduro wrote to Putin asking for missiles, radars and aircraft.';
const IL76 = 'A Russian Il-76 transport landed in Caracas.';
const CHEPA_NATO = 'Russia\'s war with "the entire NATO bloc" limits what it can do for Venezuela.';
const CHEPA_HELP = 'Russia will help Venezuela within the partnership agreement, as far as it can.';

const NO_BASIS = '⚠ This judgment rests on no claims. Add the claims that support it.';
const AGAINST_ONLY =
  '⚠ Every claim in this judgment’s basis (1) cuts against it; none supports it. Add the claims it rests on, or reconsider the judgment.';

test('the Key judgments tab lists the sample’s two judgments with likelihood chips and their % ranges', async ({
  app,
}) => {
  await expect(app.tab('Key judgments').locator('.count')).toHaveText('2');
  await app.showView('Key judgments');
  await expect(app.judgments).toHaveCount(2);
  await expect(app.judgments.locator('.judgment-statement')).toHaveText([J1, J2]);
  await expect(app.judgments.locator('.chip.likelihood')).toHaveText([
    'unlikely (20–45%)',
    'likely (55–80%)',
  ]);
  await expect(app.judgments.locator('.chip.confidence')).toHaveText([
    'moderate confidence',
    'low confidence',
  ]);

  // Each names its basis, and the sample's wording fits its grades: no warnings.
  const first = app.judgment(J1);
  await expect(first.locator('ul.basis > li')).toHaveText([
    `Supports ${GALEOTTI} Remove`,
    `Supports ${SITENKO_TROOPS} Remove`,
    `Supports ${CHEPA_NATO} Remove`,
    `Cuts against ${CHEPA_HELP} Remove`,
  ]);
  await expect(app.judgmentsView.getByRole('list', { name: 'Warnings' })).toHaveCount(0);

  // The likelihood is chosen from ICD 203's seven bands, each with its range.
  const likelihood = first.getByLabel('Likelihood (ICD 203)');
  await expect(likelihood).toHaveValue('unlikely');
  await expect(likelihood.locator('option')).toHaveText([
    'almost no chance (1–5%)',
    'very unlikely (5–20%)',
    'unlikely (20–45%)',
    'roughly even chance (45–55%)',
    'likely (55–80%)',
    'very likely (80–95%)',
    'almost certain(ly) (95–99%)',
  ]);
  await expect(first.getByText('unlikely / improbable (improbably): 20–45%')).toBeVisible();
  await expect(first.getByLabel('Analytic confidence').locator('option')).toHaveText([
    'low',
    'moderate',
    'high',
  ]);
});

test('a judgment with no basis is warned about until claims are added to it', async ({ app }) => {
  await app.showView('Key judgments');
  const statement = 'Moscow will likely deliver air defence systems to Caracas.';
  const judgment = await app.addJudgment({
    statement,
    likelihood: 'likely',
    confidence: 'moderate',
  });
  await expect(judgment.locator('.chip.likelihood')).toHaveText('likely (55–80%)');
  await expect(judgment.locator('.chip.confidence')).toHaveText('moderate confidence');
  await expect(app.judgmentWarnings(judgment)).toHaveText([NO_BASIS]);
  await expect(app.tab('Key judgments').locator('.count')).toHaveText('3');

  // A claim that cuts against it is no basis either, and the warning says so.
  await app.addToBasis(judgment, 'cuts against it', 'diplomacy', GALEOTTI);
  await expect(app.judgmentWarnings(judgment)).toHaveText([AGAINST_ONLY]);

  // Found by words, then by the speaker's name.
  await app.addToBasis(judgment, 'supports it', 'air defence', SITENKO_LIMITED);
  await expect(judgment.getByRole('list', { name: 'Warnings' })).toHaveCount(0);
  await app.addToBasis(judgment, 'supports it', 'washington post', WAPO);
  await expect(judgment.locator('ul.basis > li .relation')).toHaveText([
    'Cuts against',
    'Supports',
    'Supports',
  ]);
  await expect(judgment.locator('ul.basis > li button.link:not(.danger)')).toHaveText([
    GALEOTTI,
    SITENKO_LIMITED,
    WAPO,
  ]);

  // Removing the supporting claims brings the warning back.
  await judgment.getByRole('button', { name: `Remove from basis: ${SITENKO_LIMITED}` }).click();
  await judgment.getByRole('button', { name: `Remove from basis: ${WAPO}` }).click();
  await expect(judgment.locator('ul.basis > li')).toHaveCount(1);
  await expect(app.judgmentWarnings(judgment)).toHaveText([AGAINST_ONLY]);
});

test('“almost certain” on one uncorroborated claim is warned about', async ({ app }) => {
  await app.showView('Key judgments');
  const judgment = await app.addJudgment({
    statement: 'A Russian transport plane almost certainly delivered cargo to Caracas.',
    likelihood: 'almost_certain',
    confidence: 'low',
  });
  await expect(judgment.locator('.chip.likelihood')).toHaveText('almost certain(ly) (95–99%)');
  await app.addToBasis(judgment, 'supports it', 'Il-76', IL76);
  // One claim, corroborated by nothing, from a flight tracker nobody has graded.
  await expect(app.judgmentWarnings(judgment)).toHaveText([
    '⚠ “almost certain(ly)” rests on a single uncorroborated claim.',
    '⚠ “almost certain(ly)” rests only on sources graded E (unreliable) or F (cannot be judged).',
  ]);

  // A second, graded source: neither warning holds any more.
  await app.addToBasis(judgment, 'supports it', 'radars', WAPO);
  await expect(judgment.getByRole('list', { name: 'Warnings' })).toHaveCount(0);
});

test('likelihood and confidence in one sentence are warned about, and two sentences clear it', async ({
  app,
}) => {
  await app.showView('Key judgments');
  const joined =
    'Moscow will likely send air defence systems, and we have high confidence in this.';
  const judgment = await app.addJudgment({
    statement: joined,
    likelihood: 'likely',
    confidence: 'high',
  });
  await app.addToBasis(judgment, 'supports it', 'air defence', SITENKO_LIMITED);
  await expect(app.judgmentWarnings(judgment)).toHaveText([
    `⚠ ICD 203: do not put a likelihood and a confidence level in the same sentence. Split “${joined}”.`,
  ]);

  await judgment.getByRole('button', { name: 'Edit statement' }).click();
  const split = 'Moscow will likely send air defence systems. We have high confidence in this.';
  await judgment.getByLabel('Statement').fill(split);
  await judgment.getByRole('button', { name: 'Save' }).click();
  const edited = app.judgment(split);
  await expect(edited.locator('.judgment-statement')).toHaveText(split);
  await expect(edited.getByRole('list', { name: 'Warnings' })).toHaveCount(0);
  await expect(app.judgment(joined)).toHaveCount(0);
});

test('a judgment whose only supporting claim is marked refuted is warned about', async ({
  app,
}) => {
  await app.showView('Key judgments');
  const statement = 'Maduro has asked Moscow for missiles, radars and aircraft.';
  const judgment = await app.addJudgment({
    statement,
    likelihood: 'very_likely',
    confidence: 'moderate',
  });
  await app.addToBasis(judgment, 'supports it', 'wrote to Putin', WAPO);
  // One claim, but "very likely" only warns while it is uncorroborated: corroborate it.
  await expect(app.judgmentWarnings(judgment)).toHaveText([
    '⚠ “very likely” rests on a single uncorroborated claim.',
  ]);
  await app.linkToClaim(app.claimWorded(IL76), {
    relation: 'supports',
    query: 'wrote to Putin',
    option: WAPO,
  });
  await app.showView('Key judgments');
  await expect(judgment.getByRole('list', { name: 'Warnings' })).toHaveCount(0);

  // The analyst learns the letter was a fake and marks the claim refuted.
  const editor = await app.editClaim(app.claimWorded(WAPO));
  await editor.getByLabel('Status').selectOption({ label: 'Refuted' });
  await editor.getByRole('button', { name: 'Save' }).click();
  await expect(editor).toBeHidden();
  await expect(app.claimWorded(WAPO).locator('.badge.status')).toHaveText('Refuted');

  await app.showView('Key judgments');
  await expect(app.judgmentWarnings(judgment)).toHaveText([
    '⚠ Every claim this judgment rests on has been refuted.',
  ]);
});

test('a judgment is deleted', async ({ app, page }) => {
  await app.showView('Key judgments');
  await app.judgment(J1).getByRole('button', { name: 'Delete' }).click();
  await expect(app.judgment(J1)).toHaveCount(0);
  await expect(app.judgments.locator('.judgment-statement')).toHaveText([J2]);
  await expect(app.tab('Key judgments').locator('.count')).toHaveText('1');
  // The claims it rested on are still there.
  await expect(app.claimCards).toHaveCount(14);

  await page.reload();
  await app.showView('Key judgments');
  await expect(app.judgments.locator('.judgment-statement')).toHaveText([J2]);
});

test('judgments, their grades and basis, and their warnings survive a restart of the web host', async ({
  app,
  host,
  dataDir,
  page,
}) => {
  await app.showView('Key judgments');
  const statement = 'Russia will very likely keep its help below the threshold of force.';
  const judgment = await app.addJudgment({
    statement,
    likelihood: 'very_likely',
    confidence: 'high',
  });
  await app.addToBasis(judgment, 'supports it', 'rules out', SITENKO_TROOPS);
  await app.addToBasis(judgment, 'cuts against it', 'as far as it can', CHEPA_HELP);
  await app.judgment(J2).getByLabel('Likelihood (ICD 203)').selectOption('roughly_even');
  await expect(app.judgment(J2).locator('.chip.likelihood')).toHaveText(
    'roughly even chance (45–55%)',
  );
  await app.judgment(J1).getByRole('button', { name: 'Delete' }).click();
  await expect(app.judgments).toHaveCount(2);
  const warningsBefore = await app.judgmentWarnings(app.judgment(J2)).allTextContents();
  expect(warningsBefore).toEqual([
    '⚠ “likely” reads as likely (55–80%); the judgment is graded “roughly even chance” (45–55%), below what the words say. Reword it, or change the grade.',
  ]);

  expect((await host.stop()).code).toBe(0);
  const restarted = await WebHost.start(dataDir);
  try {
    const again = new AppPage(page);
    await again.open(restarted.launchUrl);
    await again.showView('Key judgments');
    await expect(again.judgments.locator('.judgment-statement')).toHaveText([J2, statement]);
    const kept = again.judgment(statement);
    await expect(kept.locator('.chip.likelihood')).toHaveText('very likely (80–95%)');
    await expect(kept.locator('.chip.confidence')).toHaveText('high confidence');
    await expect(kept.locator('ul.basis > li')).toHaveText([
      `Supports ${SITENKO_TROOPS} Remove`,
      `Cuts against ${CHEPA_HELP} Remove`,
    ]);
    await expect(again.judgment(J2).locator('.chip.likelihood')).toHaveText(
      'roughly even chance (45–55%)',
    );
    await expect(again.judgmentWarnings(again.judgment(J2))).toHaveText(warningsBefore);
  } finally {
    await restarted.stop();
  }
});
