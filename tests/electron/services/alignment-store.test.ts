/**
 * The alignment store: save → load round trips, the document report (ok,
 * changed, missing), refusal of bad files without touching them, recovery.
 */
import { spawnSync } from 'node:child_process';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFile, mkdir, mkdtemp, readFile, readdir, rm, truncate, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BitextError, type ErrorCode } from '../../../shared/errors.ts';
import { formatLinks, type Alignment } from '../../../shared/model/alignment.ts';
import { serializeAlignment } from '../../../shared/formats/alignment-json.ts';
import {
  clearRecovery,
  loadAlignment,
  maxAlignmentFileBytes,
  readRecovery,
  recoveryPathFor,
  saveAlignment,
  writeRecovery,
} from '../../../electron/services/alignment-store.ts';
import { largeAlignment, smallLinks, sourceParagraphs, targetParagraphs, writeSmallPair } from '../../fixtures/alignment-files/make-alignment.ts';
import { corpusAlignment, goldLinks } from '../../reference/corpus-alignment.ts';

const fixtures = fileURLToPath(new URL('../../fixtures/alignment-files/', import.meta.url));

async function folder(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'bitext-store-'));
}

/** A folder with the small pair's documents and the alignment saved as `pair.bitext`. */
async function savedPair(): Promise<{ dir: string; path: string; alignment: Alignment }> {
  const dir = await folder();
  const alignment = await writeSmallPair(dir);
  const path = join(dir, 'pair.bitext');
  await saveAlignment(path, alignment);
  return { dir, path, alignment };
}

/** Every file in `dir` with its bytes, to show that nothing was written, renamed or added. */
async function snapshot(dir: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const name of (await readdir(dir)).sort()) files.set(name, (await readFile(join(dir, name))).toString('base64'));
  return files;
}

async function refused(path: string, code: ErrorCode, message: RegExp): Promise<BitextError> {
  let caught: unknown;
  await loadAlignment(path).catch((error: unknown) => (caught = error));
  assert.ok(caught instanceof BitextError, `expected a BitextError, got ${String(caught)}`);
  assert.equal(caught.code, code, caught.message);
  assert.equal(caught.location.file, path);
  assert.match(caught.message, message);
  return caught;
}

test('save then load gives the same alignment; both documents ok', async () => {
  const { path, alignment } = await savedPair();
  const { alignment: loaded, report } = await loadAlignment(path);
  assert.deepEqual(loaded, alignment);
  assert.equal(report.source.status, 'ok');
  assert.equal(report.target.status, 'ok');
  assert.equal(report.source.reconstructed, false);
  assert.equal(report.migratedFrom, undefined);
  assert.equal(formatLinks(loaded.links), smallLinks);
  assert.equal(loaded.target.language.override?.bcp47, 'th', 'the language override is saved');
});

test('document paths are saved relative to the file, with /, and resolved on load', async () => {
  const dir = await folder();
  const alignment = await writeSmallPair(dir);
  await mkdir(join(dir, 'work', 'alignments'), { recursive: true });
  const path = join(dir, 'work', 'alignments', 'pair.bitext');
  await saveAlignment(path, alignment);
  const json = JSON.parse(await readFile(path, 'utf8'));
  assert.equal(json.source.path, '../../article.en.txt');
  assert.equal(json.target.path, '../../article.th.txt');
  // Move the whole tree: the relative paths still find the documents.
  const moved = join(await folder(), 'moved');
  await mkdir(join(moved, 'work', 'alignments'), { recursive: true });
  for (const name of ['article.en.txt', 'article.th.txt']) await copyFile(join(dir, name), join(moved, name));
  await copyFile(path, join(moved, 'work', 'alignments', 'pair.bitext'));
  const { alignment: loaded, report } = await loadAlignment(join(moved, 'work', 'alignments', 'pair.bitext'));
  assert.equal(report.source.status, 'ok');
  assert.equal(report.source.path, join(moved, 'article.en.txt'));
  assert.equal(loaded.source.path, join(moved, 'article.en.txt'));
  assert.equal(loaded.target.text, alignment.target.text);
});

