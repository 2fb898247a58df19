/** Issue 2, flow 2: create a case, paste a document, read it, select a passage, make it a claim. */
import { expect, test } from '../support/fixtures';

const ARTICLE = {
  title: 'Chepa on Venezuela',
  outlet: 'Lenta.ru',
  url: 'https://lenta.ru/news/2025/11/01/example/',
  publishedAt: '2025-11-01',
  text:
    'Alexey Chepa, first deputy chairman of the Duma international affairs committee, spoke on 1 November.\n\n' +
    'He said Russia would help Venezuela within the strategic partnership agreement, as far as it can.\n\n' +
    'He also said the war with the entire NATO bloc limits what Moscow can do.',
};

test('creates a case, pastes a document and turns a mouse selection into a claim', async ({
  app,
}) => {
  await app.createCase('Russia and Venezuela', 'Will Russia intervene militarily?');
  await app.addDocument(ARTICLE);
  await expect(app.page.getByText('Lenta.ru · 2025-11-01')).toBeVisible();
  await expect(app.readerText).toContainText('as far as it can');
  await expect(app.claimCards).toHaveCount(0);

  const quote = 'Russia would help Venezuela within the strategic partnership agreement';
  await app.selectWithMouse(quote);
  await expect(app.page.getByRole('form', { name: 'New claim' }).locator('blockquote')).toHaveText(
    quote,
  );
  await app.createClaim('Russia pledges help within the partnership agreement (Chepa).');

  const card = app.claimCard('Russia pledges help within the partnership agreement (Chepa).');
  await expect(card).toHaveCount(1);
  await expect(card.locator('.claim-quote')).toHaveText(quote);
  await expect(card.locator('.claim-source')).toHaveText(ARTICLE.title);
  await expect(app.highlights).toHaveCount(1);
  await expect(app.highlights.first()).toHaveText(quote);
});

test('a keyboard selection (Shift+arrows) becomes a claim with Enter, worded as the quote', async ({
  app,
}) => {
  await app.createCase('Keyboard case');
  await app.addDocument(ARTICLE);
  const quote = 'the entire NATO bloc';
  await app.selectWithKeyboard(quote);
  await expect(app.page.getByRole('form', { name: 'New claim' }).locator('blockquote')).toHaveText(
    quote,
  );
  await app.page.keyboard.press('Enter');

  await expect(app.claimCards).toHaveCount(1);
  await expect(app.claimCards.first().locator('.claim-text')).toHaveText(quote);
  await expect(app.highlights.first()).toHaveText(quote);
  // The reader is read-only: the key presses changed nothing in the text.
  await expect(app.readerText).toHaveText(ARTICLE.text);
});

test('a passage that occurs twice is anchored on the occurrence that was selected', async ({
  app,
}) => {
  const paragraph = 'Moscow is ready to respond to requests from its partners.';
  await app.createCase('Duplicates');
  await app.addDocument({
    title: 'Repeated paragraph',
    text: `${paragraph}\n\nFiller in between.\n\n${paragraph}`,
  });
  await app.selectWithMouse('ready to respond', 1);
  await app.createClaim('');

  await expect(app.highlights).toHaveCount(1);
  const textBefore = await app.highlights.first().evaluate((mark) => {
    const range = document.createRange();
    range.setStart(mark.closest('[aria-label="Document text"]') ?? mark, 0);
    range.setEndBefore(mark);
    return range.toString();
  });
  expect(textBefore.length).toBe(
    `${paragraph}\n\nFiller in between.\n\n`.length + paragraph.indexOf('ready'),
  );
});

test('clicking a highlight selects its claim, and clicking a claim reveals its highlight', async ({
  app,
}) => {
  await app.createCase('Navigation');
  await app.addDocument(ARTICLE);
  await app.selectWithMouse('spoke on 1 November');
  await app.createClaim('Chepa spoke on 1 November.');
  await app.selectWithMouse('limits what Moscow can do');
  await app.createClaim('The NATO war limits Moscow.');
  await expect(app.claimCards).toHaveCount(2);

  await app.highlights.filter({ hasText: 'spoke on 1 November' }).click();
  await expect(app.claimCard('Chepa spoke on 1 November.')).toHaveAttribute('aria-current', 'true');

  await app.claimCard('The NATO war limits Moscow.').locator('.claim-open').click();
  await expect(app.highlights.filter({ hasText: 'limits what Moscow can do' })).toHaveClass(
    /active/,
  );
});

test('a claim can be reworded and deleted', async ({ app }) => {
  await app.createCase('Editing');
  await app.addDocument(ARTICLE);
  await app.selectWithMouse('as far as it can');
  await app.createClaim('First wording');
  // The only card; held by position, since its text changes while it is edited.
  const card = app.claimCards.first();
  await expect(card.locator('.claim-text')).toHaveText('First wording');
  await card.locator('.claim-open').click();
  await card.getByRole('button', { name: 'Edit' }).click();
  await card.getByLabel('Claim wording').fill('Second wording');
  await card.getByRole('button', { name: 'Save' }).click();
  await expect(app.claimCard('Second wording')).toHaveCount(1);

  await app.claimCard('Second wording').getByRole('button', { name: 'Delete' }).click();
  await expect(app.claimCards).toHaveCount(0);
  await expect(app.highlights).toHaveCount(0);
});

test('an empty document is refused with a message and nothing is added', async ({ app }) => {
  await app.createCase('Empty paste');
  await app.page.getByRole('button', { name: 'Paste text' }).click();
  const dialog = app.page.getByRole('dialog', { name: 'Add document' });
  await dialog.getByLabel('Title').fill('Nothing here');
  await dialog.getByLabel('Text').fill('   \n  ');
  await dialog.getByRole('button', { name: 'Add document' }).click();
  await expect(dialog.getByRole('alert')).toHaveText(/text: must not be empty/);
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(app.page.locator('.documents li')).toHaveCount(0);
});
