import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { confidenceBands, confidenceColor, renderDotPlot } from '../../../shared/report/dot-plot.ts';
import { corpusAlignment, english, makeAlignment, makeDocument, thai } from '../../reference/corpus-alignment.ts';
import { hostile } from '../../reference/hostile.ts';
import { xmllint } from '../../reference/read-back.ts';

describe('confidenceColor', () => {
  it('puts a confidence in the app\'s bands (shared/review/progress.ts), clamping what is outside [0, 1]', () => {
    assert.deepEqual([0, 0.49, 0.5, 0.79, 0.8, 1].map(confidenceColor), ['#d3483f', '#d3483f', '#cf9b0e', '#cf9b0e', '#2f9a5a', '#2f9a5a']);
    assert.equal(confidenceColor(-1), confidenceBands[0]?.color);
    assert.equal(confidenceColor(Number.NaN), confidenceBands[0]?.color);
    assert.equal(confidenceColor(7), confidenceBands.at(-1)?.color);
  });
});

describe('renderDotPlot', () => {
  it('draws one mark per linked paragraph pair, grouped by link with data-link, ticks for untranslated paragraphs', async () => {
    const corpus = await corpusAlignment();
    const svg = renderDotPlot(corpus);
    assert.equal(xmllint(svg).status, 0, 'the SVG is well-formed XML');
    const groups = [...svg.matchAll(/<g class="mark status-(\w+)" data-link="(\d+)">(.*?)<\/g>/g)];
    assert.equal(groups.length, corpus.links.length);
    const marks = (link: number) => (groups.find((group) => group[2] === String(link))?.[3]?.match(/<rect /g) ?? []).length;
    assert.equal(marks(17), 2, '17,19-5 draws two squares');
    assert.equal(marks(19), 2, '20,21-6 too');
    assert.equal(marks(11), 1);
    assert.equal(marks(0), 1, 'an untranslated paragraph draws one tick');
    assert.match(groups.find((group) => group[2] === '11')?.[3] ?? '', /fill="#2f9a5a" stroke="#1d2430"/, 'confirmed 0.94: green, outlined');
    assert.match(groups.find((group) => group[2] === '23')?.[3] ?? '', /fill="#d3483f"/, 'link 23 (25-9, 0.41): red');
    assert.match(svg, /<title>Link 18: source ¶18, 20 → target ¶6, confidence 0.58, auto<\/title>/, 'numbers from 1, as the app shows them');
    assert.match(svg, /<text class="tick"[^>]*>1<\/text>/, 'the axes start at paragraph 1');
    assert.ok(!/<text class="tick"[^>]*>0<\/text>/.test(svg));
    assert.ok(!svg.includes('<a '));
    const anchors = [...renderDotPlot(corpus, { anchors: true }).matchAll(/<a href="#link-(\d+)">/g)].map((match) => Number(match[1]));
    assert.equal(anchors.length, corpus.links.length);
    assert.equal(anchors[0], 1, 'anchors name rows by link number, from 1');
  });

  it('draws rejected links hollow and keeps hostile labels inert', () => {
    const alignment = makeAlignment(makeDocument(['a', 'b'], english), makeDocument(['ก', 'ข'], thai), [
      { source: [0], target: [0], status: 'rejected', confidence: 0.6 },
      { source: [1], target: [1] },
    ]);
    const svg = renderDotPlot(alignment, { sourceLabel: hostile, targetLabel: hostile });
    assert.match(svg, /fill="none" stroke="#cf9b0e"/);
    assert.ok(!svg.includes('<script') && !svg.includes('<img'));
    assert.equal(xmllint(svg).status, 0, xmllint(svg).messages);
  });

  it('scales cells down for long documents and stays within the size asked for', () => {
    const many = Array.from({ length: 400 }, (_, index) => `p${index}`);
    const alignment = makeAlignment(makeDocument(many, english), makeDocument(many, thai), many.map((_, index) => ({ source: [index], target: [index] })));
    const svg = renderDotPlot(alignment, { maxWidth: 600, maxHeight: 600 });
    const width = Number(/width="(\d+)"/.exec(svg)?.[1]);
    assert.ok(width <= 600 + 60 + 12 + 1, `width ${width}`);
    assert.equal((svg.match(/data-link=/g) ?? []).length, 400);
  });
});
