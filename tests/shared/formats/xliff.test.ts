import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { isBitextError } from '../../../shared/errors.ts';
import { toXliff, xliff12State, xliff2State } from '../../../shared/formats/xliff.ts';
import type { Alignment } from '../../../shared/model/alignment.ts';
import { corpusAlignment, english, makeAlignment, makeDocument, thai } from '../../reference/corpus-alignment.ts';
import { forbiddenXmlCharacters, hostile, hostileClean } from '../../reference/hostile.ts';
import { readBack, xmllint } from '../../reference/read-back.ts';

interface Xliff12Read {
  sourceLanguage: string;
  targetLanguage: string;
  filenames: string[];
  units: { id: string; source: string; target: string | null; hasTarget: boolean; notes: string; approved: boolean; state: string | null }[];
}

interface Xliff2Read {
  namespace: string;
  version: string;
  sourceLanguage: string;
  targetLanguage: string;
  units: { id: string; source: string; target: string | null; state: string; notes: string[]; meta: [string, string][] }[];
}

describe('XLIFF states', () => {
  it('maps link statuses to 2.x states and 1.2 state/approved', () => {
    assert.deepEqual(
      (['auto', 'confirmed', 'rejected'] as const).map((status) => xliff2State(status)),
      ['translated', 'final', 'initial'],
    );
    assert.equal(xliff2State('confirmed', false), 'initial');
    assert.deepEqual(xliff12State('confirmed'), { state: 'final', approved: true });
    assert.deepEqual(xliff12State('auto'), { state: 'needs-review-translation', approved: false });
    assert.deepEqual(xliff12State('rejected'), { state: 'needs-translation', approved: false });
  });
});

describe('toXliff 2.1', () => {
  let corpus: Alignment;
  before(async () => {
    corpus = await corpusAlignment();
  });

  it('writes one unit per link with source, target, state, notes and metadata, read back by lxml', () => {
    const { xml, extracted } = toXliff(corpus);
    assert.equal(xmllint(xml).status, 0);
    const read = readBack<Xliff2Read>('xliff-2', xml);
    assert.equal(read.namespace, 'urn:oasis:names:tc:xliff:document:2.0');
    assert.equal(read.version, '2.1');
    assert.equal(read.sourceLanguage, 'en');
    assert.equal(read.targetLanguage, 'th');
    assert.equal(read.units.length, 10);
    read.units.forEach((unit, index) => {
      const pair = extracted.pairs[index]!;
      assert.equal(unit.id, `u${pair.link + 1}`);
      assert.equal(unit.source, pair.source);
      assert.equal(unit.target, pair.target);
      assert.equal(unit.state, pair.status === 'confirmed' ? 'final' : 'translated');
      assert.deepEqual(unit.notes, pair.note === undefined ? [] : [pair.note]);
    });
    const merged = read.units.find((unit) => unit.id === 'u18');
    assert.deepEqual(merged?.meta, [
      ['status', 'auto'],
      ['confidence', '0.58'],
      ['source-paragraphs', '18,20'],
      ['target-paragraphs', '6'],
      ['tag', 'merge'],
    ]);
  });

  it('writes an untranslated source paragraph as a unit with no target, when asked', () => {
    const read = readBack<Xliff2Read>('xliff-2', toXliff(corpus, { filters: { includeUntranslated: true } }).xml);
    assert.equal(read.units.length, 36);
    const untranslated = read.units.filter((unit) => unit.target === null);
    assert.equal(untranslated.length, 26);
    assert.ok(untranslated.every((unit) => unit.state === 'initial'));
  });

  it('refuses to write a file with no unit', () => {
    const alignment = makeAlignment(makeDocument(['a'], english), makeDocument(['ก'], thai), [{ source: [0], target: [0] }]);
    assert.throws(
      () => toXliff(alignment, { filters: { confirmedOnly: true } }),
      (error) => isBitextError(error) && error.code === 'export-failed',
    );
  });

  it('keeps hostile text inert: escaped, forbidden characters dropped, read back intact', () => {
    const alignment = makeAlignment(
      makeDocument([hostile], english, `C:\\docs\\${hostile.replaceAll('/', '')}.txt`),
      makeDocument([hostile], thai),
      [{ source: [0], target: [0], note: hostile, tags: [hostile] }],
    );
    const { xml } = toXliff(alignment);
    assert.ok(!xml.includes('<script') && !xml.includes('<img'));
    assert.ok(!forbiddenXmlCharacters.test(xml));
    assert.equal(xmllint(xml).status, 0, xmllint(xml).messages);
    const [unit] = readBack<Xliff2Read>('xliff-2', xml).units;
    assert.equal(unit?.source, hostileClean);
    assert.equal(unit?.target, hostileClean);
    assert.deepEqual(unit?.notes, [hostileClean]);
    assert.deepEqual(unit?.meta.at(-1), ['tag', hostileClean]);
  });
});

describe('toXliff 1.2', () => {
  let corpus: Alignment;
  before(async () => {
    corpus = await corpusAlignment();
  });

  it('is read back by translate-toolkit with the same units, texts, notes and approval', () => {
    const { xml, extracted } = toXliff(corpus, { version: '1.2' });
    const read = readBack<Xliff12Read>('xliff-1.2', xml);
    assert.equal(read.sourceLanguage, 'en');
    assert.equal(read.targetLanguage, 'th');
    assert.deepEqual(read.filenames, ['nato-asia-2023.en.original-with-page-clutter.txt']);
    assert.equal(read.units.length, 10);
    read.units.forEach((unit, index) => {
      const pair = extracted.pairs[index]!;
      assert.equal(unit.source, pair.source);
      assert.equal(unit.target, pair.target);
      assert.equal(unit.notes, pair.note ?? '');
      assert.equal(unit.approved, pair.status === 'confirmed');
      assert.equal(unit.state, pair.status === 'confirmed' ? 'final' : 'needs-review-translation');
    });
  });

  it('writes untranslated source paragraphs as units without a target, when asked', () => {
    const read = readBack<Xliff12Read>('xliff-1.2', toXliff(corpus, { version: '1.2', filters: { includeUntranslated: true } }).xml);
    assert.equal(read.units.length, 36);
    assert.equal(read.units.filter((unit) => !unit.hasTarget).length, 26);
  });

  it('keeps hostile text inert', () => {
    const alignment = makeAlignment(makeDocument([hostile], english, `/tmp/a&b "c".txt`), makeDocument([hostile], thai), [
      { source: [0], target: [0], note: hostile, tags: [hostile], status: 'confirmed' },
    ]);
    const { xml } = toXliff(alignment, { version: '1.2' });
    assert.ok(!xml.includes('<script') && !xml.includes('<img'));
    assert.ok(!forbiddenXmlCharacters.test(xml));
    assert.equal(xmllint(xml).status, 0);
    const read = readBack<Xliff12Read>('xliff-1.2', xml);
    assert.deepEqual(read.filenames, ['a&b "c".txt']);
    assert.equal(read.units[0]?.source, hostileClean);
    assert.equal(read.units[0]?.target, hostileClean);
    assert.equal(read.units[0]?.notes, hostileClean);
  });
});
