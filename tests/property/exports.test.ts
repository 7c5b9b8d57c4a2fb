/**
 * Property-based tests of the exports and the alignment file: random
 * alignments whose paragraphs, notes and tags hold text hostile to every
 * format are exported, and independent readers (xmldom's DOM parser checked by
 * xmllint, an RFC 4180 reader written here, JSON.parse) read back the
 * same pairs, after only the normalisations the formats document. The
 * alignment file round-trips exactly, and a damaged one is either still a
 * valid alignment or refused with a BitextError naming the file.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { DOMParser } from '@xmldom/xmldom';
import type { Alignment, Link } from '../../shared/model/alignment.ts';
import { effectiveLanguage, type BitextDocument } from '../../shared/model/document.ts';
import { findLinkProblems } from '../../shared/model/invariants.ts';
import { isBitextError } from '../../shared/errors.ts';
import type { ExportFilters, UntranslatedSupport } from '../../shared/formats/export-pairs.ts';
import { exportFormatById, renderTextExport, type ExportFormatId } from '../../shared/formats/export-format.ts';
import { xliff12Namespace, xliff2MetadataNamespace, xliff2Namespace, workbenchXliffNamespace } from '../../shared/formats/xliff.ts';
import {
  alignmentFromFile,
  documentFromRecord,
  parseAlignmentFile,
  reconstructText,
  serializeAlignment,
} from '../../shared/formats/alignment-json.ts';
import { alignmentArbitrary, hostileTextArbitrary } from './generators.ts';

const numRuns = 100;

// The failing assertion's message in the report, beside the counterexample and its seed.
fc.configureGlobal({ ...fc.readConfigureGlobal(), includeErrorInReport: true });

// ---------------------------------------------------------------- the expected pairs, computed independently

/** One pair as a reader finds it in an export. */
interface ReadPair {
  readonly link: number;
  readonly source: string;
  /** Absent when the format wrote no target (XLIFF, for a paragraph with no translation). */
  readonly target?: string;
  readonly status: string;
  readonly confidence: string;
  readonly note?: string;
  readonly tags: readonly string[];
  readonly sourceParagraphs: string;
  readonly targetParagraphs: string;
}

/** Scripts and languages whose paragraphs are joined with nothing (export-pairs.ts documents the list). */
const unspaced = { scripts: ['Thai', 'Laoo', 'Khmr', 'Mymr', 'Hani', 'Hans', 'Hant', 'Hira', 'Kana', 'Jpan'], languages: ['th', 'lo', 'km', 'my', 'zh', 'ja', 'tha', 'lao', 'khm', 'mya', 'cmn', 'zho', 'jpn'] };

/** The exported text of a side: each paragraph trimmed, line ends made LF, lone surrogates U+FFFD, joined by the language's joiner. */
function expectedText(document: BitextDocument, indices: readonly number[]): string {
  const tag = effectiveLanguage(document.language);
  const joiner =
    unspaced.scripts.includes(tag.script) || unspaced.languages.includes(tag.bcp47.split('-')[0]!.toLowerCase()) || unspaced.languages.includes(tag.iso6393)
      ? ''
      : ' ';
  return indices.map((index) => wellFormed(document.text.slice(document.paragraphs[index]!.start, document.paragraphs[index]!.end).trim())).join(joiner);
}

/** Line ends made LF and lone surrogates U+FFFD, as every export writes text. */
function wellFormed(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length && text.charCodeAt(i + 1) >= 0xdc00 && text.charCodeAt(i + 1) <= 0xdfff) {
      out += text[i]! + text[i + 1]!;
      i++;
    } else if (code >= 0xd800 && code <= 0xdfff) out += '\ufffd';
    else if (code === 0x0d) {
      out += '\n';
      if (text.charCodeAt(i + 1) === 0x0a) i++;
    } else out += text[i]!;
  }
  return out;
}

