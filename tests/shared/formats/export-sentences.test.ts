/**
 * Exports with `unit: 'sentence'`: one pair per sentence link inside each
 * paragraph link, each recording the link it belongs to, read back by readers
 * nobody on this project wrote (translate-toolkit, lxml, Python's csv and json).
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { readFileSync } from 'node:fs';
import { extractPairs, pairId } from '../../../shared/formats/export-pairs.ts';
import { renderTextExport } from '../../../shared/formats/export-format.ts';
import { parseSrx } from '../../../shared/text/srx.ts';
import type { Alignment } from '../../../shared/model/alignment.ts';
import { corpusAlignment } from '../../reference/corpus-alignment.ts';
import { readBack, tmxDtd, xmllint } from '../../reference/read-back.ts';

const now = new Date('2024-05-06T07:08:09Z');

describe('sentence units', () => {
  let corpus: Alignment;
  before(async () => {
    corpus = await corpusAlignment();
  });

  it('splits each translated link into sentence pairs that keep the link, its status and the Thai spaces', () => {
    const paragraphs = extractPairs(corpus, {});
    // Every pair as the aligner made it (by default link 13's two, whose boundary it is unsure of, go out as one: sentence-units.test.ts).
    const sentences = extractPairs(corpus, { unit: 'sentence', unsureBoundaries: 'keep' });
    assert.ok(sentences.pairs.length > paragraphs.pairs.length, `${sentences.pairs.length} sentence pairs, ${paragraphs.pairs.length} paragraph pairs`);
    assert.deepEqual(
      [...new Set(sentences.pairs.map((pair) => pair.link))],
      paragraphs.pairs.map((pair) => pair.link),
      'every exported link gives sentence pairs, in order',
    );
    for (const pair of sentences.pairs) {
      const link = corpus.links[pair.link]!;
      assert.equal(pair.status, link.status);
      assert.ok(pair.sentence, 'sentence units say which sentences they hold');
      assert.ok(pair.confidence <= link.confidence + 1e-9);
      assert.ok(pair.source.length > 0 && pair.target.length > 0);
    }
    const war = sentences.pairs.filter((pair) => pair.source.startsWith('The war in Ukraine') || pair.source.startsWith('Previously, the two governments'));
    assert.equal(war.length, 2);
    assert.equal(war[0]!.link, war[1]!.link);
    assert.deepEqual(war.map(pairId), [`${war[0]!.link + 1}.1`, `${war[0]!.link + 1}.2`], 'numbered from 1, as the app shows links');
    assert.ok(war[1]!.target.startsWith('ก่อนหน้านี้ รัฐบาลทั้งสอง'), war[1]!.target);
    assert.ok(war[1]!.target.endsWith('เช่น รถถัง ปืนใหญ่ หรือระบบขีปนาวุธ'), 'clauses joined with the spaces of the text');
  });

  it('a sentence with no counterpart inside a link is untranslated: left out unless asked for', () => {
    const kept = extractPairs(corpus, { unit: 'sentence', includeUntranslated: true });
    const left = extractPairs(corpus, { unit: 'sentence' });
    const lonely = kept.pairs.filter((pair) => pair.sentence && (pair.source === '' || pair.target === ''));
    assert.ok(lonely.some((pair) => pair.source.startsWith('“I think it would be difficult')), 'the sentence the Thai leaves out');
    assert.equal(left.skipped.untranslated - extractPairs(corpus, {}).skipped.untranslated, lonely.length);
  });

  it('TMX: translate-toolkit reads the sentence units with tuid link.sentence (from 1) and an x-link prop; the DTD validates', () => {
    const { text } = renderTextExport(corpus, 'tmx', { filters: { unit: 'sentence' }, now });
    assert.equal(xmllint(text, { dtd: tmxDtd }).status, 0);
    const read = readBack<{ header: Record<string, string>; units: { id: string; source: string; target: string; props: [string, string][] }[] }>('tmx', text);
    const expected = extractPairs(corpus, { unit: 'sentence' }).pairs;
    assert.equal(read.header['segtype'], 'sentence');
    assert.deepEqual(read.units.map((unit) => unit.id), expected.map(pairId));
    assert.deepEqual(read.units.map((unit) => [unit.source, unit.target]), expected.map((pair) => [pair.source, pair.target]));
    for (const [index, unit] of read.units.entries()) {
      assert.ok(unit.props.some(([type, value]) => type === 'x-link' && value === String(expected[index]!.link + 1)));
    }
  });

  it('XLIFF 1.2 (translate-toolkit) and XLIFF 2 (lxml) read the same sentence pairs', () => {
    const expected = extractPairs(corpus, { unit: 'sentence' }).pairs;
    const old = readBack<{ units: { id: string; source: string; target: string }[] }>(
      'xliff-1.2',
      renderTextExport(corpus, 'xliff-1.2', { filters: { unit: 'sentence' }, now }).text,
    );
    // translate-toolkit's id is the file's name, U+0004, then the trans-unit's id.
    assert.deepEqual(old.units.map((unit) => [unit.id.split('\u0004').at(-1), unit.source, unit.target]), expected.map((pair) => [pairId(pair), pair.source, pair.target]));
    const modern = readBack<{ units: { id: string; source: string; target: string | null; meta: [string, string][] }[] }>(
      'xliff-2',
      renderTextExport(corpus, 'xliff', { filters: { unit: 'sentence' }, now }).text,
    );
    assert.deepEqual(modern.units.map((unit) => [unit.id, unit.source, unit.target]), expected.map((pair) => [`u${pairId(pair)}`, pair.source, pair.target]));
    assert.ok(modern.units.every((unit, index) => unit.meta.some(([type, value]) => type === 'link' && value === String(expected[index]!.link + 1))));
  });

  it('CSV gets a link column; JSONL records the sentence in its provenance', () => {
    const expected = extractPairs(corpus, { unit: 'sentence' }).pairs;
    const csv = readBack<{ rows: string[][] }>('csv', renderTextExport(corpus, 'csv', { filters: { unit: 'sentence' } }).text);
    assert.deepEqual(csv.rows[0], ['source', 'target', 'status', 'confidence', 'note', 'tags', 'link']);
    assert.deepEqual(csv.rows.slice(1).map((row) => row[6]), expected.map((pair) => String(pair.link + 1)));
    const paragraphCsv = readBack<{ rows: string[][] }>('csv', renderTextExport(corpus, 'csv', {}).text);
    assert.equal(paragraphCsv.rows[0]!.length, 6, 'paragraph exports keep their columns');
    const jsonl = readBack<{ records: { source: string; provenance: { link: number; sentence?: { index: number } } }[] }>(
      'jsonl',
      renderTextExport(corpus, 'jsonl', { filters: { unit: 'sentence' } }).text,
    );
    assert.deepEqual(jsonl.records.map((record) => [record.provenance.link, record.provenance.sentence?.index]), expected.map((pair) => [pair.link + 1, pair.sentence!.index + 1]));
  });

  it('SRX rules replace the built-in segmenter', () => {
    const rules = parseSrx(readFileSync(new URL('../../fixtures/srx/workbench-sample.srx', import.meta.url), 'utf8'));
    const builtIn = extractPairs(corpus, { unit: 'sentence' });
    const srx = extractPairs(corpus, { unit: 'sentence', segmentation: rules });
    assert.notDeepEqual(srx.pairs.map((pair) => pair.target), builtIn.pairs.map((pair) => pair.target));
    // The sample's rules break after . ? ! only, which Thai does not use: each Thai paragraph is one unit.
    for (const pair of srx.pairs) assert.ok((pair.sentence?.target.length ?? 0) <= 1, `${pairId(pair)}: ${pair.sentence?.target.join(',')}`);
  });
});

describe('sentence units of a broken alignment', () => {
  it('a link naming a paragraph the document lacks is refused, naming the link, as at paragraph level', async () => {
    const corpus = await corpusAlignment();
    const broken = { ...corpus, links: [...corpus.links, { source: [999], target: [0], score: 0, confidence: 1, status: 'auto' as const }] };
    assert.throws(
      () => extractPairs(broken, { unit: 'sentence' }),
      (error: unknown) => error instanceof Error && 'code' in error && error.code === 'invalid-alignment' && /link 36/.test(error.message),
    );
  });
});