test('saving again keeps the previous file as .bak', async () => {
  const { dir, path, alignment } = await savedPair();
  const first = await readFile(path, 'utf8');
  await saveAlignment(path, { ...alignment, modified: '2024-04-01T00:00:00.000Z', links: alignment.links.map((link) => ({ ...link, status: 'confirmed' })) });
  assert.equal(await readFile(`${path}.bak`, 'utf8'), first);
  assert.notEqual(await readFile(path, 'utf8'), first);
  assert.deepEqual((await readdir(dir)).sort(), ['article.en.txt', 'article.th.txt', 'pair.bitext', 'pair.bitext.bak']);
});

test('a document changed on disk is reported changed; its text comes from the saved paragraphs', async () => {
  const { dir, path, alignment } = await savedPair();
  await writeFile(join(dir, 'article.en.txt'), sourceParagraphs.join('\n').replace('Seoul', 'Busan') + '\n');
  const { alignment: loaded, report } = await loadAlignment(path);
  assert.equal(report.source.status, 'changed');
  assert.equal(report.source.reconstructed, true);
  assert.equal(report.source.recordedSha256, alignment.source.sha256);
  assert.notEqual(report.source.actualSha256, alignment.source.sha256);
  assert.match(report.source.message, /article\.en\.txt has changed since the alignment was saved/);
  assert.equal(report.target.status, 'ok');
  assert.match(loaded.source.text, /Seoul/, 'the saved text, not the changed file');
  assert.equal(loaded.source.text.length, alignment.source.text.length);
  assert.deepEqual(loaded.source.paragraphs, alignment.source.paragraphs);
  assert.deepEqual(loaded.links, alignment.links);
});

test('a missing document is reported missing and rebuilt from the paragraph texts, offsets intact', async () => {
  const { dir, path, alignment } = await savedPair();
  await rm(join(dir, 'article.th.txt'));
  const { alignment: loaded, report } = await loadAlignment(path);
  assert.equal(report.target.status, 'missing');
  assert.equal(report.target.actualSha256, undefined);
  assert.equal(report.target.reconstructed, true);
  assert.match(report.target.message, /article\.th\.txt is missing/);
  assert.equal(report.source.status, 'ok');
  targetParagraphs.forEach((paragraph, index) => {
    const range = loaded.target.paragraphs[index]!;
    assert.equal(loaded.target.text.slice(range.start, range.end), paragraph);
  });
  // The target had CRLF line ends; the rebuilt text has two line breaks there: same offsets.
  assert.equal(loaded.target.text, alignment.target.text.replace(/\r/g, '\n'));
});

test('a folder where a document should be counts as missing', async () => {
  const { dir, path } = await savedPair();
  await rm(join(dir, 'article.en.txt'));
  await mkdir(join(dir, 'article.en.txt'));
  const { report } = await loadAlignment(path);
  assert.equal(report.source.status, 'missing');
  assert.match(report.source.message, /is not a file/);
});

test('the golden fixture and a version-0 file load from the fixture folder', async () => {
  const dir = await folder();
  await writeSmallPair(dir);
  await copyFile(join(fixtures, 'small-pair.bitext'), join(dir, 'small-pair.bitext'));
  const golden = await loadAlignment(join(dir, 'small-pair.bitext'));
  assert.equal(golden.report.source.status, 'ok');
  assert.equal(golden.report.target.status, 'ok');

  // The version-0 fixture was written for documents with LF line ends.
  const v0 = await folder();
  await writeFile(join(v0, 'article.en.txt'), sourceParagraphs.map((paragraph) => `${paragraph}\n`).join(''));
  await writeFile(join(v0, 'article.th.txt'), targetParagraphs.map((paragraph) => `${paragraph}\n`).join(''));
  await copyFile(join(fixtures, 'version-0.json'), join(v0, 'old.json'));
  const before = await snapshot(v0);
  const old = await loadAlignment(join(v0, 'old.json'));
  assert.equal(old.report.migratedFrom, 0);
  assert.equal(old.report.source.status, 'ok');
  assert.equal(old.report.target.status, 'ok');
  assert.equal(formatLinks(old.alignment.links), smallLinks);
  assert.deepEqual(await snapshot(v0), before, 'loading an old file does not rewrite it');
  // Saving writes the current version.
  await saveAlignment(join(v0, 'old.json'), old.alignment);
  assert.equal(JSON.parse(await readFile(join(v0, 'old.json'), 'utf8')).schemaVersion, 3);
  assert.equal((await loadAlignment(join(v0, 'old.json'))).report.migratedFrom, undefined);
});

