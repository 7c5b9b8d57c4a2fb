import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { delimitedColumns, neutraliseFormula, quoteField, toDelimited } from '../../../shared/formats/delimited.ts';
import type { Alignment } from '../../../shared/model/alignment.ts';
import { corpusAlignment, english, makeAlignment, makeDocument, thai } from '../../reference/corpus-alignment.ts';
import { hostile, hostileExported } from '../../reference/hostile.ts';
import { readBack } from '../../reference/read-back.ts';

interface DelimitedRead {
  rows: string[][];
  crlf: number;
  bareLf: number;
}

describe('neutraliseFormula', () => {
  it('puts a quote before cells a spreadsheet would run as a formula, and only those', () => {
    assert.deepEqual(
      ['=HYPERLINK("http://x")', '+1', '-2+3', '@SUM(A1)', '\t=1', '\r=1'].map(neutraliseFormula),
      ["'=HYPERLINK(\"http://x\")", "'+1", "'-2+3", "'@SUM(A1)", "'\t=1", "'\r=1"],
    );
    assert.deepEqual(['1-2', 'a=b', 'ไทย', '', ' =1'].map(neutraliseFormula), ['1-2', 'a=b', 'ไทย', '', ' =1']);
  });
});

describe('quoteField', () => {
  it('quotes fields holding the delimiter, quotes or line breaks, doubling quotes (RFC 4180)', () => {
    assert.equal(quoteField('plain', ','), 'plain');
    assert.equal(quoteField('a,b', ','), '"a,b"');
    assert.equal(quoteField('a,b', '\t'), 'a,b');
    assert.equal(quoteField('a\tb', '\t'), '"a\tb"');
    assert.equal(quoteField('say "hi"', ','), '"say ""hi"""');
    assert.equal(quoteField('two\nlines', ','), '"two\nlines"');
  });
});

describe('toDelimited', () => {
  let corpus: Alignment;
  before(async () => {
    corpus = await corpusAlignment();
  });

  it('writes a header and one CRLF-terminated record per pair, after a byte-order mark', () => {
    const { text, extracted } = toDelimited(corpus, 'csv');
    assert.ok(text.startsWith('\uFEFFsource,target,status,confidence,note,tags\r\n'));
    assert.ok(text.endsWith('\r\n'));
    assert.equal(text.split('\r\n').length - 1, extracted.pairs.length + 1);
    assert.ok(!toDelimited(corpus, 'csv', { byteOrderMark: false }).text.startsWith('\uFEFF'));
  });

  for (const kind of ['csv', 'tsv'] as const) {
    it(`is read back by Python's csv module (${kind}) with the same rows and texts`, () => {
      const { text, extracted } = toDelimited(corpus, kind, { filters: { includeUntranslated: true } });
      const read = readBack<DelimitedRead>(kind, text);
      assert.deepEqual(read.rows[0], [...delimitedColumns]);
      assert.equal(read.rows.length, 37);
      assert.equal(read.bareLf, 0);
      extracted.pairs.forEach((pair, index) => {
        const row = read.rows[index + 1]!;
        assert.deepEqual(row, [pair.source, pair.target, pair.status, String(Math.round(pair.confidence * 1000) / 1000), pair.note ?? '', pair.tags.join('; ')]);
      });
      assert.equal(read.rows.filter((row) => row[1] === '').length, 26);
    });
  }

  it('neutralises formulas in text cells and keeps quotes, delimiters and line breaks intact', () => {
    const alignment = makeAlignment(
      makeDocument(['=1+1', 'He said "no", twice.\nThen\tleft.', hostile], english),
      makeDocument(['-ลบ', '@ไทย', 'ก'], thai),
      [
        { source: [0], target: [0], note: '+note', tags: ['=tag'] },
        { source: [1], target: [1] },
        { source: [2], target: [2], note: hostile },
      ],
    );
    for (const kind of ['csv', 'tsv'] as const) {
      const rows = readBack<DelimitedRead>(kind, toDelimited(alignment, kind).text).rows;
      assert.deepEqual(rows[1], ["'=1+1", "'-ลบ", 'auto', '0.9', "'+note", "'=tag"]);
      assert.deepEqual(rows[2]?.slice(0, 2), ['He said "no", twice.\nThen\tleft.', "'@ไทย"]);
      assert.equal(rows[3]?.[0], hostileExported);
      assert.equal(rows[3]?.[4], hostileExported);
    }
  });
});
