/**
 * TMX 1.4b export: one translation unit (`tu`) per exported link, for
 * translation memories and CAT tools.
 *
 * Written with xmlbuilder2, which escapes `<`, `>` and quotes (and `&`: see
 * {@link xmlData}); characters XML 1.0 forbids (C0 controls other than
 * tab/LF/CR, lone surrogates, U+FFFE, U+FFFF) are dropped by its
 * `invalidCharReplacement`. There is no DOCTYPE: a
 * reader that fetched the DTD could be made to fetch anything, and TMX does not
 * require one.
 */
import { create } from 'xmlbuilder2';
import type { Alignment } from '../model/alignment.ts';
import { toolInfo } from '../version.ts';
import { baseName, extractPairs, formatConfidence, linkNumber, pairId, paragraphNumbers, type ExportFilters, type ExportPairs } from './export-pairs.ts';

/** Options of {@link toTmx}. */
export interface TmxOptions {
  /** Which links to export; TMX cannot hold an untranslated paragraph, so `includeUntranslated` has no effect. */
  readonly filters?: ExportFilters;
  /** The export time written as the header's `creationdate`. Default: now. */
  readonly now?: Date;
}

/** A TMX export: the document and the pairs it holds (for the "exported N pairs" message). */
export interface TmxExport {
  readonly xml: string;
  readonly extracted: ExportPairs;
}

/**
 * Text for xmlbuilder2's `txt()` and attribute values: every `&` written as
 * `&amp;`.
 *
 * xmlbuilder2 (4.0) escapes an `&` only when it does not look like a reference
 * (`&name;`, `&#n;`): it takes those for references the caller wrote. Document
 * text is data, so `AT&amp;T` must stay those nine characters and `&foo;` must
 * not become an undefined entity that makes the file malformed. Escaping the
 * ampersands first gives the builder `&amp;`, which it leaves alone. The tests
 * write `&amp;`, `&#38;` and `&foo;` and read them back, so a change in the
 * library's behaviour shows.
 */
export function xmlData(text: string): string {
  return text.replaceAll('&', '&amp;');
}

/**
 * A date in TMX's form, `YYYYMMDDThhmmssZ`, in UTC. `undefined` for a string
 * that is not a date, so a damaged `created` field drops an optional attribute
 * instead of failing the export.
 */
export function tmxDate(date: Date | string): string | undefined {
  const value = typeof date === 'string' ? new Date(date) : date;
  if (Number.isNaN(value.getTime())) return undefined;
  return value.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
}

/**
 * The alignment as a TMX 1.4b document.
 *
 * Header: the seven required attributes (`segtype="paragraph"`: a unit is one
 * link's paragraphs; `sentence` for sentence units), `srclang` and every
 * `xml:lang` from the documents' effective languages, and the source and
 * target file names and SHA-256 as `x-` props. Each `tu` carries `tuid` = the
 * link's number from 1 (`12.1`, `12.2` for the sentence links of link 12), the
 * alignment's created/modified dates, props `x-status`, `x-confidence`, one
 * `x-tag` per tag, `x-source-paragraphs` / `x-target-paragraphs` (numbered
 * from 1), for sentence units `x-link` and `x-source-sentences` /
 * `x-target-sentences` (from 1 among the link's sentences), and the link's
 * note as a `note`.
 */
export function toTmx(alignment: Alignment, options: TmxOptions = {}): TmxExport {
  const extracted = extractPairs(alignment, options.filters, 'none');
  const created = tmxDate(alignment.created);
  const changed = tmxDate(alignment.modified);

  const document = create({ version: '1.0', encoding: 'UTF-8', invalidCharReplacement: '' });
  const tmx = document.ele('tmx', { version: '1.4' });
  const header = tmx.ele('header', {
    creationtool: toolInfo.name,
    creationtoolversion: toolInfo.version,
    segtype: options.filters?.unit === 'sentence' ? 'sentence' : 'paragraph',
    'o-tmf': 'Bitext Workbench alignment',
    adminlang: 'en',
    srclang: extracted.sourceLanguage,
    datatype: 'plaintext',
    creationdate: tmxDate(options.now ?? new Date()) ?? '',
  });
  addProp(header, 'x-source-file', baseName(alignment.source.path));
  addProp(header, 'x-source-sha256', alignment.source.sha256);
  addProp(header, 'x-target-file', baseName(alignment.target.path));
  addProp(header, 'x-target-sha256', alignment.target.sha256);

  const body = tmx.ele('body');
  for (const pair of extracted.pairs) {
    const tu = body.ele('tu', {
      tuid: pairId(pair),
      ...(created ? { creationdate: created } : {}),
      ...(changed ? { changedate: changed } : {}),
    });
    // The DTD wants every note and prop before the first tuv.
    if (pair.note !== undefined) tu.ele('note').txt(xmlData(pair.note));
    addProp(tu, 'x-status', pair.status);
    addProp(tu, 'x-confidence', formatConfidence(pair.confidence));
    for (const tag of pair.tags) addProp(tu, 'x-tag', tag);
    addProp(tu, 'x-source-paragraphs', paragraphNumbers(pair.sourceParagraphs));
    addProp(tu, 'x-target-paragraphs', paragraphNumbers(pair.targetParagraphs));
    if (pair.sentence) {
      addProp(tu, 'x-link', linkNumber(pair.link));
      addProp(tu, 'x-source-sentences', paragraphNumbers(pair.sentence.source));
      addProp(tu, 'x-target-sentences', paragraphNumbers(pair.sentence.target));
    }
    tu.ele('tuv', { 'xml:lang': extracted.sourceLanguage }).ele('seg').txt(xmlData(pair.source));
    tu.ele('tuv', { 'xml:lang': extracted.targetLanguage }).ele('seg').txt(xmlData(pair.target));
  }
  return { xml: `${document.end({ prettyPrint: true })}\n`, extracted };
}

/** An element being built (xmlbuilder2's builder type, without a deep import). */
type XMLBuilder = ReturnType<typeof create>;

function addProp(parent: XMLBuilder, type: string, value: string): void {
  parent.ele('prop', { type }).txt(xmlData(value));
}
