/**
 * Search and filters over the sample case's 14 claims (issue 3): instant full-text search by
 * wording, quote, people and tags; filters by speaker, outlet, kind, status, tag and document,
 * alone and combined; Clear; and an index that follows edits.
 */
import type { AppPage } from '../support/appPage';
import { expect, test } from '../support/fixtures';

const GALEOTTI = [
  'If the US moves to topple Maduro, Russia can do no more than diplomacy.',
  'Moscow would gain from a US move, as it feeds its story of Western imperialism.',
];
const CHEPA = [
  'Russia will help Venezuela within the partnership agreement, as far as it can.',
  'Russia\'s war with "the entire NATO bloc" limits what it can do for Venezuela.',
];

const shownTexts = (app: AppPage) => app.claimCards.locator('.claim-text');

/** Sorted, for filters whose order is the list's and not the point of the test. */
async function expectShown(app: AppPage, texts: readonly string[]): Promise<void> {
  await expect(app.claimCount).toHaveText(`${texts.length} of 14`);
  expect((await shownTexts(app).allTextContents()).sort()).toEqual([...texts].sort());
}

test('typing in Search claims filters at once: by wording, speaker name and word prefix', async ({
  app,
}) => {
  await expect(app.claimCount).toHaveText('14');

  await app.searchBox.fill('Igla');
  await expect(app.claimCount).toHaveText('1 of 14');
  await expect(shownTexts(app)).toHaveText([
    'Venezuela holds over 5,000 Igla-S MANPADS ("reportedly").',
  ]);

  // Neither claim names him in its wording: found by the speaker's name.
  await app.searchBox.fill('Galeotti');
  await expect(app.claimCount).toHaveText('2 of 14');
  await expectShown(app, GALEOTTI);

  await app.searchBox.fill('subm');
  await expect(shownTexts(app)).toHaveText([
    'Russia could send submarines, corvettes or Su-30s (speculation).',
  ]);

  // By a speaker's alias in Cyrillic, and by a tag.
  await app.searchBox.fill('Захарова');
  await expectShown(app, [
    'Moscow condemns "excessive military force" in the US anti-drug operations.',
    'Russia backs the Venezuelan leadership and is ready to respond to its requests.',
  ]);
  await app.searchBox.fill('treaty');
  await expect(shownTexts(app)).toHaveText([
    'Russia ratified the strategic partnership agreement with Venezuela in October 2025.',
  ]);

  await app.searchBox.fill('no such words anywhere');
  await expect(app.claimCount).toHaveText('0 of 14');
  await expect(app.claimsPane.getByText('No claim matches these filters.')).toBeVisible();
});

test('each filter narrows the list: speaker, outlet, kind, status, tag, document', async ({
  app,
}) => {
  const filter = (name: string) => app.page.getByRole('combobox', { name: `Filter by ${name}` });

  await filter('speaker').selectOption({ label: 'Maria Zakharova' });
  await expectShown(app, [
    'Moscow condemns "excessive military force" in the US anti-drug operations.',
    'Russia backs the Venezuelan leadership and is ready to respond to its requests.',
  ]);
  await app.claimsPane.getByRole('button', { name: 'Clear' }).click();

  // An outlet finds the claims it carried as an intermediary.
  await filter('outlet').selectOption({ label: 'Radio Liberty' });
  await expectShown(app, GALEOTTI);
  await filter('outlet').selectOption({ label: 'Lenta.ru' });
  await expectShown(app, CHEPA);
  await filter('outlet').selectOption({ label: 'Any outlet' });
  await expect(app.claimCount).toHaveText('14');

  await filter('kind').selectOption({ label: 'Reported by an outlet' });
  await expectShown(app, [
    'Maduro wrote to Putin asking for missiles, radars and aircraft.',
    'Russia could send submarines, corvettes or Su-30s (speculation).',
    'A Russian Il-76 transport landed in Caracas.',
    'Pantsir-S1 air defence could be part of a package.',
  ]);
  await filter('kind').selectOption({ label: 'Direct quote' });
  await expectShown(app, [CHEPA[1] ?? '']);
  await filter('kind').selectOption({ label: 'Any kind' });

  await filter('tag').selectOption({ label: '#treaty' });
  await expectShown(app, [
    'Russia ratified the strategic partnership agreement with Venezuela in October 2025.',
  ]);
  await filter('tag').selectOption({ label: 'Any tag' });

  // Every sample claim is unverified; dispute one, and the status filter finds it alone.
  await filter('status').selectOption({ label: 'Disputed' });
  await expect(app.claimCount).toHaveText('0 of 14');
  await app.claimsPane.getByRole('button', { name: 'Clear' }).click();
  const editor = await app.editClaim(app.claimCard('A Russian Il-76 transport landed in Caracas.'));
  await editor.getByLabel('Status').selectOption({ label: 'Disputed' });
  await editor.getByRole('button', { name: 'Save' }).click();
  await expect(editor).toBeHidden();
  await filter('status').selectOption({ label: 'Disputed' });
  await expectShown(app, ['A Russian Il-76 transport landed in Caracas.']);
  await filter('status').selectOption({ label: 'Unverified' });
  await expect(app.claimCount).toHaveText('13 of 14');
  await filter('status').selectOption({ label: 'Any status' });

  await filter('document').selectOption({
    label: "Moscow's options in Venezuela: what the Kremlin says, and what it can do",
  });
  await expect(app.claimCount).toHaveText('14');
});

