/**
 * The alignment file: how an `Alignment` is written to JSON and read back.
 *
 * The file holds everything about the documents except their text: path,
 * SHA-256, encoding, language (detected and overridden), and each paragraph's
 * offsets *and* text, so that other tools can use it without the documents
 * (schema/alignment.schema.json says why in full). Reading validates against
 * the published schema, then checks what a schema cannot say (offsets in
 * bounds and in order, texts matching offsets, the link invariants), and
 * names the field and the link of the first problem.
 *
 * Pure: no Node imports. The store (electron/services/alignment-store.ts)
 * does the file system part: reading the documents, hashing, atomic writes.
 */
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import { validate as validateCurrentVersion } from './alignment-validator.generated.js';
import schema from '../../schema/alignment.schema.json' with { type: 'json' };
import { BitextError } from '../errors.ts';
import {
  alignmentSchemaVersion,
  type Alignment,
  type Link,
  type SegmentationRecord,
  type SentencePair,
  type SentenceRef,
  type Side,
  type StoredSentences,
  type ToolInfo,
} from '../model/alignment.ts';
import { findSentenceProblem } from '../model/sentence-invariants.ts';
import type { BitextDocument, DecodedEncoding, DocumentFormat, DocumentLanguage, LanguageTag } from '../model/document.ts';
import { findLinkProblems } from '../model/invariants.ts';
import { findJsonSyntaxError } from './alignment-json-syntax.ts';
import { migrations, type AlignmentMigration } from './alignment-migrations.ts';
import { validate } from './alignment-schema-check.ts';
import {
  checkParagraphs,
  copyParagraph,
  copyParagraphLanguage,
  paragraphRecords,
  serializeParagraphs,
  type ParagraphRecord,
  type WrittenParagraphs,
} from './alignment-paragraphs.ts';

export { migrations, type AlignmentMigration } from './alignment-migrations.ts';
export { paragraphRecords, writeParagraphs, type ParagraphRecord, type WrittenParagraphs } from './alignment-paragraphs.ts';

/** The schema version this build writes, and the newest it reads. */
export const currentSchemaVersion = alignmentSchemaVersion;

/** The extension the workbench saves alignment files with (JSON content). The file association uses it. */
export const alignmentFileExtension = '.bitext';

/** Extensions the workbench opens as alignment files: its own, and plain `.json`. */
export const alignmentFileExtensions: readonly string[] = ['.bitext', '.json'];

/** The published JSON Schema of the file (version {@link currentSchemaVersion}). */
export const alignmentSchema: object = schema;

/** A document as stored: everything but the text, which stays in the document file. */
export interface DocumentRecord {
  /** As written in the file: relative to the alignment file's folder, or absolute. */
  readonly path: string;
  readonly sha256: string;
  /** The format the document was read as; absent for plain text. */
  readonly format?: DocumentFormat;
  /** For extracted documents: SHA-256 of the extracted text. */
  readonly textSha256?: string;
  readonly encoding: DecodedEncoding;
  readonly language: DocumentLanguage;
  /** Length of the decoded text in UTF-16 code units. */
  readonly textLength: number;
  readonly paragraphs: readonly ParagraphRecord[];
}

/** The content of an alignment file, checked and upgraded to the current version. */
export interface AlignmentFile {
  readonly schemaVersion: typeof alignmentSchemaVersion;
  readonly tool: ToolInfo;
  readonly created: string;
  readonly modified: string;
  /** The rules the aligner cut sentences by (`bitext align --srx`, `--sentences`). */
  readonly segmentation?: SegmentationRecord;
  readonly source: DocumentRecord;
  readonly target: DocumentRecord;
  readonly links: readonly Link[];
  /** Set when the file was in an older schema version and was upgraded on reading. Never written. */
  readonly migratedFrom?: number;
}

/** Options of {@link serializeAlignment}. */
export interface SerializeOptions {
  /**
   * Maps a document's path to what the file records (the store makes it
   * relative to the alignment file's folder). Default: the path unchanged.
   */
  readonly documentPath?: (path: string, side: Side) => string;
}

/** Converts an alignment to the file's content. */
export function toAlignmentFile(alignment: Alignment, options: SerializeOptions = {}): AlignmentFile {
  const documentPath = options.documentPath ?? ((path: string) => path);
  const record = (document: BitextDocument, side: Side): DocumentRecord => ({
    path: documentPath(document.path, side),
    sha256: document.sha256,
    ...formatFields(document),
    encoding: copyEncoding(document.encoding),
    language: copyDocumentLanguage(document.language),
    textLength: document.text.length,
    paragraphs: paragraphRecords(document),
  });
  return {
    schemaVersion: alignmentSchemaVersion,
    tool: { name: alignment.tool.name, version: alignment.tool.version },
    created: alignment.created,
    modified: alignment.modified,
    ...(alignment.segmentation ? { segmentation: copyRules(alignment.segmentation) } : {}),
    source: record(alignment.source, 'source'),
    target: record(alignment.target, 'target'),
    links: alignment.links.map(copyLink),
  };
}