test('the corpus pair, loaded by the real document loader, round-trips with the gold links', async () => {
  const alignment = await corpusAlignment();
  const dir = await folder();
  const path = join(dir, 'nato.bitext');
  await saveAlignment(path, alignment);
  const json = JSON.parse(await readFile(path, 'utf8'));
  assert.equal(json.source.path, relative(dir, alignment.source.path));
  // Every paragraph carries its text, for tools that read the file without the documents.
  assert.equal(json.source.paragraphs.length, 38);
  assert.equal(json.target.paragraphs.length, 10);
  assert.ok(json.target.paragraphs.every((paragraph: { text: string }) => paragraph.text.length > 0));
  const { alignment: loaded, report } = await loadAlignment(path);
  assert.equal(report.source.status, 'ok');
  assert.equal(report.target.status, 'ok');
  assert.deepEqual(loaded, alignment);
  assert.equal(formatLinks(loaded.links), goldLinks);
});

/** Files that must be refused, each with the error it must give. */
const badFiles: { name: string; content: (good: string) => string | Uint8Array; code: ErrorCode; message: RegExp; field?: string; link?: number }[] = [
  { name: 'corrupt (not JSON)', content: () => 'this is not JSON {', code: 'invalid-alignment', message: /not valid JSON: unexpected 't' where a value should be \(line 1, column 1\)/ },
  { name: 'binary', content: () => new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0xff, 0xfe, 0, 0]), code: 'invalid-alignment', message: /not UTF-8 text/ },
  { name: 'truncated', content: (good) => good.slice(0, good.length - 200), code: 'invalid-alignment', message: /\(is the file truncated\?\)/ },
  { name: 'empty', content: () => '', code: 'invalid-alignment', message: /the file is empty/ },
  {
    name: 'newer version',
    content: (good) => good.replace('"schemaVersion": 3', '"schemaVersion": 7'),
    code: 'unsupported-version',
    message: /newer version of the workbench \(alignment schema version 7\); this version reads up to 3/,
    field: '/schemaVersion',
  },
  {
    name: 'huge numbers',
    content: (good) => good.replace('"source": [5]', '"source": [123456789012345678901234567890]'),
    code: 'invalid-alignment',
    message: /must be <= 100000000/,
    field: '/links/4/source/0',
    link: 4,
  },
  {
    name: '__proto__ key',
    content: (good) => good.replace('"schemaVersion": 3,', '"schemaVersion": 3, "__proto__": {"admin": true},'),
    code: 'invalid-alignment',
    message: /unknown field/,
    field: '/__proto__',
  },
  {
    name: 'negative offset',
    content: (good) => good.replace('"start": 56,', '"start": -56,'),
    code: 'invalid-alignment',
    message: /must be >= 0/,
    field: '/source/paragraphs/2/start',
  },
  {
    name: 'crossing links',
    content: (good) => {
      const json = JSON.parse(good);
      json.links[0].target = [2];
      json.links[4].target = [0];
      return JSON.stringify(json);
    },
    code: 'invalid-alignment',
    message: /link crosses or overlaps link 0/,
    field: '/links/2',
    link: 2,
  },
  {
    name: 'a paragraph in two links',
    content: (good) => {
      const json = JSON.parse(good);
      json.links[4].source = [4, 5];
      return JSON.stringify(json);
    },
    code: 'invalid-alignment',
    message: /source paragraph 4 is already in link 2/,
    field: '/links/4/source',
    link: 4,
  },
  {
    name: '10 MB string',
    content: (good) => {
      const json = JSON.parse(good);
      json.links[0].note = 'A'.repeat(10 * 1024 * 1024);
      return JSON.stringify(json);
    },
    code: 'invalid-alignment',
    message: /must NOT have more than 20000 characters/,
    field: '/links/0/note',
    link: 0,
  },
];

