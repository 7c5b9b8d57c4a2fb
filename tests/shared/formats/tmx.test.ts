import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { extractPairs } from '../../../shared/formats/export-pairs.ts';
import { tmxDate, toTmx } from '../../../shared/formats/tmx.ts';
import type { Alignment } from '../../../shared/model/alignment.ts';
import { corpusAlignment, english, makeAlignment, makeDocument, thai } from '../../reference/corpus-alignment.ts';
import { forbiddenXmlCharacters, hostile, hostileClean } from '../../reference/hostile.ts';
import { readBack, tmxDtd, xmllint } from '../../reference/read-back.ts';

interface TmxRead {
  header: Record<string, string>;
  units: { id: string; source: string; target: string; notes: string; langs: string[]; props: [string, string][] }[];
}

describe('tmxDate', () => {
  it('writes UTC as YYYYMMDDThhmmssZ and refuses a non-date', () => {
    assert.equal(tmxDate(new Date('2024-05-06T07:08:09.123Z')), '20240506T070809Z');
    assert.equal(tmxDate('2024-03-02T23:05:42+07:00'), '20240302T160542Z');
    assert.equal(tmxDate('yesterday'), undefined);
  });
});

describe('toTmx', () => {
  let corpus: Alignment;
  before(async () => {
    corpus = await corpusAlignment();
  });

  it('writes the seven required header attributes, UTC dates and BCP-47 languages', () => {
    const { xml } = toTmx(corpus, { now: new Date('2024-05-06T07:08:09Z') });
    const header = /<header ([^>]*)>/.exec(xml)?.[1] ?? '';
    for (const attribute of [
      'creationtool="Bitext Workbench"',
      'creationtoolversion="0.1.0"',
      'segtype="paragraph"',
      'o-tmf="Bitext Workbench alignment"',
      'adminlang="en"',
      'srclang="en"',
      'datatype="plaintext"',
      'creationdate="20240506T070809Z"',
    ]) {
      assert.ok(header.includes(attribute), `header lacks ${attribute}: ${header}`);
    }
    assert.match(xml, /<tu tuid="12" creationdate="20240301T093000Z" changedate="20240302T160542Z">/);
    assert.match(xml, /<tuv xml:lang="th">/);
  });

  it('is read back by translate-toolkit with the same units and texts, and is valid against the TMX 1.4b DTD', () => {
    const { xml, extracted } = toTmx(corpus);
    const read = readBack<TmxRead>('tmx', xml);
    assert.equal(read.units.length, 10);
    assert.equal(read.units.length, extracted.pairs.length);
    read.units.forEach((unit, index) => {
      const pair = extracted.pairs[index]!;
      assert.equal(unit.id, String(pair.link + 1), 'tuid: the link number from 1, as the app shows it');
      assert.equal(unit.source, pair.source);
      assert.equal(unit.target, pair.target);
      assert.equal(unit.notes, pair.note ?? '');
      assert.deepEqual(unit.langs, ['en', 'th']);
    });
    assert.equal(read.header.srclang, 'en');
    const lint = xmllint(xml, { dtd: tmxDtd });
    assert.equal(lint.status, 0, lint.messages);
  });

  it('writes status, confidence, tags and paragraphs as x- props, and the note as a note', () => {
    const { xml } = toTmx(corpus);
    const read = readBack<TmxRead>('tmx', xml);
    const merged = read.units.find((unit) => unit.id === '18');
    assert.deepEqual(merged?.props, [
      ['x-status', 'auto'],
      ['x-confidence', '0.58'],
      ['x-tag', 'merge'],
      ['x-source-paragraphs', '18,20'],
      ['x-target-paragraphs', '6'],
    ]);
    assert.equal(merged?.notes, 'Merged: the translator skipped the headline between 17 and 19.');
  });

  it('leaves out 1:0 and 0:1 links even when untranslated paragraphs are asked for', () => {
    const { extracted } = toTmx(corpus, { filters: { includeUntranslated: true } });
    assert.equal(extracted.pairs.length, 10);
    assert.equal(extracted.skipped.untranslated, 26);
  });

  it('joins a Thai group without a space and an English group with one', () => {
    const alignment = makeAlignment(makeDocument(['First.', 'Second.'], english), makeDocument(['หนึ่ง', 'สอง'], thai), [
      { source: [0, 1], target: [0, 1] },
    ]);
    const read = readBack<TmxRead>('tmx', toTmx(alignment).xml);
    assert.equal(read.units[0]?.source, 'First. Second.');
    assert.equal(read.units[0]?.target, 'หนึ่งสอง');
  });

  it('escapes markup and drops characters XML forbids, in texts, notes, tags and file names', () => {
    const alignment = makeAlignment(
      makeDocument([hostile], english, `/tmp/${hostile}.txt`),
      makeDocument([`ไทย ${hostile}`], thai),
      [{ source: [0], target: [0], note: hostile, tags: [hostile] }],
    );
    const { xml } = toTmx(alignment);
    assert.ok(!xml.includes('<script'), 'raw markup in the TMX');
    assert.ok(!xml.includes('<img'), 'raw markup in the TMX');
    assert.ok(!forbiddenXmlCharacters.test(xml), 'forbidden character in the TMX');
    const lint = xmllint(xml, { dtd: tmxDtd });
    assert.equal(lint.status, 0, lint.messages);
    const [unit] = readBack<TmxRead>('tmx', xml).units;
    assert.equal(unit?.source, hostileClean);
    assert.equal(unit?.target, `ไทย ${hostileClean}`);
    assert.equal(unit?.notes, hostileClean);
    assert.deepEqual(unit?.props.find(([type]) => type === 'x-tag'), ['x-tag', hostileClean]);
  });

  it('exports the filtered pairs only', () => {
    const { extracted } = toTmx(corpus, { filters: { confirmedOnly: true, minConfidence: 0.9 } });
    assert.deepEqual(
      extracted.pairs.map((pair) => pair.link),
      extractPairs(corpus, { confirmedOnly: true, minConfidence: 0.9 }).pairs.map((pair) => pair.link),
    );
    assert.deepEqual(extracted.pairs.map((pair) => pair.link), [11, 12, 16]);
  });
});