/** A confidence as the formats write it: rounded to three decimals. */
const rounded = (confidence: number) => String(Math.round(confidence * 1000) / 1000);

/** The pairs an export of `alignment` with `filters` holds, in order, computed from the filters' documentation. */
function expectedPairs(alignment: Alignment, filters: ExportFilters, untranslated: UntranslatedSupport): ReadPair[] {
  const seen = new Set<string>();
  const pairs: ReadPair[] = [];
  alignment.links.forEach((link: Link, index) => {
    const noSource = link.source.length === 0;
    const noTarget = link.target.length === 0;
    if (noSource || noTarget) {
      if (!filters.includeUntranslated || untranslated === 'none' || (untranslated === 'source-only' && noSource)) return;
    }
    if (link.status === 'rejected' && !filters.includeRejected) return;
    if (filters.confirmedOnly && link.status !== 'confirmed') return;
    if (link.confidence < (filters.minConfidence ?? 0)) return;
    const source = expectedText(alignment.source, link.source);
    const target = expectedText(alignment.target, link.target);
    if (filters.deduplicate) {
      const key = JSON.stringify([source, target]);
      if (seen.has(key)) return;
      seen.add(key);
    }
    pairs.push({
      // Exports number links and paragraphs from 1, as the app shows them.
      link: index + 1,
      source,
      target,
      status: link.status,
      confidence: rounded(link.confidence),
      ...(link.note !== undefined && link.note.trim() !== '' ? { note: wellFormed(link.note) } : {}),
      tags: (link.tags ?? []).map(wellFormed),
      sourceParagraphs: link.source.map((paragraph) => paragraph + 1).join(','),
      targetParagraphs: link.target.map((paragraph) => paragraph + 1).join(','),
    });
  });
  return pairs;
}

/** Characters XML 1.0 forbids (after `wellFormed`, no lone surrogate is left): the XML exports drop them. */
const forbiddenXml = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
const xmlClean = (text: string) => text.replace(forbiddenXml, '');
const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** A spreadsheet-safe cell, as the delimited module documents: a `'` before `= + - @`, tab or CR. */
const neutralised = (text: string) => (/^[=+\-@\t\r]/.test(text) ? `'${text}` : text);

// ---------------------------------------------------------------- independent readers

/**
 * Parses XML with xmldom, failing on any warning or error. xmldom lets some
 * malformed input through (a raw `]]>`, forbidden characters), so every file is
 * also checked by xmllint below.
 */
function parseXml(xml: string): Document {
  const fail = (level: string) => (message: string) => {
    throw new Error(`xmldom ${level}: ${message}`);
  };
  const options = {
    errorHandler: { warning: fail('warning'), error: fail('error'), fatalError: fail('fatal error') },
    // XML 1.0's line-end handling (xmldom's default is XML 1.1's, which also turns U+0085 and U+2028
    // into LF). The option exists since xmldom 0.8.5; its type declarations lag behind.
    normalizeLineEndings: (text: string) => text.replace(/\r\n?/g, '\n'),
  };
  return new DOMParser(options).parseFromString(xml, 'text/xml') as unknown as Document;
}

const children = (parent: Element, namespace: string, name: string): Element[] =>
  Array.from(parent.childNodes).filter(
    (node): node is Element => node.nodeType === 1 && ((node as Element).namespaceURI ?? '') === namespace && (node as Element).localName === name,
  );
const child = (parent: Element, namespace: string, name: string): Element | undefined => children(parent, namespace, name)[0];
const only = (parent: Element, namespace: string, name: string): Element => {
  const found = children(parent, namespace, name);
  assert.equal(found.length, 1, `exactly one ${name} in ${parent.localName}`);
  return found[0]!;
};
const textOf = (element: Element | undefined): string | undefined => (element ? (element.textContent ?? '') : undefined);

