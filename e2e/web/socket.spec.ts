/**
 * How the page reaches the web host (issue 9, keystroke to frame): over one WebSocket once it
 * is open, with HTTP beneath it, so that the app works the same when the socket cannot open.
 */
import { AppPage } from '../support/appPage';
import { expect, test } from '../support/fixtures';

/** The first card's wording edited and saved, until the card shows it. */
async function saveWording(app: AppPage, wording: string): Promise<void> {
  const card = app.claimCards.first();
  await card.locator('.claim-open').click();
  await card.getByRole('button', { name: 'Edit', exact: true }).click();
  await app.page.getByLabel('Claim wording').fill(wording);
  await app.page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(card.locator('.claim-text')).toHaveText(wording);
}

test('once open, a search and an edit reach the web host over its socket, not one HTTP request each', async ({
  page,
  host,
}) => {
  const sockets: string[] = [];
  page.on('websocket', (ws) => sockets.push(new URL(ws.url()).pathname));
  const app = new AppPage(page);
  await app.open(host.launchUrl);
  await expect(app.claimCount).toHaveText('14');
  await expect.poll(() => sockets).toEqual(['/api/socket']);

  const httpCalls: string[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.pathname.startsWith('/api/')) httpCalls.push(url.pathname);
  });
  await app.searchBox.pressSequentially('Igla');
  await expect(app.claimCount).toHaveText('1 of 14');

  await saveWording(app, 'Venezuela holds some 5,000 Igla-S launchers.');
  expect(httpCalls).toEqual([]);

  // The edit reached the store: it is there after a reload.
  await page.reload();
  await app.searchBox.fill('launchers');
  await expect(app.claimCount).toHaveText('1 of 14');
});

test('with the socket refused, the app searches and saves over HTTP', async ({ page, host }) => {
  // Every socket the page opens is closed at once, as a proxy or a policy might.
  await page.routeWebSocket(/\/api\/socket$/, (ws) => ws.close());
  const httpCalls: string[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.pathname.startsWith('/api/')) httpCalls.push(url.pathname);
  });
  const app = new AppPage(page);
  await app.open(host.launchUrl);
  await expect(app.claimCount).toHaveText('14');

  await app.searchBox.fill('Igla');
  await expect(app.claimCount).toHaveText('1 of 14');
  await saveWording(app, 'Venezuela is said to hold 5,000 Igla-S launchers.');
  expect(httpCalls).toEqual(expect.arrayContaining(['/api/claims:query', '/api/claims:update']));
  await expect(app.errorNotices).toHaveCount(0);
});
