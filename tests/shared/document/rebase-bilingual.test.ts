/**
 * An alignment of a bilingual file carried over onto a new version of the
 * file: both sides rebased, units new on both sides linked as the file links
 * them (with its status), never across a link kept from before.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openBilingualFile } from '../../../shared/document/open-bilingual.ts';
import { rebaseOntoBilingual } from '../../../shared/document/rebase-bilingual.ts';
import { readBilingual } from '../../../shared/document/readers/bilingual.ts';
import { formatLinks, parseLinks } from '../../../shared/model/alignment.ts';

const now = '2026-12-06T00:00:00.000Z';
const units: Record<string, [string, string]> = {
  a: ['The ministers met in Seoul on Monday morning.', 'Die Minister trafen sich am Montagmorgen in Seoul.'],
  b: ['They spoke about the war in Ukraine for two hours.', 'Sie sprachen zwei Stunden lang über den Krieg in der Ukraine.'],
  c: ['Tokyo was the next stop of the long journey.', 'Tokio war die nächste Station der langen Reise.'],
  d: ['A joint statement followed late in the evening.', 'Am späten Abend folgte eine gemeinsame Erklärung.'],
  e: ['Reporters were not allowed into the building.', 'Reporter durften das Gebäude nicht betreten.'],
};
/** An XLIFF 2 file of the named units, in order; units named in `final` are in state final. */
const xliff = (names: string, final = '') =>
  `<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="de"><file id="f">${[...names]
    .map((name) => `<unit id="${name}"><segment${final.includes(name) ? ' state="final"' : ''}><source>${units[name]![0]}</source><target>${units[name]![1]}</target></segment></unit>`)
    .join('')}</file></xliff>`;
const encoding = { name: 'utf-8', bom: false, forced: false } as const;

test('a unit added to both sides of the file comes in linked, with the file’s status; a deleted unit’s link goes', async () => {
  const old = await openBilingualFile(new TextEncoder().encode(xliff('abc')), 'pair.xlf', now);
  const result = await rebaseOntoBilingual(old, readBilingual(xliff('adc', 'd'), 'pair.xlf'), ['source', 'target'], { sha256: 'new', encoding }, now);
  assert.equal(formatLinks(result.alignment.links), '0-0 1-1 2-2');
  assert.deepEqual(result.linkedUnits, [1]);
  assert.equal(result.alignment.links[1]!.status, 'confirmed');
  assert.deepEqual(result.reports.map((report) => report.counts.dropped), [1, 1]);
  assert.deepEqual([result.alignment.source.sha256, result.alignment.target.sha256], ['new', 'new']);
});

test('a new unit is not linked across a link the reviewer made; its paragraphs stay unlinked for the reviewer', async () => {
  const old = await openBilingualFile(new TextEncoder().encode(xliff('abc')), 'pair.xlf', now);
  // The reviewer linked a's English to b's German and left the rest of a and b unlinked.
  const reviewed = parseLinks('0-1 ∅-0 1-∅ 2-2').map((link) => ({ ...link, score: 0, confidence: 1, status: 'confirmed' as const }));
  const result = await rebaseOntoBilingual({ ...old, links: reviewed }, readBilingual(xliff('adbc'), 'pair.xlf'), ['source', 'target'], { sha256: 'new', encoding }, now);
  // d (source 1, target 1) would cross 0-2: it stays two unlinked paragraphs.
  assert.deepEqual(result.linkedUnits, []);
  assert.equal(formatLinks(result.alignment.links), '∅-0 ∅-1 0-2 1-∅ 2-∅ 3-3');
});

test('one side alone is rebased without linking units (the other side is not from this version of the file)', async () => {
  const old = await openBilingualFile(new TextEncoder().encode(xliff('abc')), 'pair.xlf', now);
  const result = await rebaseOntoBilingual(old, readBilingual(xliff('abdc'), 'pair.xlf'), ['source'], { sha256: 'new', encoding }, now);
  assert.deepEqual(result.linkedUnits, []);
  assert.equal(formatLinks(result.alignment.links), '0-0 1-1 2-∅ 3-2');
  assert.equal(result.alignment.target.sha256, old.target.sha256);
});
