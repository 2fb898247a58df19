/**
 * Issue 6, "hostile input made inert": an imported page full of scripts, handlers, frames,
 * SVG and CSS that fetch runs nothing and fetches nothing; text typed into claims and names
 * is shown as text.
 */
import { expect, test } from '../support/fixtures';
import { writeFixture } from '../support/files';

const EVIL = 'http://tracker.invalid';

const HOSTILE_PAGE = `<!DOCTYPE html><html><head>
  <title>Hostile statement</title>
  <meta http-equiv="refresh" content="0; url=${EVIL}/refresh">
  <link rel="stylesheet" href="${EVIL}/style.css">
  <style>body { background: url(${EVIL}/bg.png) } @import url(${EVIL}/import.css);</style>
  <script src="${EVIL}/remote.js"></script>
  <script>fetch('${EVIL}/inline'); alert('inline')</script>
</head><body onload="fetch('${EVIL}/onload')">
  <article>
    <h1>What the ministry said</h1>
    <p>The spokesperson said Moscow is ready to respond to requests from its partners.</p>
    <p><img src="${EVIL}/pixel.png" onerror="alert('img')"> Seen on <a href="javascript:alert('js')">the site</a>.</p>
    <iframe src="${EVIL}/frame"></iframe>
    <object data="${EVIL}/object.swf"></object>
    <svg><image href="${EVIL}/svg.png"/><script>alert('svg')</script></svg>
    <p style="background-image:url(${EVIL}/inline-style.png)">The partners were not named.</p>
  </article>
</body></html>`;

test('an imported hostile page runs nothing, fetches nothing and logs no error', async ({
  app,
  page,
}, testInfo) => {
  const dialogs: string[] = [];
  const outside: string[] = [];
  const errors: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  page.on('request', (r) => {
    const url = new URL(r.url());
    if (url.protocol !== 'data:' && url.hostname !== '127.0.0.1') outside.push(r.url());
  });
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });

  await app.createCase('Hostile import');
  await app.importFiles(await writeFixture(testInfo.outputPath('hostile.html'), HOSTILE_PAGE));
  await app.confirmImport('Hostile statement');
  await expect(app.readerText).toContainText('ready to respond to requests from its partners');
  await expect(app.readerText).toContainText('The partners were not named.');
  for (const leak of ['alert', 'fetch', 'tracker.invalid', 'script']) {
    await expect(app.readerText).not.toContainText(leak);
  }
  // Capture a claim on it too: the page's text is only ever text.
  await app.selectWithMouse('ready to respond to requests');
  await app.createClaim('Moscow is ready to respond (ministry).');
  await expect(app.claimCards.filter({ hasText: 'ministry' })).toHaveCount(1);

  expect(dialogs).toEqual([]);
  expect(outside).toEqual([]);
  expect(errors).toEqual([]);
  await expect(page.locator('iframe, object, embed')).toHaveCount(0);
});

test('markup typed into a claim or a speaker’s name is shown as text', async ({ app, page }) => {
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await app.createCase('Markup as text');
  await app.addDocument({ title: 'Plain', text: 'The minister said nothing new today.' });
  await app.selectWithMouse('said nothing new');
  const markup = '<img src=x onerror=alert(1)> **not bold** <script>alert(2)</script>';
  await app.createClaim(markup);
  const card = app.claimCards.first();
  await expect(card.locator('.claim-text')).toHaveText(markup);
  await expect(card.locator('img, script')).toHaveCount(0);
  expect(dialogs).toEqual([]);
});