/**
 * Writes an alignment as the text of an alignment file: keys in a fixed order,
 * two-space indent, lists of numbers on one line, a final newline. The same
 * alignment always gives the same bytes, so files diff well.
 */
export function serializeAlignment(alignment: Alignment, options: SerializeOptions = {}): string {
  return serializeAlignmentFile(toAlignmentFile(alignment, options));
}

/** Writes already-converted file content (see {@link serializeAlignment}). */
export function serializeAlignmentFile(file: AlignmentFile): string {
  const [beforeSource, between, afterTarget] = serializeAroundParagraphs(file);
  // Copied so that the keys are in the schema's order whatever order the records were built in.
  const [source, target] = [file.source.paragraphs.map(copyParagraph), file.target.paragraphs.map(copyParagraph)];
  return `${beforeSource}${serializeParagraphs(source)}${between}${serializeParagraphs(target)}${afterTarget}`;
}

/**
 * The UTF-8 bytes of an alignment file whose documents' paragraph lists were
 * written ahead (alignment-paragraphs.ts's `writeParagraphs`), in the order to write them: the
 * same bytes {@link serializeAlignmentFile} gives for the whole file. `file`
 * is the rest, its documents' `paragraphs` empty; it is checked as
 * {@link checkAlignmentFile} checks a whole file, its links against the lists.
 *
 * @throws BitextError `invalid-alignment` naming `fileName`, as checkAlignmentFile.
 */
export function alignmentFileChunks(file: AlignmentFile, written: Readonly<Record<Side, WrittenParagraphs>>, fileName: string): Uint8Array[] {
  if (file.source.paragraphs.length > 0 || file.target.paragraphs.length > 0) throw new Error('the paragraphs of an alignment file written ahead are not in the rest');
  validate(currentValidator(), file, fileName, '');
  checkTimes(file, fileName);
  checkLinks(file.links, (side) => written[side].lengths, fileName);
  const encoder = new TextEncoder();
  const [beforeSource, between, afterTarget] = serializeAroundParagraphs(file).map((text) => encoder.encode(text));
  return [beforeSource!, written.source.bytes, between!, written.target.bytes, afterTarget!];
}

/**
 * The text of the file around its two paragraph lists: before the source's,
 * between the two, after the target's (the lists themselves are not read).
 */
function serializeAroundParagraphs(file: AlignmentFile): [string, string, string] {
  // Rebuilt field by field so that the key order is the schema's whatever order the value was built in.
  const ordered = copyFile({ ...file, source: { ...file.source, paragraphs: [] }, target: { ...file.target, paragraphs: [] } });
  // The links are most of the lists to fold (two a link): each is written whole, the rest pretty-printed.
  const head = foldLists(JSON.stringify({ ...ordered, links: [] }, null, 2));
  const emptyLinks = '"links": []\n}';
  if (!head.endsWith(emptyLinks)) throw new Error('links are not the last field of an alignment file');
  const links = ordered.links.length === 0 ? '[]' : `[\n    ${ordered.links.map(linkText).join(',\n    ')}\n  ]`;
  const text = `${head.slice(0, -emptyLinks.length)}"links": ${links}\n}\n`;
  // A raw line break is never inside a string (JSON.stringify escapes it): these are the two records' last fields.
  const emptyList = '"paragraphs": []\n  }';
  const source = text.indexOf(emptyList);
  const target = text.indexOf(emptyList, source + 1);
  if (source === -1 || target === -1) throw new Error('paragraphs are not the last field of a document record');
  const list = '"paragraphs": '.length;
  return [text.slice(0, source + list), text.slice(source + list + 2, target + list), text.slice(target + list + 2)];
}

/**
 * Folds the lists of numbers and of strings (link indices, tags) that pretty-printing put one item a line.
 * A match cannot start inside a string: JSON.stringify escapes line breaks there.
 */
function foldLists(pretty: string): string {
  const item = String.raw`(?:-?[0-9][0-9.eE+-]*|"(?:[^"\\\n]|\\.)*")`;
  const list = new RegExp(String.raw`\[\n\s+(${item}(?:,\n\s+${item})*)\n\s*\]`, 'g');
  return pretty.replace(list, (_match, items: string) => `[${items.split(/,\n\s+/).join(', ')}]`);
}