for (const bad of badFiles) {
  test(`refused, named and left untouched: ${bad.name}`, async () => {
    const { dir, path } = await savedPair();
    await writeFile(path, bad.content(await readFile(path, 'utf8')));
    const before = await snapshot(dir);
    const error = await refused(path, bad.code, bad.message);
    if (bad.field) assert.equal(error.location.field, bad.field);
    assert.equal(error.location.link, bad.link);
    assert.ok(error.message.startsWith(path), error.message);
    assert.deepEqual(await snapshot(dir), before, 'the file is never overwritten or renamed, nothing is added');
  });
}

test('a file over the size limit is refused unread', async () => {
  const dir = await folder();
  const path = join(dir, 'huge.bitext');
  await writeFile(path, '');
  await truncate(path, maxAlignmentFileBytes + 1);
  await refused(path, 'too-large', /alignment files are at most/);
});

test('a missing alignment file is an io error naming it', async () => {
  const dir = await folder();
  await refused(join(dir, 'nope.bitext'), 'io', /does not exist/);
});

test('an invalid alignment is never written: the file on disk stays as it was', async () => {
  const { dir, path, alignment } = await savedPair();
  const before = await snapshot(dir);
  const broken: Alignment = { ...alignment, links: [...alignment.links, { source: [0], target: [], score: 0, confidence: 1, status: 'auto' }] };
  await assert.rejects(saveAlignment(path, broken), (error: unknown) => {
    assert.ok(error instanceof BitextError);
    assert.equal(error.code, 'invalid-alignment');
    assert.match(error.message, /source paragraph 0 is already in link 0/);
    return true;
  });
  assert.deepEqual(await snapshot(dir), before);
});

test('recovery: autosave beside the file, read back newer than the file, cleared', async () => {
  const { dir, path, alignment } = await savedPair();
  assert.equal(recoveryPathFor(path), join(dir, '.pair.bitext.recovery'));
  assert.equal(await readRecovery(path), undefined);

  const edited: Alignment = { ...alignment, modified: '2024-05-05T05:05:05.000Z', links: alignment.links.map((link) => ({ ...link, note: 'edited' })) };
  const saved = await readFile(path, 'utf8');
  // The file was saved a minute ago; the autosave is now.
  const minuteAgo = new Date(Date.now() - 60_000);
  await utimes(path, minuteAgo, minuteAgo);
  await writeRecovery(path, edited);
  assert.equal(await readFile(path, 'utf8'), saved, 'autosave does not touch the file');

  const recovered = await readRecovery(path);
  assert.ok(recovered);
  assert.equal(recovered.newerThanFile, true);
  assert.equal(recovered.recoveryPath, recoveryPathFor(path));
  assert.deepEqual(recovered.alignment, edited);
  assert.equal(recovered.report.source.status, 'ok', 'relative paths mean the same beside the file');

  // Saved after the autosave: the recovery is stale, not worth offering.
  await saveAlignment(path, edited);
  assert.equal((await readRecovery(path))?.newerThanFile, false);

  await clearRecovery(path);
  assert.equal(await readRecovery(path), undefined);
  await clearRecovery(path);
});

