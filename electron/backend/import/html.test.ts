import { afterEach, describe, expect, it } from 'vitest';
import { extractDocument } from './extract';
import { ARTICLE_WARNING, REMOVED_WARNING, TOO_COMPLEX_WARNING, WHOLE_PAGE_WARNING } from './html';
import { utf8 } from './testFixtures';

const html = (source: string) => extractDocument({ fileName: 'page.html', bytes: utf8(source) });

const GALEOTTI =
  'Mark Galeotti, emeritus professor at UCL, told Radio Liberty that if the United States ' +
  'moves to topple Maduro, Russia can do no more than offer diplomatic support.';
const SITENKO =
  'Alexandra Sitenko, a Berlin-based political scientist, said the war in Ukraine rules out ' +
  'sending Russian troops, although limited help cannot be ruled out.';

const NEWS_PAGE = `<!DOCTYPE html>
<html lang="en"><head>
  <meta charset="utf-8">
  <title>Russia and Venezuela | Defence Daily</title>
  <meta property="og:title" content="Can Moscow save Maduro?">
  <meta property="og:site_name" content="Defence Daily">
  <meta name="author" content="Jane Reporter">
  <meta property="article:published_time" content="2025-11-02T08:15:00+03:00">
  <link rel="canonical" href="https://defence.example/2025/11/moscow-maduro">
  <meta property="og:url" content="https://defence.example/og">
</head><body>
  <header><nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li>
    <li><a href="/subscribe">Subscribe now</a></li></ul></nav></header>
  <article>
    <h1>Can Moscow save Maduro?</h1>
    <p>${GALEOTTI}</p>
    <p>${SITENKO}</p>
    <p>The partnership agreement was ratified in October&nbsp;2025 &amp; entered into force.</p>
  </article>
  <footer><p>© 2025 Defence Daily. All rights reserved. Privacy policy. Cookie settings.</p></footer>
</body></html>`;

describe('HTML import: main content and metadata', () => {
  it('keeps the article paragraphs and drops nav and footer boilerplate', async () => {
    const doc = await html(NEWS_PAGE);
    expect(doc.format).toBe('html');
    expect(doc.text).toContain(`${GALEOTTI}\n\n${SITENKO}\n\n`);
    expect(doc.text).toContain('ratified in October 2025 & entered into force.');
    for (const boilerplate of ['Subscribe now', 'Home', 'All rights reserved', 'Cookie']) {
      expect(doc.text).not.toContain(boilerplate);
    }
    expect(doc.warnings).toContain(ARTICLE_WARNING);
  });

  it('maps og:title, author, og:site_name, canonical URL and published time to meta', async () => {
    const doc = await html(NEWS_PAGE);
    expect(doc.meta).toEqual({
      title: 'Can Moscow save Maduro?',
      author: 'Jane Reporter',
      outlet: 'Defence Daily',
      url: 'https://defence.example/2025/11/moscow-maduro',
      // The writer's calendar day, not the UTC one.
      publishedAt: '2025-11-02',
    });
  });

  it('falls back to <title>, application-name, og:url, dc.date and JSON-LD', async () => {
    const doc = await html(`<html><head><title>Plain title</title>
      <meta name="application-name" content="Outlet App">
      <meta property="og:url" content="javascript:alert(1)">
      <link rel="canonical" href="/relative/only">
      <meta name="DC.date" content="Nov 1, 2025">
      <script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","author":{"name":"LD Author"}}</script>
      </head><body><article><p>${GALEOTTI}</p></article></body></html>`);
    expect(doc.meta).toEqual({
      title: 'Plain title',
      author: 'LD Author',
      outlet: 'Outlet App',
      url: '',
      publishedAt: '2025-11-01',
    });
    expect(doc.text).toBe(GALEOTTI);
  });

  it('takes the date from <time datetime> when no meta tag gives one', async () => {
    const doc = await html(
      `<html><body><article><p>By X, <time datetime="2025-10-30T10:00:00Z">Thursday</time></p><p>${SITENKO}</p></article></body></html>`,
    );
    expect(doc.meta.publishedAt).toBe('2025-10-30');
  });

  it('turns blocks, list items, rows and <br> into paragraphs and lines', async () => {
    const doc = await html(`<html><body><main>
      <h2>Claims</h2><p>First   line<br>second line<br><br>after two breaks</p>
      <ul><li>one</li><li>two</li></ul>
      <table><tr><td>a</td><td>b</td></tr><tr><td>c</td><td>d</td></tr></table>
      <pre>  keep   this\n    indentation</pre></main></body></html>`);
    expect(doc.text).toBe(
      'Claims\n\nFirst line\nsecond line\n\nafter two breaks\n\none\ntwo\n\na\tb\nc\td\n\n  keep   this\n    indentation',
    );
  });

  it('imports a fragment with no <html> or <body>, every paragraph of it', async () => {
    const doc = await html('<p>First.</p><p>Second.</p><p>Third.</p>');
    expect(doc.text).toBe('First.\n\nSecond.\n\nThird.');
  });

  it('keeps the whole page when Readability finds no article in it', async () => {
    // A page saved with a cookie dialog open: the content is aria-hidden, which Readability skips.
    const doc = await html(
      `<body><div aria-hidden="true"><p>${GALEOTTI}</p><p>${SITENKO}</p></div></body>`,
    );
    expect(doc.text).toBe(`${GALEOTTI}\n\n${SITENKO}`);
    expect(doc.warnings).toEqual([WHOLE_PAGE_WARNING]);
  });

  it('refuses a page with no visible text', async () => {
    await expect(
      html('<html><head><title>T</title></head><body><script>x()</script></body></html>'),
    ).rejects.toThrow('page.html: This file holds no text.');
  });

  it('keeps Cyrillic and emoji, NFC-normalised', async () => {
    const decomposed = 'Чепа сказал: «Россия поможет» 🇷🇺 — cafe\u0301';
    const doc = await html(`<p>${decomposed}</p>`);
    expect(doc.text).toBe('Чепа сказал: «Россия поможет» 🇷🇺 — café');
    expect(doc.text).toBe(doc.text.normalize('NFC'));
  });
});