/** One link as an item of the file's `links` (indented by four): the usual link by a template, any other as the whole file folds it. */
function linkText(link: Link): string {
  const plain = link.note === undefined && link.tags === undefined && link.sentences === undefined && typeof link.status === 'string';
  if (plain && Number.isFinite(link.score) && Number.isFinite(link.confidence) && link.source.every(Number.isFinite) && link.target.every(Number.isFinite)) {
    return `{\n      "source": [${link.source.join(', ')}],\n      "target": [${link.target.join(', ')}],\n      "score": ${link.score},\n      "confidence": ${link.confidence},\n      "status": ${JSON.stringify(link.status)}\n    }`;
  }
  // Strings hold no raw line breaks (JSON.stringify escapes them), so indenting every line is exact.
  return foldLists(JSON.stringify(link, null, 2)).replace(/\n/g, '\n    ');
}

/**
 * Reads the bytes of an alignment file: the one reader every caller uses (the
 * store's loader, the hosts' checks, uploads), so that no check can see other
 * text than the loader. UTF-8 only (RFC 8259), with at most one byte-order
 * mark; then {@link parseAlignmentFile}.
 *
 * @throws BitextError `invalid-alignment` naming `fileName` when the bytes are not UTF-8 or not an alignment.
 */
export function readAlignmentBytes(bytes: Uint8Array, fileName: string): AlignmentFile {
  let text: string;
  try {
    // ignoreBOM: the decoder keeps the mark, so that parseAlignmentFile alone decides (one mark, not two).
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch (error) {
    throw new BitextError('invalid-alignment', 'not an alignment file: the bytes are not UTF-8 text', { file: fileName }, { cause: error });
  }
  return parseAlignmentFile(text, fileName);
}

/**
 * Reads the text of an alignment file: parses it, upgrades an older version,
 * validates it against the schema, and checks the rules the schema cannot
 * express. Throws a `BitextError` naming `fileName` and, where it can, the
 * line, the field (a JSON pointer) and the link:
 * - `invalid-alignment`: not JSON, not an alignment, or inconsistent;
 * - `unsupported-version`: written by a newer version of the workbench.
 */
export function parseAlignmentFile(json: string, fileName: string): AlignmentFile {
  // Editors on Windows like to start UTF-8 files with a byte-order mark; JSON.parse does not.
  const text = json.startsWith('\uFEFF') ? json.slice(1) : json;
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    const syntax = findJsonSyntaxError(text);
    if (syntax) {
      throw new BitextError(
        'invalid-alignment',
        `not valid JSON: ${syntax.reason} (line ${syntax.line}, column ${syntax.column})`,
        { file: fileName, line: syntax.line },
        { cause: error },
      );
    }
    throw new BitextError('invalid-alignment', `not valid JSON: ${(error as Error).message}`, { file: fileName }, { cause: error });
  }
  if (!isPlainObject(raw)) {
    throw new BitextError('invalid-alignment', `not an alignment: the file holds ${describeJson(raw)}, not an object`, {
      file: fileName,
    });
  }

  const version = fileVersion(raw, fileName);
  let upgraded: unknown = raw;
  for (let from = version; from < currentSchemaVersion; from++) {
    const migration = migrations[from];
    if (!migration || migration.from !== from) throw new Error(`No migration from alignment schema version ${from}`);
    validate(migrationValidator(migration), upgraded, fileName, ` (schema version ${from})`);
    upgraded = migration.migrate(upgraded);
  }
  validate(currentValidator(), upgraded, fileName, '');

  const file = copyFile(upgraded as AlignmentFile);
  checkRules(file, fileName);
  return version < currentSchemaVersion ? { ...file, migratedFrom: version } : file;
}

/**
 * Checks file content about to be written as {@link parseAlignmentFile} checks
 * what it reads (the schema, then the rules it cannot express), on the value
 * itself: what {@link serializeAlignmentFile} writes of it parses back to it,
 * so a writer need not parse its own text again to know the file will open.
 *
 * @throws BitextError `invalid-alignment` naming `fileName`, as parseAlignmentFile.
 */
export function checkAlignmentFile(file: AlignmentFile, fileName: string): void {
  validate(currentValidator(), file, fileName, '');
  checkRules(file, fileName);
}

function checkRules(file: AlignmentFile, fileName: string): void {
  checkParagraphs(file.source.paragraphs, file.source.textLength, 'source', fileName);
  checkParagraphs(file.target.paragraphs, file.target.textLength, 'target', fileName);
  checkTimes(file, fileName);
  checkLinks(file.links, (side) => file[side].paragraphs.map((paragraph) => paragraph.text.length), fileName);
}