/** Reads a TMX file's units. */
function readTmx(xml: string, languages: { source: string; target: string }): ReadPair[] {
  const root = parseXml(xml).documentElement;
  assert.equal(root.localName, 'tmx');
  const body = only(root, '', 'body');
  return children(body, '', 'tu').map((tu) => {
    const props = children(tu, '', 'prop').map((prop) => [prop.getAttribute('type') ?? '', textOf(prop)!] as const);
    const prop = (type: string) => props.filter(([name]) => name === type).map(([, value]) => value);
    const tuvs = children(tu, '', 'tuv');
    assert.equal(tuvs.length, 2);
    assert.deepEqual(
      tuvs.map((tuv) => tuv.getAttributeNS('http://www.w3.org/XML/1998/namespace', 'lang')),
      [languages.source, languages.target],
    );
    const note = child(tu, '', 'note');
    return {
      link: Number(tu.getAttribute('tuid')),
      source: textOf(only(tuvs[0]!, '', 'seg'))!,
      target: textOf(only(tuvs[1]!, '', 'seg'))!,
      status: prop('x-status')[0]!,
      confidence: prop('x-confidence')[0]!,
      ...(note ? { note: textOf(note)! } : {}),
      tags: prop('x-tag'),
      sourceParagraphs: prop('x-source-paragraphs')[0]!,
      targetParagraphs: prop('x-target-paragraphs')[0]!,
    };
  });
}

/** Reads an XLIFF 2.1 file's units. */
function readXliff2(xml: string, languages: { source: string; target: string }): ReadPair[] {
  const root = parseXml(xml).documentElement;
  assert.equal(root.namespaceURI, xliff2Namespace);
  assert.equal(root.getAttribute('srcLang'), languages.source);
  assert.equal(root.getAttribute('trgLang'), languages.target);
  const file = only(root, xliff2Namespace, 'file');
  return children(file, xliff2Namespace, 'unit').map((unit) => {
    const metaGroup = only(only(unit, xliff2MetadataNamespace, 'metadata'), xliff2MetadataNamespace, 'metaGroup');
    const metas = children(metaGroup, xliff2MetadataNamespace, 'meta').map((meta) => [meta.getAttribute('type') ?? '', textOf(meta)!] as const);
    const meta = (type: string) => metas.filter(([name]) => name === type).map(([, value]) => value);
    const notes = child(unit, xliff2Namespace, 'notes');
    const segment = only(unit, xliff2Namespace, 'segment');
    const target = child(segment, xliff2Namespace, 'target');
    const id = unit.getAttribute('id') ?? '';
    assert.match(id, /^u[0-9]+$/);
    return {
      link: Number(id.slice(1)),
      source: textOf(only(segment, xliff2Namespace, 'source'))!,
      ...(target ? { target: textOf(target)! } : {}),
      status: meta('status')[0]!,
      confidence: meta('confidence')[0]!,
      ...(notes ? { note: textOf(only(notes, xliff2Namespace, 'note'))! } : {}),
      tags: meta('tag'),
      sourceParagraphs: meta('source-paragraphs')[0]!,
      targetParagraphs: meta('target-paragraphs')[0]!,
    };
  });
}

/** Reads an XLIFF 1.2 file's trans-units. */
function readXliff12(xml: string, languages: { source: string; target: string }): ReadPair[] {
  const root = parseXml(xml).documentElement;
  assert.equal(root.namespaceURI, xliff12Namespace);
  const file = only(root, xliff12Namespace, 'file');
  assert.equal(file.getAttribute('source-language'), languages.source);
  assert.equal(file.getAttribute('target-language'), languages.target);
  const body = only(file, xliff12Namespace, 'body');
  return children(body, xliff12Namespace, 'trans-unit').map((unit) => {
    const attribute = (name: string) => unit.getAttributeNS(workbenchXliffNamespace, name) ?? '';
    const target = child(unit, xliff12Namespace, 'target');
    const note = child(unit, xliff12Namespace, 'note');
    return {
      link: Number(unit.getAttribute('id')),
      source: textOf(only(unit, xliff12Namespace, 'source'))!,
      ...(target ? { target: textOf(target)! } : {}),
      status: attribute('status'),
      confidence: attribute('confidence'),
      ...(note ? { note: textOf(note)! } : {}),
      tags: children(unit, workbenchXliffNamespace, 'tag').map((tag) => textOf(tag)!),
      sourceParagraphs: attribute('source-paragraphs'),
      targetParagraphs: attribute('target-paragraphs'),
    };
  });
}

