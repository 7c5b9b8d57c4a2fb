/**
 * The alignment file format: round trips, stable output, the published schema,
 * errors that name the file, field and link, migration from version 0.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import fc from 'fast-check';
import {
  alignmentFileChunks,
  paragraphRecords,
  writeParagraphs,
  alignmentFromFile,
  alignmentSchema,
  checkAlignmentFile,
  currentSchemaVersion,
  documentFromRecord,
  findTextMismatch,
  migrations,
  parseAlignmentFile,
  reconstructText,
  serializeAlignment,
  serializeAlignmentFile,
  toAlignmentFile,
  type AlignmentFile,
} from '../../../shared/formats/alignment-json.ts';
import { findJsonSyntaxError } from '../../../shared/formats/alignment-json-syntax.ts';
import { dominantScript } from '../../../shared/formats/alignment-migrations.ts';
import { BitextError } from '../../../shared/errors.ts';
import { formatLinks, type Alignment } from '../../../shared/model/alignment.ts';
import { largeAlignment, smallLinks, writeSmallPair } from '../../fixtures/alignment-files/make-alignment.ts';

const fixtures = new URL('../../fixtures/alignment-files/', import.meta.url);

async function smallPair(): Promise<Alignment> {
  return writeSmallPair(await mkdtemp(join(tmpdir(), 'bitext-json-')));
}

/** The small pair as a parsed object, for tests that break one field. */
async function smallJson(): Promise<Record<string, any>> {
  return JSON.parse(serializeAlignment(await smallPair(), { documentPath: (path) => basename(path) }));
}

/** Parses and returns the BitextError it throws (failing the test if it does not throw one). */
function parseError(json: string, fileName = 'broken.bitext'): BitextError {
  try {
    parseAlignmentFile(json, fileName);
  } catch (error) {
    assert.ok(error instanceof BitextError, `expected a BitextError, got ${String(error)}`);
    return error;
  }
  assert.fail('expected the file to be refused');
}

test('serialize then parse gives back the same alignment, override and paragraph languages included', async () => {
  const alignment = await smallPair();
  const file = parseAlignmentFile(serializeAlignment(alignment), 'pair.bitext');
  const rebuilt = alignmentFromFile(file, {
    source: documentFromRecord(file.source, alignment.source.text),
    target: documentFromRecord(file.target, alignment.target.text),
  });
  assert.deepEqual(rebuilt, alignment);
  assert.equal(formatLinks(rebuilt.links), smallLinks);
  assert.deepEqual(rebuilt.target.language.override, { iso6393: 'tha', bcp47: 'th', script: 'Thai' });
  assert.equal(file.migratedFrom, undefined);
});

