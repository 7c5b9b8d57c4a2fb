import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { Alignment } from '../../../shared/model/alignment.ts';
import { escapeHtml } from '../../../shared/report/escape.ts';
import { renderReport } from '../../../shared/report/html.ts';
import { corpusAlignment, english, makeAlignment, makeDocument, thai } from '../../reference/corpus-alignment.ts';
import { hostile } from '../../reference/hostile.ts';
import { readBack } from '../../reference/read-back.ts';

interface HtmlRead {
  elements: string[];
  attributes: string[];
  rows: { id: string; text: string }[];
}

/** The elements and attributes the report is made of: anything else came from the data. */
const allowedElements = new Set([
  'a', 'body', 'br', 'col', 'colgroup', 'dd', 'div', 'dl', 'dt', 'figure', 'footer', 'g', 'h1', 'h2', 'head', 'header', 'html', 'li', 'line',
  'main', 'meta', 'p', 'rect', 'section', 'span', 'strong', 'style', 'svg', 'table', 'tbody', 'td', 'text', 'th', 'thead', 'title', 'tr', 'ul',
]);

describe('escapeHtml', () => {
  it('escapes markup and quotes and drops control characters', () => {
    assert.equal(escapeHtml(`<a href="x" onclick='y'>&amp;</a>\u0000\u0007\uD800ok\n`), '&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;ok\n');
  });
});

describe('renderReport', () => {
  let corpus: Alignment;
  let html: string;
  before(async () => {
    corpus = await corpusAlignment();
    html = renderReport(corpus, { now: new Date('2024-03-02T16:30:00Z'), flags: [{ link: 23, kind: 'length', message: 'Thai much shorter.' }] });
  });

  it('has a row per link, in order, with both texts and untranslated paragraphs highlighted', () => {
    const read = readBack<HtmlRead>('html', html);
    assert.deepEqual(read.rows.map((row) => row.id), corpus.links.map((_, index) => `link-${index + 1}`));
    const merged = read.rows[17]!.text;
    assert.match(merged, /¶18“Nato has in recent months/, 'paragraphs numbered from 1, as in the app');
    assert.match(merged, /¶20“The clear intention/);
    assert.match(merged, /¶6นักวิเคราะห์/);
    assert.match(merged, /to review · 2:1/);
    assert.match(merged, /Merged: the translator skipped the headline/);
    assert.equal((html.match(/<tr id="link-\d+" class="row [^"]*untranslated/g) ?? []).length, 26);
    assert.match(read.rows[0]!.text, /Not translated/);
    assert.match(read.rows[23]!.text, /lengthThai much shorter\./);
    assert.match(html, /<td class="text" lang="th">/);
  });

  it('summarises coverage, review progress and tags', () => {
    assert.match(html, /Source paragraphs covered<\/p>\s*<p class="card-value">12<span class="of"> \/ 38<\/span>/);
    assert.match(html, /Target paragraphs covered<\/p>\s*<p class="card-value">10<span class="of"> \/ 10<\/span>/);
    // 5 of 36 is 13.9 %: rounded down, as the app's review panel and status bar say it (shared/review/progress.ts).
    assert.match(html, /Links confirmed<\/p>\s*<p class="card-value">13%/);
    assert.match(html, /5 confirmed · 31 to review · 0 rejected, of 36/);
    assert.match(html, /<span class="tag">caption<\/span> 3/);
    assert.match(html, /1 flagged link</);
  });

  it('is self-contained, printable, and has Thai fonts', () => {
    const read = readBack<HtmlRead>('html', html);
    assert.deepEqual(read.elements.filter((element) => !allowedElements.has(element)), []);
    assert.ok(!/\b(src|srcset)=/.test(html));
    assert.ok(!/href="(?!#link-\d+")/.test(html), 'the only links are to rows of the page');
    assert.ok(!/url\(|@import|https?:\/\/(?!www\.w3\.org\/2000\/svg)/.test(html), 'nothing is fetched');
    assert.match(html, /Content-Security-Policy" content="default-src 'none'/);
    assert.match(html, /@media print/);
    assert.match(html, /tr\.row \{ break-inside: avoid; page-break-inside: avoid; \}/);
    assert.match(html, /--thai: "Noto Sans Thai"[^;]*"Loma", "Garuda"/);
    assert.equal((html.match(/data-link="\d+"/g) ?? []).length, corpus.links.length);
  });

  it('shows paragraphs that no link holds, in their place, highlighted', () => {
    const alignment = makeAlignment(makeDocument(['A', 'B', 'C', 'D'], english), makeDocument(['ก', 'ข', 'ค'], thai), [
      { source: [0], target: [0] },
      { source: [3], target: [2] },
    ]);
    const rows = [...renderReport(alignment).matchAll(/<tr (?:id="(link-\d+)" )?class="row ([^"]*)"/g)].map((match) => match[1] ?? match[2]);
    assert.deepEqual(rows, ['link-1', 'unlinked', 'unlinked', 'unlinked', 'link-2']);
    assert.match(renderReport(alignment), /<strong class="warn">2 unlinked<\/strong>/);
  });

  it('keeps hostile text inert in paragraphs, notes, tags, flags, file names and the title', () => {
    const alignment = makeAlignment(
      makeDocument([hostile, '"><script>x</script>'], english, `/docs/${hostile.replaceAll('/', '')}.txt`),
      makeDocument([hostile], { ...thai, bcp47: 'th"><script>' }),
      [
        { source: [0], target: [0], note: hostile, tags: [hostile, '"><img onerror=alert(1)>'], status: 'confirmed' },
        { source: [1], target: [] },
      ],
    );
    const page = renderReport(alignment, { title: hostile, flags: [{ link: 0, kind: hostile, message: hostile }] });
    const read = readBack<HtmlRead>('html', page);
    assert.deepEqual(read.elements.filter((element) => !allowedElements.has(element)), []);
    assert.ok(!read.attributes.some((name) => name.startsWith('on')), `event handler attribute: ${read.attributes.join(' ')}`);
    assert.ok(!page.includes('<script') && !page.includes('<img'));
    assert.match(read.rows[0]!.text, /<script>alert\(1\)<\/script> "><img src=x onerror=alert\(1\)> \]\]> &amp; &foo; &#38; AT&T/);
  });
});