/**
 * Rebuilds a document's text from its paragraph texts, for when the document
 * file is missing or changed. Gaps between paragraphs (and up to `textLength`)
 * are filled with line breaks, so every stored offset stays valid.
 */
export function reconstructText(record: DocumentRecord): string {
  const parts: string[] = [];
  let length = 0;
  for (const paragraph of record.paragraphs) {
    parts.push('\n'.repeat(Math.max(0, paragraph.start - length)), paragraph.text);
    length = Math.max(length, paragraph.start) + paragraph.text.length;
  }
  parts.push('\n'.repeat(Math.max(0, record.textLength - length)));
  return parts.join('');
}

/**
 * The index of the first paragraph whose stored text differs from `text` at
 * its offsets, or -1 when all match. A document whose hash matches should
 * never differ; if it does, it was decoded differently or the alignment file
 * was edited by hand. `textLength` is not compared: when the hash matches,
 * the document is authoritative (and files migrated from version 0 only know
 * the text up to the end of the last paragraph).
 */
export function findTextMismatch(record: DocumentRecord, text: string): number {
  return record.paragraphs.findIndex((paragraph) => text.slice(paragraph.start, paragraph.end) !== paragraph.text);
}

/**
 * Makes the model's document from a record and the document's text (read
 * from disk, or {@link reconstructText}), with `path` as the model's path.
 */
export function documentFromRecord(record: DocumentRecord, text: string, path: string = record.path): BitextDocument {
  return {
    path,
    sha256: record.sha256,
    ...formatFields(record),
    encoding: copyEncoding(record.encoding),
    language: copyDocumentLanguage(record.language),
    text,
    paragraphs: record.paragraphs.map(({ start, end, language, mark }) => ({
      start,
      end,
      ...(language ? { language: copyParagraphLanguage(language) } : {}),
      ...(mark ? { mark } : {}),
    })),
  };
}

/** Makes the model's alignment from a file's content and its two documents. */
export function alignmentFromFile(
  file: AlignmentFile,
  documents: { readonly source: BitextDocument; readonly target: BitextDocument },
): Alignment {
  return {
    schemaVersion: alignmentSchemaVersion,
    tool: { name: file.tool.name, version: file.tool.version },
    created: file.created,
    modified: file.modified,
    ...(file.segmentation ? { segmentation: copyRules(file.segmentation) } : {}),
    source: documents.source,
    target: documents.target,
    links: file.links.map(copyLink),
  };
}

// ---------------------------------------------------------------------------
// Validation

const compiledMigrations = new Map<number, ValidateFunction>();

function newAjv(): Ajv2020 {
  // allErrors off: stop at the first problem, which is all the message names, and keeps hostile files cheap.
  // strictNumbers: reject NaN and Infinity (JSON.parse turns 1e400 into Infinity).
  return new Ajv2020({ allErrors: false, strict: true, strictNumbers: true });
}

// The current version's validator is ajv's standalone code, generated from the schema
// ahead of time (scripts/generate-validator.js; a test keeps it in step): compiling the
// schema cost every `bitext align` more than aligning a short pair. Older versions'
// schemas are compiled on first use: ajv generates code with `new Function`, which only
// the Node side and a renderer without a strict CSP allow.
function currentValidator(): ValidateFunction {
  return validateCurrentVersion;
}

function migrationValidator(migration: AlignmentMigration): ValidateFunction {
  let validator = compiledMigrations.get(migration.from);
  if (!validator) {
    validator = newAjv().compile(migration.schema);
    compiledMigrations.set(migration.from, validator);
  }
  return validator;
}

function fileVersion(raw: Record<string, unknown>, fileName: string): number {
  if (Object.hasOwn(raw, 'schemaVersion')) {
    const version = raw['schemaVersion'];
    if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
      throw new BitextError('invalid-alignment', `schemaVersion must be a whole number from 1, not ${describeJson(version)}`, {
        file: fileName,
        field: '/schemaVersion',
      });
    }
    if (version > currentSchemaVersion) {
      throw new BitextError(
        'unsupported-version',
        `written by a newer version of the workbench (alignment schema version ${version}); this version reads up to ${currentSchemaVersion}`,
        { file: fileName, field: '/schemaVersion' },
      );
    }
    return version;
  }
  // Version 0 named the field `version` (see alignment-migrations.ts).
  if (raw['version'] === 0) return 0;
  throw new BitextError('invalid-alignment', 'not an alignment file: required field is missing', { file: fileName, field: '/schemaVersion' });
}