/**
 * A strict RFC 4180 reader: records end in CRLF (the last one too), a field
 * is quoted or holds no quote, CR or LF, quotes inside quoted fields are
 * doubled, and every record has as many fields as the header.
 */
export function readDelimited(text: string, delimiter: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let position = 0;
  const fail = (reason: string): never => {
    throw new Error(`RFC 4180: ${reason} at offset ${position}: ${JSON.stringify(text.slice(position, position + 20))}`);
  };
  while (position < text.length) {
    let field = '';
    if (text[position] === '"') {
      position++;
      for (;;) {
        if (position >= text.length) fail('unterminated quoted field');
        const char = text[position]!;
        if (char === '"') {
          if (text[position + 1] === '"') {
            field += '"';
            position += 2;
          } else {
            position++;
            break;
          }
        } else {
          field += char;
          position++;
        }
      }
    } else {
      while (position < text.length && text[position] !== delimiter && text[position] !== '\r') {
        if (text[position] === '"' || text[position] === '\n') fail('quote or line break in an unquoted field');
        field += text[position]!;
        position++;
      }
    }
    record.push(field);
    if (text[position] === delimiter) {
      position++;
    } else if (text.startsWith('\r\n', position)) {
      position += 2;
      records.push(record);
      record = [];
    } else {
      fail('expected a delimiter or CRLF after a field');
    }
  }
  if (record.length > 0) fail('the last record does not end in CRLF');
  const width = records[0]?.length ?? 0;
  records.forEach((fields, index) => assert.equal(fields.length, width, `record ${index} has ${fields.length} fields, the header ${width}`));
  return records;
}

/** Reads a CSV or TSV export's rows. */
function readDelimitedExport(text: string, delimiter: string): ReadPair[] {
  assert.ok(text.startsWith('\ufeff'), 'starts with a byte-order mark');
  const [header, ...rows] = readDelimited(text.slice(1), delimiter);
  assert.deepEqual(header, ['source', 'target', 'status', 'confidence', 'note', 'tags']);
  return rows.map(([source, target, status, confidence, note, tags]) => ({
    link: -1,
    source: source!,
    target: target!,
    status: status!,
    confidence: confidence!,
    ...(note !== '' ? { note: note! } : {}),
    tags: tags === '' ? [] : [tags!],
    sourceParagraphs: '',
    targetParagraphs: '',
  }));
}

/** Reads a JSONL export's records; also checks that no line reader would cut a record at U+2028, U+2029 or U+0085. */
function readJsonl(text: string, languages: { source: string; target: string }): ReadPair[] {
  if (text === '') return [];
  assert.ok(text.endsWith('\n'), 'the last line ends in LF');
  const lines = text.slice(0, -1).split('\n');
  // Python's str.splitlines breaks at all of these; a record must never contain one raw.
  assert.equal(text.slice(0, -1).split(/[\n\r\v\f\x1c-\x1e\x85\u2028\u2029]/).length, lines.length, 'no line breaks other than LF');
  return lines.map((line) => {
    const record = JSON.parse(line) as Record<string, unknown> & { provenance: Record<string, unknown> };
    assert.equal(record['sourceLanguage'], languages.source);
    assert.equal(record['targetLanguage'], languages.target);
    const provenance = record.provenance;
    return {
      link: provenance['link'] as number,
      source: record['source'] as string,
      target: record['target'] as string,
      status: record['status'] as string,
      confidence: rounded(record['confidence'] as number),
      ...(record['note'] !== undefined ? { note: record['note'] as string } : {}),
      tags: (record['tags'] as string[] | undefined) ?? [],
      sourceParagraphs: (provenance['sourceParagraphs'] as number[]).join(','),
      targetParagraphs: (provenance['targetParagraphs'] as number[]).join(','),
    };
  });
}