test('a second document: the document filter shows only its claims', async ({ app }) => {
  await app.addDocument({
    title: 'Caracas wire',
    text: 'Venezuela said it received the Russian aircraft on schedule.',
  });
  await app.selectWithMouse('received the Russian aircraft');
  await app.createClaim('Caracas confirms the Russian aircraft arrived.');
  await expect(app.claimCount).toHaveText('15');

  await app.page.getByRole('combobox', { name: 'Filter by document' }).selectOption({
    label: 'Caracas wire',
  });
  await expect(app.claimCount).toHaveText('1 of 15');
  await expect(shownTexts(app)).toHaveText(['Caracas confirms the Russian aircraft arrived.']);
});

test('filters combine with each other and with the search, and Clear resets them all', async ({
  app,
}) => {
  const filter = (name: string) => app.page.getByRole('combobox', { name: `Filter by ${name}` });
  await filter('tag').selectOption({ label: '#arms' });
  await expect(app.claimCount).toHaveText('5 of 14');
  await filter('kind').selectOption({ label: 'Reported by an outlet' });
  await expect(app.claimCount).toHaveText('3 of 14');
  await app.searchBox.fill('speculation');
  await expectShown(app, [
    'Russia could send submarines, corvettes or Su-30s (speculation).',
    'Pantsir-S1 air defence could be part of a package.',
  ]);
  await filter('speaker').selectOption({ label: 'Military Watch Magazine' });
  await expectShown(app, ['Russia could send submarines, corvettes or Su-30s (speculation).']);

  await app.claimsPane.getByRole('button', { name: 'Clear' }).click();
  await expect(app.claimCount).toHaveText('14');
  await expect(app.claimCards).toHaveCount(14);
  await expect(app.searchBox).toHaveValue('');
  for (const name of ['speaker', 'outlet', 'kind', 'status', 'tag', 'document']) {
    await expect(filter(name)).toHaveValue('');
  }
  await expect(app.claimsPane.getByRole('button', { name: 'Clear' })).toBeHidden();
});

test('after a claim is reworded, search finds it by the new words and not the old', async ({
  app,
}) => {
  // "MANPADS" is in the wording only, not in the quote.
  await app.searchBox.fill('MANPADS');
  await expect(shownTexts(app)).toHaveText([
    'Venezuela holds over 5,000 Igla-S MANPADS ("reportedly").',
  ]);
  await app.searchBox.fill('');
  await app.rewordClaim(
    app.claimCard('Venezuela holds over 5,000 Igla-S MANPADS'),
    'Caracas keeps thousands of shoulder-fired launchers.',
  );

  await app.searchBox.fill('shoulder');
  await expect(app.claimCount).toHaveText('1 of 14');
  await expect(shownTexts(app)).toHaveText([
    'Caracas keeps thousands of shoulder-fired launchers.',
  ]);
  await app.searchBox.fill('MANPADS');
  await expect(app.claimCount).toHaveText('0 of 14');
  // Still found by its quote, which did not change.
  await app.searchBox.fill('Igla');
  await expect(shownTexts(app)).toHaveText([
    'Caracas keeps thousands of shoulder-fired launchers.',
  ]);
});