describe('HTML import: active content', () => {
  afterEach(() => {
    Reflect.deleteProperty(globalThis, 'pwned');
  });

  const HOSTILE = `<!DOCTYPE html><html><head>
    <style>body { background: url("https://tracker.example/bg.png") } .x::after { content: "STYLE-TEXT" }</style>
    <script>globalThis.pwned = 'script';</script>
    <script src="https://evil.example/payload.js"></script>
  </head><body onload="globalThis.pwned = 'onload'">
    <article>
      <p onclick="globalThis.pwned = 'onclick'">${GALEOTTI}</p>
      <p>Read the <a href="javascript:globalThis.pwned='link'">full statement</a> here.</p>
      <p style="background-image: url(javascript:alert('css'))">${SITENKO}</p>
      <img src="x" onerror="globalThis.pwned = 'onerror'" alt="IMG-ALT">
      <iframe src="https://evil.example/frame">IFRAME-TEXT</iframe>
      <svg><script>globalThis.pwned = 'svg'</script><text>SVG-TEXT</text></svg>
      <noscript>NOSCRIPT-TEXT</noscript><template><p>TEMPLATE-TEXT</p></template>
      <object data="x.swf">OBJECT-TEXT</object><embed src="y.swf">
    </article>
    <script>document.write('WRITTEN-TEXT'); globalThis.pwned = 'late';</script>
  </body></html>`;

  it('never executes scripts, handlers or javascript: links', async () => {
    await html(HOSTILE);
    expect(Reflect.get(globalThis, 'pwned')).toBeUndefined();
  });

  it('keeps no script, style, frame, SVG or handler content in the text', async () => {
    const doc = await html(HOSTILE);
    expect(doc.text).toBe(`${GALEOTTI}\n\nRead the full statement here.\n\n${SITENKO}`);
    for (const leak of [
      'pwned',
      'javascript',
      'url(',
      'tracker',
      'evil',
      'STYLE-TEXT',
      'IMG-ALT',
      'IFRAME-TEXT',
      'SVG-TEXT',
      'NOSCRIPT-TEXT',
      'TEMPLATE-TEXT',
      'OBJECT-TEXT',
      'WRITTEN-TEXT',
    ]) {
      // prettier-ignore
      expect(doc.text).not.toContain(leak);
    }
    expect(doc.warnings).toContain(REMOVED_WARNING);
  });

  it('strips the same content on the whole-page path, where Readability is not used', async () => {
    const page = HOSTILE.replace('<article>', '<div>'.repeat(150)).replace(
      '</article>',
      '</div>'.repeat(150),
    );
    const doc = await html(page);
    expect(doc.warnings).toEqual([REMOVED_WARNING, TOO_COMPLEX_WARNING]);
    expect(doc.text).toBe(`${GALEOTTI}\n\nRead the full statement here.\n\n${SITENKO}`);
    expect(Reflect.get(globalThis, 'pwned')).toBeUndefined();
  });
});

describe('HTML import: pages that would stall the parser', () => {
  const nested = (depth: number) =>
    `<html><body>${'<div>'.repeat(depth)}Deep text.${'</div>'.repeat(depth)}</body></html>`;

  it('refuses, before parsing, more than 300,000 elements', async () => {
    await expect(html(`<p>x</p>${'<i></i>'.repeat(300_001)}`)).rejects.toThrow(
      'page.html: This page has more than 300,000 HTML elements, more than Claimdesk can import safely.',
    );
  });

  it('refuses, before parsing, nesting deeper than 5,000', async () => {
    await expect(html(nested(5_001))).rejects.toThrow(/nests its elements more than 5,000 deep/);
  });

  it('skips article detection on a deeply nested page and keeps its whole text', async () => {
    const doc = await html(nested(200));
    expect(doc.text).toBe('Deep text.');
    expect(doc.warnings).toEqual([TOO_COMPLEX_WARNING]);
  });
});