function checkTimes(file: AlignmentFile, fileName: string): void {
  for (const key of ['created', 'modified'] as const) {
    if (Number.isNaN(Date.parse(file[key]))) {
      throw new BitextError('invalid-alignment', `${JSON.stringify(file[key])} is not a real time`, { file: fileName, field: `/${key}` });
    }
  }
}

/** Checks `links` against the documents' paragraphs, given by their text lengths. */
function checkLinks(links: readonly Link[], paragraphLengths: (side: Side) => ArrayLike<number>, fileName: string): void {
  const lengths = { source: paragraphLengths('source'), target: paragraphLengths('target') };
  const problem = findLinkProblems(links, lengths.source.length, lengths.target.length)[0];
  if (!problem) {
    const length = (side: Side, paragraph: number) => lengths[side][paragraph];
    links.forEach((link, index) => {
      const sentences = findSentenceProblem(link, length);
      if (sentences) throw new BitextError('invalid-alignment', sentences, { file: fileName, field: `/links/${index}/sentences`, link: index });
    });
    return;
  }
  // The invariant messages start with the side they are about ("source paragraph 4 is already in link 2"); point the field at it.
  const side = /^(source|target)\b/.exec(problem.message)?.[1];
  const field = side ? `/links/${problem.link}/${side}` : `/links/${problem.link}`;
  throw new BitextError('invalid-alignment', problem.message, { file: fileName, field, link: problem.link });
}

// ---------------------------------------------------------------------------
// Copies: the parsed value is rebuilt from known fields only, so nothing the
// file smuggled in (extra keys, odd prototypes) reaches the rest of the program.

function copyFile(file: AlignmentFile): AlignmentFile {
  return {
    schemaVersion: alignmentSchemaVersion,
    tool: { name: file.tool.name, version: file.tool.version },
    created: file.created,
    modified: file.modified,
    ...(file.segmentation ? { segmentation: copyRules(file.segmentation) } : {}),
    source: copyRecord(file.source),
    target: copyRecord(file.target),
    links: file.links.map(copyLink),
  };
}

function copyRecord(record: DocumentRecord): DocumentRecord {
  return {
    path: record.path,
    sha256: record.sha256,
    ...formatFields(record),
    encoding: copyEncoding(record.encoding),
    language: copyDocumentLanguage(record.language),
    textLength: record.textLength,
    paragraphs: record.paragraphs.map(copyParagraph),
  };
}

/** The optional format fields of a document or record: absent for plain text, so text-only files stay as they were. */
function formatFields(document: { readonly format?: DocumentFormat; readonly textSha256?: string }): { format?: DocumentFormat; textSha256?: string } {
  return {
    ...(document.format && document.format !== 'text' ? { format: document.format } : {}),
    ...(document.textSha256 ? { textSha256: document.textSha256 } : {}),
  };
}

function copyEncoding(encoding: DecodedEncoding): DecodedEncoding {
  return { name: encoding.name, bom: encoding.bom, forced: encoding.forced };
}

function copyTag(tag: LanguageTag): LanguageTag {
  return { iso6393: tag.iso6393, bcp47: tag.bcp47, script: tag.script };
}

function copyDocumentLanguage(language: DocumentLanguage): DocumentLanguage {
  return {
    detected: copyTag(language.detected),
    ...(language.override ? { override: copyTag(language.override) } : {}),
  };
}

function copyLink(link: Link): Link {
  return {
    source: [...link.source],
    target: [...link.target],
    score: link.score,
    confidence: link.confidence,
    status: link.status,
    ...(link.note !== undefined ? { note: link.note } : {}),
    ...(link.tags !== undefined ? { tags: [...link.tags] } : {}),
    ...(link.sentences !== undefined ? { sentences: copySentences(link.sentences) } : {}),
  };
}

function copySentences(sentences: StoredSentences): StoredSentences {
  const ref = (span: SentenceRef): SentenceRef => ({ paragraph: span.paragraph, start: span.start, end: span.end });
  const pair = (item: SentencePair): SentencePair => ({ source: [...item.source], target: [...item.target], confidence: item.confidence, status: item.status });
  return {
    source: sentences.source.map(ref),
    target: sentences.target.map(ref),
    pairs: sentences.pairs.map(pair),
    ...(sentences.rules ? { rules: copyRules(sentences.rules) } : {}),
  };
}

function copyRules(rules: SegmentationRecord): SegmentationRecord {
  return rules.kind === 'srx' ? { kind: 'srx', name: rules.name, sha256: rules.sha256 } : { kind: 'built-in' };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describeJson(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return value.length > 40 ? 'a long string' : JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return typeof value === 'object' ? 'an object' : typeof value;
}