test('the output is stable: fixed key order, 2-space indent, folded lists, final newline (golden file)', async () => {
  const alignment = await smallPair();
  const text = serializeAlignment(alignment, { documentPath: (path) => basename(path) });
  // After an intended format change: BITEXT_UPDATE_GOLDEN=1 rewrites the golden file; review its diff.
  if (process.env['BITEXT_UPDATE_GOLDEN'] === '1') await writeFile(new URL('small-pair.bitext', fixtures), text);
  const golden = await readFile(new URL('small-pair.bitext', fixtures), 'utf8');
  assert.equal(text, golden);
  assert.ok(text.endsWith('}\n'));
  assert.match(text, /\n  "schemaVersion": 3,\n  "tool": \{/);
  assert.match(text, /"source": \[2, 4\],\n {6}"target": \[1\],/);
  assert.match(text, /"tags": \["caption", "check-names"\]/);
  // A value built with its keys in another order serializes to the same bytes.
  const shuffled = JSON.parse(text, (_key, value) =>
    value && typeof value === 'object' && !Array.isArray(value) ? Object.fromEntries(Object.entries(value).reverse()) : value,
  );
  const reparsed = parseAlignmentFile(JSON.stringify(shuffled), 'shuffled.bitext');
  const again = serializeAlignment(
    alignmentFromFile(reparsed, {
      source: documentFromRecord(reparsed.source, alignment.source.text),
      target: documentFromRecord(reparsed.target, alignment.target.text),
    }),
  );
  assert.equal(again, text);
});

test('a note or path containing "[", line breaks and numbers is not folded or altered', async () => {
  const alignment = await smallPair();
  const tricky = {
    ...alignment,
    links: alignment.links.map((link, index) => (index === 0 ? { ...link, note: '[\n  1,\n  2\n]', tags: ['[', '1, 2', 'a\\"b'] } : link)),
  };
  const file = parseAlignmentFile(serializeAlignment(tricky), 'tricky.bitext');
  assert.equal(file.links[0]!.note, '[\n  1,\n  2\n]');
  assert.deepEqual(file.links[0]!.tags, ['[', '1, 2', 'a\\"b']);
});

test('the published schema is valid draft 2020-12, has an $id, and describes every field', () => {
  const ajv = new Ajv2020({ strict: true });
  assert.equal(ajv.validateSchema(alignmentSchema), true, JSON.stringify(ajv.errors));
  const schema = alignmentSchema as Record<string, any>;
  assert.equal(schema['$schema'], 'https://json-schema.org/draft/2020-12/schema');
  assert.match(schema['$id'], /^https:\/\//);
  const undescribed: string[] = [];
  const walk = (node: any, where: string) => {
    if (!node || typeof node !== 'object') return;
    for (const [name, child] of Object.entries<any>(node.properties ?? {})) {
      if (typeof child.description !== 'string' || child.description.length < 10) undescribed.push(`${where}/${name}`);
      walk(child, `${where}/${name}`);
    }
    for (const [name, child] of Object.entries<any>(node.$defs ?? {})) {
      if (typeof child.description !== 'string') undescribed.push(`$defs/${name}`);
      walk(child, `$defs/${name}`);
    }
    if (node.items && typeof node.items === 'object') walk(node.items, `${where}[]`);
  };
  walk(schema, '');
  assert.deepEqual(undescribed, []);
  // The design note (documents not copied, text rebuilt when missing) is in the schema itself.
  assert.match(schema['description'], /NOT copied/);
  assert.match(schema['description'], /rebuilds the document text/);
});

test('a large alignment (every link shape, skip groups) survives the round trip', () => {
  const alignment = largeAlignment(3000, 7);
  const text = serializeAlignment(alignment);
  const file = parseAlignmentFile(text, 'large.bitext');
  assert.equal(file.links.length, alignment.links.length);
  assert.equal(formatLinks(file.links), formatLinks(alignment.links));
  assert.equal(reconstructText(file.source), alignment.source.text);
  assert.equal(findTextMismatch(file.target, alignment.target.text), -1);
});

test('reconstructText keeps every offset valid, filling gaps with line breaks', async () => {
  const alignment = await smallPair();
  const file = parseAlignmentFile(serializeAlignment(alignment), 'pair.bitext');
  for (const side of ['source', 'target'] as const) {
    const text = reconstructText(file[side]);
    assert.equal(text.length, alignment[side].text.length);
    assert.equal(findTextMismatch(file[side], text), -1);
    // CRLF line ends of the target become two line breaks: same length, same offsets.
    assert.equal(text.replace(/\r/g, '\n'), alignment[side].text.replace(/\r/g, '\n'));
  }
  assert.equal(findTextMismatch(file.source, alignment.source.text.replace('Seoul', 'Busan')), 2);
});

test('not JSON: the error names the file, the line and the column', () => {
  const error = parseError('{\n  "schemaVersion": 1,\n  "tool": {"name": "x",, }\n}', 'bad.bitext');
  assert.equal(error.code, 'invalid-alignment');
  assert.equal(error.location.file, 'bad.bitext');
  assert.equal(error.location.line, 3);
  assert.match(error.message, /^bad\.bitext:3: not valid JSON: expected a field name in double quotes, found ',' \(line 3, column 24\)$/);
});

test('a truncated file says it ends early', async () => {
  const text = serializeAlignment(await smallPair());
  // Cut everywhere: inside strings, numbers, literals, after commas and colons.
  for (let cut = 1; cut < text.length - 2; cut += 7) {
    const error = parseError(text.slice(0, cut), 'cut.bitext');
    assert.equal(error.code, 'invalid-alignment');
    assert.match(error.message, /^cut\.bitext:\d+: not valid JSON: .*\(is the file truncated\?\)/, `cut at ${cut}: ${error.message}`);
  }
  assert.match(parseError('', 'empty.bitext').message, /the file is empty/);
});

test('JSON that is not an alignment is refused with the field', () => {
  assert.match(parseError('[1, 2]').message, /the file holds an array, not an object/);
  assert.match(parseError('"text"').message, /not an object/);
  const missing = parseError('{"tool": {}}');
  assert.equal(missing.location.field, '/schemaVersion');
  assert.match(missing.message, /required field is missing/);
});

test('a newer schema version is unsupported; a bad one is invalid', async () => {
  const json = await smallJson();
  const newer = parseError(JSON.stringify({ ...json, schemaVersion: currentSchemaVersion + 1 }), 'new.bitext');
  assert.equal(newer.code, 'unsupported-version');
  assert.equal(newer.location.field, '/schemaVersion');
  assert.match(newer.message, new RegExp(`newer version of the workbench \\(alignment schema version ${currentSchemaVersion + 1}\\)`));
  for (const version of ['1', 1.5, -1, null]) {
    const error = parseError(JSON.stringify({ ...json, schemaVersion: version }));
    assert.equal(error.code, 'invalid-alignment', String(version));
    assert.equal(error.location.field, '/schemaVersion');
  }
});

/** One broken field → the error's field pointer, link and message. */
const breakages: {
  name: string;
  change: (json: Record<string, any>) => void;
  field: string;
  link?: number;
  message: RegExp;
}[] = [
  { name: 'unknown top-level field', change: (j) => (j['extra'] = 1), field: '/extra', message: /unknown field/ },
  {
    name: '__proto__ key',
    change: (j) => Object.defineProperty(j['source'], '__proto__', { value: { polluted: true }, enumerable: true }),
    field: '/source/__proto__',
    message: /unknown field/,
  },
  { name: 'missing link status', change: (j) => delete j['links'][3].status, field: '/links/3/status', link: 3, message: /required field is missing/ },
  { name: 'bad status', change: (j) => (j['links'][2].status = 'maybe'), field: '/links/2/status', link: 2, message: /must be one of "auto", "confirmed", "rejected"/ },
  { name: 'confidence above 1', change: (j) => (j['links'][1].confidence = 1.5), field: '/links/1/confidence', link: 1, message: /must be <= 1/ },
  { name: 'fractional index', change: (j) => (j['links'][4].target = [1.5]), field: '/links/4/target/0', link: 4, message: /must be integer/ },
  { name: 'negative index', change: (j) => (j['links'][0].source = [-1]), field: '/links/0/source/0', link: 0, message: />= 0/ },
  { name: 'huge index', change: (j) => (j['links'][0].source = [1e300]), field: '/links/0/source/0', link: 0, message: /must be <= / },
  { name: 'index out of range', change: (j) => (j['links'][4].source = [6]), field: '/links/4/source', link: 4, message: /source paragraph 6 is out of range/ },
  { name: 'unsorted indices', change: (j) => (j['links'][2].source = [4, 2]), field: '/links/2/source', link: 2, message: /not sorted/ },
  { name: 'a paragraph in two links', change: (j) => (j['links'][3].source = [2]), field: '/links/3/source', link: 3, message: /source paragraph 2 is already in link 2/ },
  {
    name: 'crossing links',
    change: (j) => {
      j['links'][0].target = [1];
      j['links'][2].target = [0];
    },
    field: '/links/2',
    link: 2,
    message: /link crosses or overlaps link 0/,
  },
  { name: 'empty link', change: (j) => (j['links'][3].source = []), field: '/links/3', link: 3, message: /no paragraphs on either side/ },
  { name: 'negative offset', change: (j) => (j['source'].paragraphs[2].start = -5), field: '/source/paragraphs/2/start', message: />= 0/ },
  { name: 'huge offset', change: (j) => (j['target'].paragraphs[0].end = 9e15), field: '/target/paragraphs/0/end', message: /must be <= 50000000/ },
  { name: 'offset past the text', change: (j) => (j['source'].textLength = 100), field: '/source/paragraphs/3/end', message: /past the end of the text/ },
  {
    name: 'overlapping paragraphs',
    change: (j) => {
      j['source'].paragraphs[1].start = 30;
      j['source'].paragraphs[1].end = 43;
    },
    field: '/source/paragraphs/1/start',
    message: /overlap/,
  },
  { name: 'end before start', change: (j) => (j['target'].paragraphs[1].end = 40), field: '/target/paragraphs/1/end', message: /ends \(40\) before it starts \(41\)/ },
  { name: 'text not matching offsets', change: (j) => (j['source'].paragraphs[0].text += '!'), field: '/source/paragraphs/0/text', message: /42 characters but the offsets span 41/ },
  { name: 'bad hash', change: (j) => (j['target'].sha256 = 'ABC'), field: '/target/sha256', message: /must match pattern/ },
  { name: 'bad time', change: (j) => (j['created'] = 'yesterday'), field: '/created', message: /must match pattern/ },
  { name: 'impossible time', change: (j) => (j['modified'] = '2024-13-45T99:00:00Z'), field: '/modified', message: /not a real time/ },
  { name: 'bad encoding', change: (j) => (j['source'].encoding.name = 'ebcdic'), field: '/source/encoding/name', message: /must be one of/ },
  { name: 'bad language code', change: (j) => (j['target'].language.override.iso6393 = 'thai'), field: '/target/language/override/iso6393', message: /pattern/ },
  { name: 'tag repeated', change: (j) => (j['links'][2].tags = ['a', 'a']), field: '/links/2/tags', link: 2, message: /duplicate/ },
  { name: '10 MB note', change: (j) => (j['links'][1].note = 'x'.repeat(10 * 1024 * 1024)), field: '/links/1/note', link: 1, message: /must NOT have more than 20000 characters/ },
  {
    name: '10 MB paragraph text',
    change: (j) => (j['source'].paragraphs[5].text = 'y'.repeat(10 * 1024 * 1024)),
    field: '/source/paragraphs/5/text',
    message: /10485760 characters but the offsets span 40/,
  },
  {
    name: 'deep nesting where tags go',
    // Replaced in the text below: JSON.stringify itself would overflow on 100 000 levels.
    change: (j) => (j['links'][0].tags = ['DEEP']),
    field: '/links/0/tags/0',
    link: 0,
    message: /must be string/,
  },
];

for (const breakage of breakages) {
  test(`refused with field and link: ${breakage.name}`, async () => {
    const json = await smallJson();
    breakage.change(json);
    const text = JSON.stringify(json).replace('"DEEP"', '['.repeat(100000) + ']'.repeat(100000));
    const error = parseError(text, 'hostile.bitext');
    assert.equal(error.code, 'invalid-alignment');
    assert.equal(error.location.file, 'hostile.bitext');
    assert.equal(error.location.field, breakage.field);
    assert.equal(error.location.link, breakage.link);
    assert.match(error.message, breakage.message);
    assert.ok(error.message.startsWith('hostile.bitext'), error.message);
    assert.ok(error.message.length < 400, `message too long: ${error.message.length}`);
  });
}

test('a huge number literal (1e400, Infinity once parsed) is refused', async () => {
  const text = serializeAlignment(await smallPair()).replace('"score": -2,', '"score": 1e400,');
  const error = parseError(text);
  assert.equal(error.location.field, '/links/0/score');
});

test('a UTF-8 byte-order mark before the JSON is accepted', async () => {
  const file = parseAlignmentFile(`\uFEFF${serializeAlignment(await smallPair())}`, 'bom.bitext');
  assert.equal(file.links.length, 5);
});

test('parsing does not pollute prototypes or keep unknown objects', async () => {
  const json = await smallJson();
  const text = JSON.stringify(json).replace('"schemaVersion":3', '"schemaVersion":3,"constructor":{"prototype":{"x":1}}');
  parseError(text);
  assert.equal(({} as Record<string, unknown>)['x'], undefined);
  assert.equal(({} as Record<string, unknown>)['polluted'], undefined);
});

test('version 0 files are migrated (the table has one step per older version)', async () => {
  assert.equal(migrations.length, currentSchemaVersion);
  migrations.forEach((migration, index) => assert.equal(migration.from, index));
  const text = await readFile(new URL('version-0.json', fixtures), 'utf8');
  const file: AlignmentFile = parseAlignmentFile(text, 'old.json');
  assert.equal(file.migratedFrom, 0);
  assert.deepEqual(file.tool, { name: 'bitext-prototype', version: '0.0.4' });
  assert.equal(file.created, '2023-11-02T10:00:00Z');
  assert.equal(file.modified, '2023-11-02T10:00:00Z');
  assert.equal(file.source.path, 'article.en.txt');
  assert.deepEqual(file.source.encoding, { name: 'utf-8', bom: false, forced: false });
  assert.deepEqual(file.source.language, { detected: { iso6393: 'eng', bcp47: 'en', script: 'Latn' } });
  assert.deepEqual(file.target.language, { detected: { iso6393: 'tha', bcp47: 'th', script: 'Thai' } });
  assert.equal(file.source.textLength, 214);
  assert.deepEqual(file.target.paragraphs[1], { start: 40, end: 108, text: 'Jens Stoltenberg จะเยือนกรุงโซลในวันจันทร์ จากนั้นจะเดินทางไปโตเกียว' });
  assert.equal(formatLinks(file.links), smallLinks);
  assert.ok(file.links.every((link) => link.status === 'auto' && link.confidence === 0 && link.score === 0));
  // Saving a migrated file writes the current version, which reads back without migration.
  const rewritten = parseAlignmentFile(
    serializeAlignment(alignmentFromFile(file, { source: documentFromRecord(file.source, reconstructText(file.source)), target: documentFromRecord(file.target, reconstructText(file.target)) })),
    'new.bitext',
  );
  assert.equal(rewritten.migratedFrom, undefined);
  assert.equal(formatLinks(rewritten.links), smallLinks);
});

test('a broken version 0 file is refused in version 0 terms; its links are checked after migration', async () => {
  const old = JSON.parse(await readFile(new URL('version-0.json', fixtures), 'utf8'));
  old.documents[1].paragraphs[0] = [0, 39];
  const error = parseError(JSON.stringify(old), 'old.json');
  assert.equal(error.location.field, '/documents/1/paragraphs/0');
  assert.match(error.message, /\(schema version 0\)/);

  const crossing = JSON.parse(await readFile(new URL('version-0.json', fixtures), 'utf8'));
  crossing.links[4] = [[5], [0]];
  const linkError = parseError(JSON.stringify(crossing), 'old.json');
  assert.equal(linkError.location.field, '/links/4/target');
  assert.match(linkError.message, /target paragraph 0 is already in link 0/);
});

test('dominantScript counts letters, not spaces or digits', () => {
  assert.equal(dominantScript(['Hi, NATO', 'สวัสดีครับ']), 'Thai');
  assert.equal(dominantScript(['Hello', '123 – 456']), 'Latn');
  assert.equal(dominantScript(['123', '—']), 'Zyyy');
});

test('findJsonSyntaxError agrees with JSON.parse on arbitrary and nearly-JSON text', () => {
  const nearlyJson = fc
    .tuple(fc.json(), fc.nat(), fc.constantFrom('', ',', ']', '}', '"', ':', 'x', '\n', '\\', '0', '-', 'tru'))
    .map(([json, at, insert]) => {
      const position = at % (json.length + 1);
      return json.slice(0, position) + insert + json.slice(position);
    });
  fc.assert(
    fc.property(fc.oneof(nearlyJson, fc.string(), fc.json()), (text) => {
      let valid = true;
      try {
        JSON.parse(text);
      } catch {
        valid = false;
      }
      const error = findJsonSyntaxError(text);
      assert.equal(error === undefined, valid, `${JSON.stringify(text)}: ${JSON.stringify(error)}`);
      if (error) assert.ok(error.offset >= 0 && error.offset <= text.length);
    }),
    { numRuns: 3000 },
  );
});

/** The file's layout by its definition: pretty-printed, then lists of numbers and strings folded onto one line. */
function foldedReference(file: AlignmentFile): string {
  const item = String.raw`(?:-?[0-9][0-9.eE+-]*|"(?:[^"\\\n]|\\.)*")`;
  const list = new RegExp(String.raw`\[\n\s+(${item}(?:,\n\s+${item})*)\n\s*\]`, 'g');
  return `${JSON.stringify(file, null, 2).replace(list, (_match, items: string) => `[${items.split(/,\n\s+/).join(', ')}]`)}\n`;
}

test('links written one by one give the bytes of the whole file pretty-printed and folded (notes, tags, fixed sentences, no links)', async () => {
  const small = await smallPair();
  const sentences = {
    source: [{ paragraph: 0, start: 0, end: 3 }],
    target: [{ paragraph: 0, start: 0, end: 2 }, { paragraph: 0, start: 2, end: 4 }],
    pairs: [{ source: [0], target: [0, 1], confidence: 0.5, status: 'confirmed' as const }],
  };
  const tricky = {
    ...small,
    links: small.links.map((link, index) => (index === 0 ? { ...link, note: '[\n  1,\n  2\n]', tags: ['[', '1, 2', 'a\\"b'] } : index === 1 ? { ...link, note: '', sentences } : link)),
  };
  for (const alignment of [largeAlignment(3000, 7), small, tricky, { ...small, links: [] }]) {
    const file = toAlignmentFile(alignment);
    assert.equal(serializeAlignmentFile(file), foldedReference(file));
  }
  assert.match(serializeAlignmentFile(toAlignmentFile(tricky)), /"pairs": \[\n +\{\n +"source": \[0\],\n +"target": \[0, 1\],/);
});

test('checkAlignmentFile refuses on the value what parseAlignmentFile refuses in the text, with the same field', async () => {
  checkAlignmentFile(toAlignmentFile(await smallPair()), 'fine.bitext');
  for (const breakage of breakages.filter((each) => each.field !== '/links/0/tags/0')) {
    const json = await smallJson();
    breakage.change(json);
    assert.throws(
      () => checkAlignmentFile(json as AlignmentFile, 'about-to-write.bitext'),
      (error: unknown) => error instanceof BitextError && error.location.field === breakage.field && error.location.file === 'about-to-write.bitext',
      breakage.name,
    );
  }
  const json = await smallJson();
  json['links'][0].score = Number.NaN;
  assert.throws(() => checkAlignmentFile(json as AlignmentFile, 'nan.bitext'), /\/links\/0\/score/);
});

/** The file's bytes made the way `bitext align -o` makes them: each document's paragraph list written apart, then the rest around them. */
function bytesInPieces(alignment: Alignment): string {
  const written = { source: paragraphsOf(alignment, 'source'), target: paragraphsOf(alignment, 'target') };
  const rest = { ...alignment, source: { ...alignment.source, paragraphs: [] }, target: { ...alignment.target, paragraphs: [] } };
  const chunks = alignmentFileChunks(toAlignmentFile(rest), written, 'pieces.bitext');
  return Buffer.concat(chunks).toString('utf8');
}

function paragraphsOf(alignment: Alignment, side: 'source' | 'target') {
  return writeParagraphs(paragraphRecords(alignment[side]), alignment[side].text.length, side, 'pieces.bitext');
}

test('paragraph lists written apart and joined with the rest give the bytes of the whole file written at once', async () => {
  const small = await smallPair();
  const marked = {
    ...small,
    source: { ...small.source, paragraphs: small.source.paragraphs.map((paragraph, index) => (index === 1 ? { ...paragraph, mark: 'footnote' as const } : paragraph)) },
    target: { ...small.target, paragraphs: small.target.paragraphs.map(({ language: _language, ...paragraph }) => paragraph) },
  };
  const tricky = { ...small, links: small.links.map((link, index) => (index === 0 ? { ...link, note: '[\n  1\n]', tags: ['a\\"b'] } : link)) };
  for (const alignment of [largeAlignment(3000, 7), small, marked, tricky, { ...small, links: [] }]) {
    assert.equal(bytesInPieces(alignment), serializeAlignment(alignment));
  }
});

test('a paragraph list written apart is checked as the whole file is, and the links are checked against the lists', async () => {
  const small = await smallPair();
  const records = paragraphRecords(small.target);
  const past = records.map((record, index) => (index === 1 ? { ...record, end: small.target.text.length + 5 } : record));
  assert.throws(() => writeParagraphs(past, small.target.text.length, 'target', 'out.bitext'), (error: unknown) => error instanceof BitextError && error.location.field === '/target/paragraphs/1/end');
  const unknownReason = records.map((record, index) => (index === 2 ? { ...record, language: { iso6393: 'eng', reason: 'guessed', mismatch: false } } : record));
  assert.throws(
    () => writeParagraphs(unknownReason as typeof records, small.target.text.length, 'target', 'out.bitext'),
    (error: unknown) => error instanceof BitextError && error.location.field === '/target/paragraphs/2/language/reason' && error.location.file === 'out.bitext',
  );
  const shortTarget = { source: paragraphsOf(small, 'source'), target: writeParagraphs(records.slice(0, 1), small.target.text.length, 'target', 'out.bitext') };
  const rest = { ...small, source: { ...small.source, paragraphs: [] }, target: { ...small.target, paragraphs: [] } };
  assert.throws(() => alignmentFileChunks(toAlignmentFile(rest), shortTarget, 'out.bitext'), (error: unknown) => error instanceof BitextError && /out of range/.test(error.message));
});
