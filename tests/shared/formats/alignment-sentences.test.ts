/** Stored sentence pairs in the alignment file (schema version 2, with their rules recorded since version 3) and the migrations from versions 1 and 2. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import {
  alignmentFromFile,
  documentFromRecord,
  parseAlignmentFile,
  reconstructText,
  serializeAlignment,
  type AlignmentFile,
} from '../../../shared/formats/alignment-json.ts';
import { applyEdit } from '../../../shared/edits/operations.ts';
import { sentencesOfLink, toStoredSentences } from '../../../shared/align/link-sentences.ts';
import { formatLinks, type Alignment } from '../../../shared/model/alignment.ts';
import { isBitextError } from '../../../shared/errors.ts';
import { validateAlignment } from '../../../shared/api.ts';
import { smallLinks } from '../../fixtures/alignment-files/make-alignment.ts';

const fixtures = new URL('../../fixtures/alignment-files/', import.meta.url);

function reopen(file: AlignmentFile): Alignment {
  return alignmentFromFile(file, {
    source: documentFromRecord(file.source, reconstructText(file.source)),
    target: documentFromRecord(file.target, reconstructText(file.target)),
  });
}

test('a version 1 file still opens: migrated by its number, links computing their sentences', async () => {
  const text = await readFile(new URL('version-1.bitext', fixtures), 'utf8');
  assert.match(text, /"schemaVersion": 1,/);
  const file = parseAlignmentFile(text, 'old.bitext');
  assert.equal(file.migratedFrom, 1);
  assert.equal(file.schemaVersion, 3);
  assert.equal(formatLinks(file.links), smallLinks);
  assert.ok(file.links.every((link) => link.sentences === undefined));
  // A version 1 file cannot carry stored sentences: they came with version 2.
  const smuggled = JSON.parse(text);
  smuggled.links[1].sentences = { source: [], target: [], pairs: [] };
  assert.throws(() => parseAlignmentFile(JSON.stringify(smuggled), 'old.bitext'), /schema version 1/);
});

test('stored sentence pairs are saved and read back; unsound ones are refused naming the link and the field', async () => {
  const alignment = reopen(parseAlignmentFile(await readFile(new URL('small-pair.bitext', fixtures), 'utf8'), 'small.bitext'));
  const link = alignment.links.findIndex((candidate) => candidate.source.length > 0 && candidate.target.length > 0);
  const block = sentencesOfLink(alignment, link)!;
  const fixed = applyEdit(alignment, { kind: 'edit-sentences', link, base: toStoredSentences(block), change: { kind: 'set-status', pair: 0, status: 'confirmed' }, now: '2024-06-01T12:00:00.000Z' });
  const text = serializeAlignment(fixed);
  assert.match(text, /"sentences": \{\n\s+"source": \[/);
  const file = parseAlignmentFile(text, 'fixed.bitext');
  assert.equal(file.migratedFrom, undefined);
  assert.deepEqual(file.links[link]!.sentences, fixed.links[link]!.sentences);
  assert.equal(serializeAlignment(reopen(file)), text, 'the same bytes again');

  const broken = JSON.parse(text);
  broken.links[link].sentences.pairs[0].source = [1];
  assert.throws(
    () => parseAlignmentFile(JSON.stringify(broken), 'broken.bitext'),
    (error: unknown) => isBitextError(error) && error.location.field === `/links/${link}/sentences` && error.location.link === link && /sentence pair 1 takes source sentence 2/.test(error.message),
  );
  const outside = JSON.parse(text);
  outside.links[link].sentences.source[0].end = 100000;
  assert.throws(() => parseAlignmentFile(JSON.stringify(outside), 'broken.bitext'), /source sentence 1 \[0, 100000\) is empty or outside its paragraph/);
});

test('version 3 records the rules that cut the stored sentences and the aligner\'s; a version 2 file opens without them', async () => {
  const alignment = reopen(parseAlignmentFile(await readFile(new URL('small-pair.bitext', fixtures), 'utf8'), 'small.bitext'));
  const link = alignment.links.findIndex((candidate) => candidate.source.length > 0 && candidate.target.length > 0);
  const rules = { kind: 'srx', name: 'team.srx', sha256: 'ab'.repeat(32) } as const;
  const base = { ...toStoredSentences(sentencesOfLink(alignment, link)!), rules };
  const fixed = { ...applyEdit(alignment, { kind: 'edit-sentences', link, base, change: { kind: 'set-status', pair: 0, status: 'confirmed' }, now: '2024-06-01T12:00:00.000Z' }), segmentation: rules };
  const text = serializeAlignment(fixed);
  assert.match(text, /"modified": "[^"]+",\n  "segmentation": \{\n    "kind": "srx",\n    "name": "team.srx",/);
  const file = parseAlignmentFile(text, 'fixed.bitext');
  assert.deepEqual(file.links[link]!.sentences!.rules, rules);
  assert.deepEqual(reopen(file).segmentation, rules);
  assert.equal(serializeAlignment(reopen(file)), text, 'the same bytes again');
  // The built-in rules are recorded by kind alone; an SRX record needs its name and hash.
  const builtIn = JSON.parse(text);
  builtIn.segmentation = { kind: 'built-in' };
  assert.deepEqual(parseAlignmentFile(JSON.stringify(builtIn), 'b.bitext').segmentation, { kind: 'built-in' });
  builtIn.segmentation = { kind: 'srx', name: 'team.srx' };
  assert.throws(() => parseAlignmentFile(JSON.stringify(builtIn), 'b.bitext'), (error: unknown) => isBitextError(error) && error.location.field?.startsWith('/segmentation') === true);

  // The records cross the host boundary (the app saves what it edited); a malformed one is refused there.
  assert.equal(validateAlignment(fixed), fixed);
  const badHash = { ...fixed, links: fixed.links.map((item, at) => (at === link ? { ...item, sentences: { ...item.sentences!, rules: { ...rules, sha256: 'x' } } } : item)) };
  assert.throws(() => validateAlignment(badHash), new RegExp(`/links/${link}/sentences/rules/sha256`));
  assert.throws(() => validateAlignment({ ...fixed, segmentation: { kind: 'built-in', name: 'x' } }), /\/segmentation\/name/);

  // Version 2: the same file without the records opens, migrated by its number; with them it is refused as version 2.
  const version2 = JSON.parse(text);
  version2.schemaVersion = 2;
  delete version2.segmentation;
  delete version2.links[link].sentences.rules;
  const migrated = parseAlignmentFile(JSON.stringify(version2), 'v2.bitext');
  assert.equal(migrated.migratedFrom, 2);
  assert.equal(migrated.schemaVersion, 3);
  assert.deepEqual(migrated.links[link]!.sentences!.pairs, fixed.links[link]!.sentences!.pairs);
  assert.equal(migrated.links[link]!.sentences!.rules, undefined);
  version2.links[link].sentences.rules = rules;
  assert.throws(() => parseAlignmentFile(JSON.stringify(version2), 'v2.bitext'), /schema version 2/);
});
