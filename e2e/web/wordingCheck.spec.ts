/**
 * The wording check where the analyst writes (issue 11): the estimative words of a key
 * judgment are read against its ICD 203 band as the statement is typed and the band picked,
 * in the new-judgment form and in a card's editor; and the basis reads as evidence for and
 * against, with a warning when it rests on evidence against only.
 */
import { expect, test } from '../support/fixtures';

const CERTAINLY = 'Russia will certainly send air defence crews to Venezuela.';
const OVERSTATES =
  '⚠ “certainly” reads as almost certain (95–99%); the judgment is graded “likely” (55–80%), below what the words say. Reword it, or change the grade.';
const MIGHT = 'Moscow might send military advisers to Caracas.';
const UNDERSTATES =
  '⚠ “might” reads as almost no chance to roughly even chance (1–55%); the judgment is graded “very likely” (80–95%), above what the words say. Reword it, or change the grade.';
const J1 = 'Russia is unlikely to send troops to defend the Maduro government.';
const CHEPA_HELP = 'Russia will help Venezuela within the partnership agreement, as far as it can.';

test('the new-judgment form warns as the statement is typed and the band picked, in either direction', async ({
  app,
}) => {
  await app.showView('Key judgments');
  const form = app.judgmentsView.getByRole('form', { name: 'New key judgment' });
  const check = form.getByRole('status', { name: 'Wording check' });
  await expect(check).toHaveAttribute('aria-live', 'polite');
  await expect(check).toHaveText('');

  const statement = form.getByLabel('Statement');
  const band = form.getByLabel('Likelihood (ICD 203)');
  await band.selectOption('likely');
  await statement.fill(CERTAINLY);
  await expect(check).toHaveText(OVERSTATES);
  // The band the words name: no warning.
  await band.selectOption('almost_certain');
  await expect(check).toHaveText('');

  // Understating, the other way round.
  await statement.fill(MIGHT);
  await band.selectOption('very_likely');
  await expect(check).toHaveText(UNDERSTATES);
  await statement.fill('Moscow may send military advisers to Caracas, but probably will not.');
  await band.selectOption('unlikely');
  await expect(check).toHaveText('');
});

test('a card’s editor checks the new wording live, against the judgment’s band', async ({
  app,
}) => {
  await app.showView('Key judgments');
  const card = app.judgment(J1);
  await card.getByRole('button', { name: 'Edit statement' }).click();
  const check = card.getByRole('status', { name: 'Wording check' });
  await expect(check).toHaveText('');
  await card.getByLabel('Statement').fill('Russia will certainly not send troops to Venezuela.');
  await expect(check).toContainText('“certainly');
  await expect(check).toContainText('the judgment is graded “unlikely” (20–45%)');
  await card.getByLabel('Statement').fill(J1);
  await expect(check).toHaveText('');
});

test('a judgment’s basis reads as evidence for and against, and a basis against only is warned about', async ({
  app,
}) => {
  await app.showView('Key judgments');
  await expect(app.judgment(J1).locator('.basis-summary')).toHaveText(
    'Evidence for: 3 claims · against: 1 claim',
  );
  const judgment = await app.addJudgment({
    statement: 'Moscow is unlikely to commit forces in Venezuela.',
    likelihood: 'unlikely',
    confidence: 'low',
  });
  await expect(judgment.locator('.basis-summary')).toHaveText('Evidence for: none · against: none');
  await app.addToBasis(judgment, 'cuts against it', 'partnership agreement', CHEPA_HELP);
  await expect(judgment.locator('.basis-summary')).toHaveText(
    'Evidence for: none · against: 1 claim',
  );
  await expect(app.judgmentWarnings(judgment)).toContainText([
    '⚠ Every claim in this judgment’s basis (1) cuts against it; none supports it. Add the claims it rests on, or reconsider the judgment.',
  ]);
});