/** The expected pairs as a format holds them: what it cannot carry removed, what it must change changed. */
function asFormatHolds(pairs: readonly ReadPair[], format: ExportFormatId): ReadPair[] {
  switch (format) {
    case 'tmx':
    case 'xliff':
    case 'xliff-1.2':
      return pairs.map((pair) => ({
        ...pair,
        source: xmlClean(pair.source),
        // XLIFF writes no target for a paragraph with no translation.
        ...(format !== 'tmx' && pair.targetParagraphs === '' ? { target: undefined } : { target: xmlClean(pair.target!) }),
        ...(pair.note !== undefined ? { note: xmlClean(pair.note) } : {}),
        tags: pair.tags.map(xmlClean),
      })).map((pair) => (pair.target === undefined ? withoutKey(pair, 'target') : pair));
    case 'csv':
    case 'tsv':
      return pairs.map((pair) => ({
        ...pair,
        link: -1,
        source: neutralised(pair.source),
        target: neutralised(pair.target!),
        ...(pair.note !== undefined ? { note: neutralised(pair.note) } : {}),
        tags: pair.tags.length > 0 ? [neutralised(pair.tags.join('; '))] : [],
        sourceParagraphs: '',
        targetParagraphs: '',
      }));
    case 'jsonl':
      return [...pairs];
    case 'xlsx':
      throw new Error('not a text format');
  }
}

function withoutKey<T extends object>(value: T, key: keyof T): T {
  const copy = { ...value };
  delete copy[key];
  return copy;
}

/** What a reader finds in an export of `format`. */
function readExport(text: string, format: ExportFormatId, languages: { source: string; target: string }): ReadPair[] {
  switch (format) {
    case 'tmx':
      return readTmx(text, languages);
    case 'xliff':
      return readXliff2(text, languages);
    case 'xliff-1.2':
      return readXliff12(text, languages);
    case 'csv':
      return readDelimitedExport(text, ',');
    case 'tsv':
      return readDelimitedExport(text, '\t');
    case 'jsonl':
      return readJsonl(text, languages);
    case 'xlsx':
      throw new Error('not a text format');
  }
}

