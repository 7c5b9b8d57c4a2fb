import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { toJsonl, type JsonlRecord } from '../../../shared/formats/jsonl.ts';
import { corpusAlignment, english, makeAlignment, makeDocument, thai } from '../../reference/corpus-alignment.ts';
import { hostile } from '../../reference/hostile.ts';
import { readBack } from '../../reference/read-back.ts';

describe('toJsonl', () => {
  it('writes one record per pair with languages and provenance, read back line by line by Python', async () => {
    const corpus = await corpusAlignment();
    const { text, extracted } = toJsonl(corpus, { filters: { includeUntranslated: true, deduplicate: true } });
    assert.ok(text.endsWith('\n'));
    const { records } = readBack<{ records: JsonlRecord[] }>('jsonl', text);
    // 36 links; "Advertisement" (0, 1), "Nato" (2, 10) and the repeated related-story link (31, 32) are one pair each.
    assert.equal(records.length, 33);
    assert.equal(records.length, extracted.pairs.length);
    records.forEach((record, index) => {
      const pair = extracted.pairs[index]!;
      assert.equal(record.source, pair.source);
      assert.equal(record.target, pair.target);
      assert.equal(record.provenance.link, pair.link + 1, 'links numbered from 1, as the app shows them');
    });
    const merged = records.find((record) => record.provenance.link === 18);
    assert.deepEqual(merged, {
      source: merged?.source,
      target: merged?.target,
      sourceLanguage: 'en',
      targetLanguage: 'th',
      status: 'auto',
      confidence: 0.58,
      note: 'Merged: the translator skipped the headline between 17 and 19.',
      tags: ['merge'],
      provenance: {
        sourceFile: 'nato-asia-2023.en.original-with-page-clutter.txt',
        sourceSha256: corpus.source.sha256,
        targetFile: 'nato-asia-2023.th.translation.txt',
        targetSha256: corpus.target.sha256,
        link: 18,
        sourceParagraphs: [18, 20],
        targetParagraphs: [6],
      },
    });
    assert.match(corpus.source.sha256, /^[0-9a-f]{64}$/);
  });

  it('keeps every record on one line, whatever the text holds, and the text exact', () => {
    const tricky = `${hostile} line\nbreak\r\u2028sep\u2029para\u0085nel`;
    const alignment = makeAlignment(makeDocument([tricky], english), makeDocument(['=ไทย'], thai), [{ source: [0], target: [0], note: tricky }]);
    const { text } = toJsonl(alignment);
    assert.equal(text.split('\n').length, 2);
    assert.ok(!/[\u2028\u2029\u0085\r]/.test(text));
    const { records } = readBack<{ records: JsonlRecord[] }>('jsonl', text);
    assert.equal(records.length, 1);
    // No formula quoting here: MT training wants the text as it is. CR became LF (exports write LF line ends).
    assert.equal(records[0]?.target, '=ไทย');
    const expected = tricky.trim().replace('\r', '\n').replace('\uD800', '\uFFFD');
    assert.equal(records[0]?.source, expected);
    assert.equal(JSON.parse(text).source, expected);
    assert.equal(JSON.parse(text).note, expected);
  });
});
