/**
 * `bitext export --unit sentence [--srx FILE]`, and the unit crossing the API.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { run } from '../../../electron/cli/export.ts';
import { saveAlignment } from '../../../electron/services/alignment-store.ts';
import { validateRequest } from '../../../shared/api.ts';
import { isBitextError } from '../../../shared/errors.ts';
import { extractPairs } from '../../../shared/formats/export-pairs.ts';
import type { Alignment } from '../../../shared/model/alignment.ts';
import { corpusAlignment } from '../../reference/corpus-alignment.ts';
import { readBack } from '../../reference/read-back.ts';

let folder: string;
let corpus: Alignment;
let alignmentPath: string;
before(async () => {
  folder = mkdtempSync(join(tmpdir(), 'bitext-export-sentences-'));
  corpus = await corpusAlignment();
  alignmentPath = join(folder, 'corpus.bitext');
  await saveAlignment(alignmentPath, corpus);
});
after(() => rmSync(folder, { recursive: true, force: true }));

const srxFixture = fileURLToPath(new URL('../../fixtures/srx/workbench-sample.srx', import.meta.url));

describe('bitext export --unit sentence', () => {
  it('writes one XLSX row per sentence pair, # being the paragraph link (openpyxl reads it)', async () => {
    const output = join(folder, 'sentences.xlsx');
    assert.equal(await run([alignmentPath, '-o', output, '--unit', 'sentence']), 0);
    const read = readBack<{ rows: (string | number | null)[][] }>('xlsx', readFileSync(output));
    const expected = extractPairs(corpus, { unit: 'sentence' }).pairs;
    assert.deepEqual(
      read.rows.slice(1).map((row) => [row[0], row[1], row[2]]),
      expected.map((pair) => [pair.link + 1, pair.source, pair.target]),
    );
    assert.ok(expected.length > extractPairs(corpus, {}).pairs.length);
  });

  it('--srx cuts sentences by the file; a bad unit or SRX file is refused', async () => {
    const output = join(folder, 'srx.jsonl');
    assert.equal(await run([alignmentPath, '-o', output, '--unit', 'sentence', '--srx', srxFixture]), 0);
    const records = readBack<{ records: { target: string }[] }>('jsonl', readFileSync(output)).records;
    const builtIn = extractPairs(corpus, { unit: 'sentence' }).pairs;
    assert.notDeepEqual(records.map((record) => record.target), builtIn.map((pair) => pair.target));
    await assert.rejects(run([alignmentPath, '-o', join(folder, 'x.csv'), '--unit', 'word']), (error) => isBitextError(error) && /--unit takes paragraph or sentence/.test(error.message));
    await assert.rejects(
      run([alignmentPath, '-o', join(folder, 'y.csv'), '--unit', 'sentence', '--srx', alignmentPath]),
      (error) => isBitextError(error) && error.message.startsWith(alignmentPath),
    );
  });
});

test('the API carries the unit and refuses others', () => {
  const request = validateRequest('exportAlignment', { alignment: corpus, format: 'tmx', filters: { unit: 'sentence' } });
  assert.equal(request.filters?.unit, 'sentence');
  assert.throws(() => validateRequest('exportAlignment', { alignment: corpus, format: 'tmx', filters: { unit: 'word' } }), /unit/);
});