/** `xmllint --noout` on several documents at once: the strictest well-formedness check at hand. */
function xmllint(documents: readonly string[]): { status: number; messages: string } {
  const folder = mkdtempSync(join(tmpdir(), 'bitext-property-'));
  try {
    const paths = documents.map((xml, index) => {
      const path = join(folder, `export-${index}.xml`);
      writeFileSync(path, xml);
      return path;
    });
    const result = spawnSync('xmllint', ['--noout', '--nonet', ...paths], { encoding: 'utf8' });
    return { status: result.status ?? -1, messages: `${result.stdout}${result.stderr}` };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------- properties

const filtersArbitrary: fc.Arbitrary<ExportFilters> = fc.record(
  {
    confirmedOnly: fc.boolean(),
    minConfidence: fc.oneof(fc.constant(0), fc.double({ min: 0, max: 1, noNaN: true })),
    includeUntranslated: fc.boolean(),
    deduplicate: fc.boolean(),
    includeRejected: fc.boolean(),
  },
  { requiredKeys: [] },
);

const textFormats: readonly ExportFormatId[] = ['tmx', 'xliff', 'xliff-1.2', 'csv', 'tsv', 'jsonl'];
const now = new Date('2024-05-06T07:08:09Z');

describe('properties of the text exports', () => {
  it('every text export read back by an independent reader gives the pairs the filters select, after the documented normalisations', () => {
    fc.assert(
      fc.property(alignmentArbitrary(), filtersArbitrary, (alignment, filters) => {
        const xml: string[] = [];
        for (const format of textFormats) {
          const expected = expectedPairs(alignment, filters, exportFormatById(format).untranslated);
          let rendered;
          try {
            rendered = renderTextExport(alignment, format, { filters, now });
          } catch (error) {
            // XLIFF 2 cannot hold a file with no unit: the only refusal allowed, and only then.
            assert.ok(isBitextError(error) && error.code === 'export-failed' && format === 'xliff' && expected.length === 0, String(error));
            continue;
          }
          const { text, extracted } = rendered;
          const languages = { source: extracted.sourceLanguage, target: extracted.targetLanguage };
          assert.match(languages.source, /^[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*$/);
          assert.match(languages.target, /^[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*$/);
          assert.doesNotMatch(text, loneSurrogate, `${format}: a lone surrogate, which no UTF-8 file can hold`);
          if (format === 'tmx' || format.startsWith('xliff')) {
            assert.doesNotMatch(text, forbiddenXml, `${format}: a character XML forbids`);
            xml.push(text);
          }
          assert.deepEqual(readExport(text, format, languages), asFormatHolds(expected, format), format);
        }
        const lint = xmllint(xml);
        assert.equal(lint.status, 0, lint.messages);
      }),
      { numRuns },
    );
  });

  it('the same alignment and time give the same bytes', () => {
    fc.assert(
      fc.property(alignmentArbitrary({ maxSteps: 6 }), fc.constantFrom(...textFormats), (alignment, format) => {
        const render = () => {
          try {
            return renderTextExport(alignment, format, { now }).text;
          } catch (error) {
            assert.ok(isBitextError(error));
            return error.message;
          }
        };
        assert.equal(render(), render());
      }),
      { numRuns: numRuns / 2 },
    );
  });
});

describe('exports of broken input', () => {
  it('a link naming a paragraph the document lacks, or a bad filter, gives a BitextError in every format', () => {
    fc.assert(
      fc.property(
        alignmentArbitrary({ maxSteps: 8 }).filter((alignment) => alignment.links.some((link) => link.source.length > 0 && link.target.length > 0)),
        fc.nat(),
        fc.constantFrom(-1, 0.5, 1e9, Number.NaN),
        fc.constantFrom(-0.1, 1.5, Number.NaN, Number.POSITIVE_INFINITY),
        fc.constantFrom(...textFormats),
        (alignment, pick, index, minConfidence, format) => {
          // A two-sided link, which every format exports (one-sided links are skipped, unread, by TMX).
          const candidates = alignment.links.map((link, position) => ({ link, position })).filter(({ link }) => link.source.length > 0 && link.target.length > 0);
          const { link, position } = candidates[pick % candidates.length]!;
          const broken: Alignment = {
            ...alignment,
            links: alignment.links.map((other, at) => (at === position ? { ...link, source: [index], status: 'confirmed' } : other)),
          };
          assert.throws(
            () => renderTextExport(broken, format, { filters: { includeUntranslated: true }, now }),
            (error) => isBitextError(error) && error.code === 'invalid-alignment' && error.location.link === position,
          );
          assert.throws(
            () => renderTextExport(alignment, format, { filters: { minConfidence }, now }),
            (error) => isBitextError(error) && error.code === 'invalid-argument',
          );
        },
      ),
      { numRuns: numRuns / 2 },
    );
  });
});

describe('the RFC 4180 reader of these tests', () => {
  it('reads what a plain RFC 4180 writer writes, and refuses a bare quote', () => {
    fc.assert(
      fc.property(fc.array(fc.array(hostileTextArbitrary, { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 5 }), (rows) => {
        const quote = (field: string) => `"${field.replaceAll('"', '""')}"`;
        const text = rows.map((row) => `${row.map(quote).join(',')}\r\n`).join('');
        assert.deepEqual(readDelimited(text, ','), rows);
      }),
      { numRuns },
    );
    assert.throws(() => readDelimited('a"b,c\r\n', ','), /RFC 4180/);
    assert.throws(() => readDelimited('"a"b,c\r\n', ','), /RFC 4180/);
    assert.throws(() => readDelimited('a,b\n', ','), /RFC 4180/);
  });
});

// ---------------------------------------------------------------- the alignment file

/** Alignments an alignment file can hold: language tags well formed, as the schema requires. */
const savableAlignmentArbitrary = alignmentArbitrary().map((alignment): Alignment => {
  const fix = (document: BitextDocument): BitextDocument => {
    const tag = (value: typeof document.language.detected) => (/^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$/.test(value.bcp47) ? value : { ...value, bcp47: 'und' });
    const language = document.language.override
      ? { detected: tag(document.language.detected), override: tag(document.language.override) }
      : { detected: tag(document.language.detected) };
    return { ...document, language };
  };
  return { ...alignment, source: fix(alignment.source), target: fix(alignment.target) };
});

/** Asserts that a parsed file is a valid alignment: what the loader promises about anything it accepts. */
function assertValidFile(file: ReturnType<typeof parseAlignmentFile>): void {
  assert.deepEqual(findLinkProblems(file.links, file.source.paragraphs.length, file.target.paragraphs.length), []);
  for (const record of [file.source, file.target]) {
    let previousEnd = 0;
    for (const paragraph of record.paragraphs) {
      assert.ok(Number.isInteger(paragraph.start) && Number.isInteger(paragraph.end));
      assert.ok(paragraph.start >= previousEnd && paragraph.end >= paragraph.start && paragraph.end <= record.textLength);
      assert.equal(paragraph.text.length, paragraph.end - paragraph.start);
      previousEnd = paragraph.end;
    }
    // The text rebuilt for a missing document must hold every paragraph at its offsets.
    const text = reconstructText(record);
    assert.equal(text.length, record.textLength);
    for (const paragraph of record.paragraphs) assert.equal(text.slice(paragraph.start, paragraph.end), paragraph.text);
  }
  for (const link of file.links) assert.ok(Number.isFinite(link.score) && link.confidence >= 0 && link.confidence <= 1);
}

describe('properties of the alignment file', () => {
  it('serializeAlignment → parseAlignmentFile gives back the same links, documents and paragraphs', () => {
    fc.assert(
      fc.property(savableAlignmentArbitrary, (alignment) => {
        const text = serializeAlignment(alignment);
        const file = parseAlignmentFile(text, 'random.bitext');
        assertValidFile(file);
        const back = alignmentFromFile(file, {
          source: documentFromRecord(file.source, alignment.source.text, alignment.source.path),
          target: documentFromRecord(file.target, alignment.target.text, alignment.target.path),
        });
        assert.deepEqual(back, alignment);
        // Without the documents, the rebuilt texts hold the same paragraph texts.
        for (const side of ['source', 'target'] as const) {
          const rebuilt = documentFromRecord(file[side], reconstructText(file[side]));
          rebuilt.paragraphs.forEach((paragraph, index) => {
            const original = alignment[side].paragraphs[index]!;
            assert.equal(rebuilt.text.slice(paragraph.start, paragraph.end), alignment[side].text.slice(original.start, original.end));
          });
        }
        // Writing what was read gives the same bytes.
        assert.equal(serializeAlignment(back), text);
      }),
      { numRuns },
    );
  });

  /** Damage done to a file's text. */
  const damageArbitrary = fc.oneof(
    // Positions are taken modulo the text's length (fast-check's doubles crowd near 0).
    fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
    fc.record({ kind: fc.constant('flip-bytes' as const), flips: fc.array(fc.tuple(fc.nat(), fc.integer({ min: 1, max: 255 })), { minLength: 1, maxLength: 8 }) }),
    fc.record({ kind: fc.constant('delete-key' as const), pick: fc.array(fc.nat(), { minLength: 1, maxLength: 3 }) }),
    fc.record({ kind: fc.constant('replace-value' as const), pick: fc.nat(), value: fc.jsonValue({ maxDepth: 2 }) }),
    fc.record({ kind: fc.constant('splice' as const), at: fc.nat(), insert: fc.constantFrom('{', '}', '[', ']', ',', '"', ':', '\\', '\u0000', 'null', '-1', '1e999', '"\ud800"', '\n') }),
  );

  it('a damaged file is either a valid alignment or refused with a BitextError naming the file', (t) => {
    const outcomes = new Map<string, number>();
    fc.assert(
      fc.property(savableAlignmentArbitrary, damageArbitrary, (alignment, damage) => {
        const damaged = applyDamage(serializeAlignment(alignment), damage);
        let file;
        try {
          file = parseAlignmentFile(damaged, 'damaged ไฟล์.bitext');
        } catch (error) {
          assert.ok(isBitextError(error), `not a BitextError: ${error instanceof Error ? error.stack : String(error)}`);
          assert.ok(error.code === 'invalid-alignment' || error.code === 'unsupported-version', error.code);
          assert.equal(error.location.file, 'damaged ไฟล์.bitext');
          assert.ok(error.message.startsWith('damaged ไฟล์.bitext'), error.message);
          outcomes.set(`${damage.kind} refused`, (outcomes.get(`${damage.kind} refused`) ?? 0) + 1);
          return;
        }
        assertValidFile(file);
        outcomes.set(`${damage.kind} accepted`, (outcomes.get(`${damage.kind} accepted`) ?? 0) + 1);
      }),
      { numRuns: numRuns * 3 },
    );
    t.diagnostic([...outcomes].sort().map(([outcome, count]) => `${outcome}: ${count}`).join(', '));
  });
});

type Damage =
  | { kind: 'truncate'; at: number }
  | { kind: 'flip-bytes'; flips: [number, number][] }
  | { kind: 'delete-key'; pick: number[] }
  | { kind: 'replace-value'; pick: number; value: unknown }
  | { kind: 'splice'; at: number; insert: string };

/** Every (container, key) pair in a JSON value, depth first. */
function slots(value: unknown, out: { parent: Record<string, unknown> | unknown[]; key: string | number }[] = []) {
  if (Array.isArray(value)) {
    value.forEach((item, index) => {
      out.push({ parent: value, key: index });
      slots(item, out);
    });
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      out.push({ parent: value as Record<string, unknown>, key });
      slots(item, out);
    }
  }
  return out;
}

function applyDamage(text: string, damage: Damage): string {
  switch (damage.kind) {
    case 'truncate':
      return text.slice(0, damage.at % (text.length + 1));
    case 'flip-bytes': {
      const bytes = new TextEncoder().encode(text);
      for (const [where, mask] of damage.flips) {
        const index = where % bytes.length;
        bytes[index] = bytes[index]! ^ mask;
      }
      return new TextDecoder().decode(bytes);
    }
    case 'delete-key': {
      const value = JSON.parse(text) as unknown;
      for (const pick of damage.pick) {
        const all = slots(value);
        if (all.length === 0) break;
        const { parent, key } = all[pick % all.length]!;
        if (Array.isArray(parent)) parent.splice(key as number, 1);
        else delete parent[key as string];
      }
      return JSON.stringify(value, null, 2);
    }
    case 'replace-value': {
      const value = JSON.parse(text) as unknown;
      const all = slots(value);
      const { parent, key } = all[damage.pick % all.length]!;
      (parent as Record<string | number, unknown>)[key] = damage.value;
      return JSON.stringify(value);
    }
    case 'splice': {
      const at = damage.at % (text.length + 1);
      return text.slice(0, at) + damage.insert + text.slice(at);
    }
  }
}