test('recovery of a never-saved alignment: newer than a file that does not exist', async () => {
  const dir = await folder();
  const alignment = await writeSmallPair(dir);
  const path = join(dir, 'untitled.bitext');
  await writeRecovery(path, alignment);
  const recovered = await readRecovery(path);
  assert.equal(recovered?.newerThanFile, true);
  assert.deepEqual(recovered?.alignment, alignment);
});

test('a corrupt recovery file is an error naming it, and is left in place', async () => {
  const { path } = await savedPair();
  await writeFile(recoveryPathFor(path), '{"schemaVersion": 1, "tool": ');
  await assert.rejects(readRecovery(path), (error: unknown) => {
    assert.ok(error instanceof BitextError);
    assert.equal(error.location.file, recoveryPathFor(path));
    return true;
  });
  assert.equal(await readFile(recoveryPathFor(path), 'utf8'), '{"schemaVersion": 1, "tool": ');
});

test('a large alignment (a few MB) saves and loads in reasonable time', async () => {
  const dir = await folder();
  const alignment = largeAlignment(20_000, 3);
  await writeFile(join(dir, 'large.en.txt'), alignment.source.text);
  await writeFile(join(dir, 'large.th.txt'), alignment.target.text);
  const placed: Alignment = {
    ...alignment,
    source: { ...alignment.source, path: join(dir, 'large.en.txt') },
    target: { ...alignment.target, path: join(dir, 'large.th.txt') },
  };
  const path = join(dir, 'large.bitext');
  const started = performance.now();
  await saveAlignment(path, placed);
  const saved = performance.now();
  const { alignment: loaded, report } = await loadAlignment(path);
  const loadedAt = performance.now();
  assert.equal(report.source.status, 'ok');
  assert.equal(loaded.links.length, placed.links.length);
  assert.equal(serializeAlignment(loaded), serializeAlignment(placed));
  const size = (await readFile(path)).length;
  console.log(`large alignment: ${(size / 1e6).toFixed(1)} MB, ${placed.links.length} links; save ${(saved - started).toFixed(0)} ms, load ${(loadedAt - saved).toFixed(0)} ms`);
  assert.ok(size > 2e6, `expected a few MB, got ${size}`);
  assert.ok(dirname(path) === dir);
});

test('opening an alignment removes the temp files that killed saves left beside it (issue 13, finding 10)', async () => {
  const { dir, path } = await savedPair();
  const gone = spawnSync(process.execPath, ['-e', '']).pid!;
  const stale = [join(dir, `.pair.bitext.${gone}.00112233aabb.tmp`), join(dir, `..pair.bitext.recovery.${gone}.00112233aabb.tmp`)];
  for (const file of stale) await writeFile(file, 'half a save');
  await loadAlignment(path);
  const left = await readdir(dir);
  for (const file of stale) assert.ok(!left.includes(file.slice(dir.length + 1)), `${file} is still there`);
});

test('one reader: an alignment file with two byte-order marks is refused, as JSON.parse would; one mark is fine (issue 13, finding 1)', async () => {
  const { path } = await savedPair();
  const json = await readFile(path);
  await writeFile(path, Buffer.concat([Buffer.from('\uFEFF'), json]));
  await loadAlignment(path);
  await writeFile(path, Buffer.concat([Buffer.from('\uFEFF\uFEFF'), json]));
  await refused(path, 'invalid-alignment', /not valid JSON/);
});

test('the host’s containment sees each document path before anything of it is read, and can refuse the load (issue 13, finding 1)', async () => {
  const { dir, path } = await savedPair();
  const asked: string[] = [];
  await assert.rejects(
    loadAlignment(path, {
      mayReadDocument: async (document) => {
        asked.push(relative(dir, document));
        throw new BitextError('io', 'not here', { file: document });
      },
    }),
    /not here/,
  );
  assert.equal(asked.length, 1, 'refused at the first document');
  const allowed: string[] = [];
  await loadAlignment(path, { mayReadDocument: async (document) => void allowed.push(relative(dir, document)) });
  assert.equal(allowed.length, 2);
});
