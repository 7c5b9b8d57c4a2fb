/**
 * The Export… dialog's pure helpers (renderer/export/export-dialog.ts): file
 * names that follow the format, and how an export's content is described.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeExport, withExtension } from '../../../renderer/export/export-dialog.ts';

test('withExtension replaces the last extension, or adds one', () => {
  assert.equal(withExtension('nato-asia-2023.tmx', 'csv'), 'nato-asia-2023.csv');
  assert.equal(withExtension('nato-asia-2023', 'xlf'), 'nato-asia-2023.xlf');
  assert.equal(withExtension('pairs.v2.tsv', 'jsonl'), 'pairs.v2.jsonl');
  // A leading dot is a hidden file's name, not an extension.
  assert.equal(withExtension('.pairs', 'tmx'), '.pairs.tmx');
});

test('describeExport names the pairs and each reason links were left out', () => {
  const none = { untranslated: 0, rejected: 0, unconfirmed: 0, lowConfidence: 0, duplicate: 0 };
  assert.equal(describeExport(10, none), '10 pairs');
  assert.equal(describeExport(1, undefined), '1 pair');
  assert.equal(
    describeExport(4, { ...none, untranslated: 26, lowConfidence: 3, duplicate: 1 }),
    '4 pairs; links left out: 26 untranslated, 3 below the minimum confidence, 1 duplicate',
  );
  assert.equal(describeExport(0, { ...none, unconfirmed: 36 }), '0 pairs; links left out: 36 unconfirmed');
});
