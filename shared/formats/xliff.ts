/**
 * XLIFF export, in version 2.1 (the current OASIS standard) and 1.2 (what most
 * CAT tools and translate-toolkit still read): source and target per link, its
 * state from the link's status, its note, and the workbench's own data
 * (confidence, tags, paragraph indices) where each version keeps such data.
 *
 * Written with xmlbuilder2: markup characters are escaped (every `&` through
 * `xmlData`, see tmx.ts) and characters XML 1.0 forbids are dropped. No DOCTYPE and no schemaLocation, so a reader fetches
 * nothing.
 */
import { create } from 'xmlbuilder2';
import type { Alignment, LinkStatus } from '../model/alignment.ts';
import { assertNever, BitextError } from '../errors.ts';
import { toolInfo } from '../version.ts';
import { xmlData } from './tmx.ts';
import { baseName, extractPairs, formatConfidence, linkNumber, pairId, paragraphNumbers, type ExportFilters, type ExportPair, type ExportPairs } from './export-pairs.ts';

/** The XLIFF versions written. */
export type XliffVersion = '2.1' | '1.2';

/** Options of {@link toXliff}. */
export interface XliffOptions {
  /** Default `'2.1'`. */
  readonly version?: XliffVersion;
  /**
   * Which links to export. With `includeUntranslated`, a source paragraph with
   * no translation becomes a unit with no target (state `initial` / `new`); a
   * target paragraph with no source is always left out, since XLIFF has no unit
   * without a source.
   */
  readonly filters?: ExportFilters;
  /** The export time (XLIFF 1.2 writes it as the file's `date`). Default: now. */
  readonly now?: Date;
}

/** An XLIFF export: the document and the pairs it holds. */
export interface XliffExport {
  readonly xml: string;
  readonly extracted: ExportPairs;
}

/** The XLIFF 2.x core namespace (2.1 keeps 2.0's, with `version="2.1"`). */
export const xliff2Namespace = 'urn:oasis:names:tc:xliff:document:2.0';
/** The XLIFF 2.x Metadata module's namespace, for confidence, tags and paragraph indices. */
export const xliff2MetadataNamespace = 'urn:oasis:names:tc:xliff:metadata:2.0';
/** The XLIFF 1.2 namespace. */
export const xliff12Namespace = 'urn:oasis:names:tc:xliff:document:1.2';
/** The workbench's own namespace for its data in XLIFF 1.2, which has no metadata module. */
export const workbenchXliffNamespace = 'urn:x-bitext-workbench:xliff';

/**
 * XLIFF 2.x segment state for a link status. `confirmed` → `final`: a
 * reviewer's confirmation is the last step the workbench knows, after which the
 * pair is fit for a memory. `auto` → `translated`: there is a target nobody has
 * reviewed. `rejected` → `initial`: the target is not a translation of the
 * source. A source with no target is `initial` whatever its status.
 */
export function xliff2State(status: LinkStatus, hasTarget = true): 'initial' | 'translated' | 'final' {
  if (!hasTarget) return 'initial';
  switch (status) {
    case 'confirmed':
      return 'final';
    case 'auto':
      return 'translated';
    case 'rejected':
      return 'initial';
    default:
      return assertNever(status, 'link status');
  }
}

/**
 * XLIFF 1.2 target `state` and the trans-unit's `approved` for a link status:
 * `confirmed` → `final`, approved; `auto` → `needs-review-translation`;
 * `rejected` → `needs-translation`. A unit with no target has no state.
 */
export function xliff12State(status: LinkStatus): { state: string; approved: boolean } {
  switch (status) {
    case 'confirmed':
      return { state: 'final', approved: true };
    case 'auto':
      return { state: 'needs-review-translation', approved: false };
    case 'rejected':
      return { state: 'needs-translation', approved: false };
    default:
      return assertNever(status, 'link status');
  }
}

/**
 * The alignment as an XLIFF document of the given version.
 *
 * Throws `export-failed` when no link is left to export in XLIFF 2.x, whose
 * `file` must hold at least one unit.
 */
export function toXliff(alignment: Alignment, options: XliffOptions = {}): XliffExport {
  const version = options.version ?? '2.1';
  const extracted = extractPairs(alignment, options.filters, 'source-only');
  switch (version) {
    case '2.1':
      return { xml: writeXliff2(alignment, extracted), extracted };
    case '1.2':
      return { xml: writeXliff12(alignment, extracted, options.now ?? new Date()), extracted };
    default:
      return assertNever(version, 'XLIFF version');
  }
}

function writeXliff2(alignment: Alignment, extracted: ExportPairs): string {
  if (extracted.pairs.length === 0) {
    throw new BitextError('export-failed', 'no link is left to export after the filters, and an XLIFF 2 file must hold a unit');
  }
  const document = create({ version: '1.0', encoding: 'UTF-8', invalidCharReplacement: '' });
  const xliff = document.ele(xliff2Namespace, 'xliff', {
    version: '2.1',
    srcLang: extracted.sourceLanguage,
    trgLang: extracted.targetLanguage,
  });
  xliff.att('http://www.w3.org/2000/xmlns/', 'xmlns:mda', xliff2MetadataNamespace);
  const file = xliff.ele(xliff2Namespace, 'file', { id: 'f1', original: attributeText(baseName(alignment.source.path)) });
  // File-level provenance, so a unit can be traced back to the exact documents.
  const fileGroup = file.ele(xliff2MetadataNamespace, 'mda:metadata').ele(xliff2MetadataNamespace, 'mda:metaGroup', {
    category: 'bitext-workbench',
  });
  for (const [type, value] of [
    ['source-file', baseName(alignment.source.path)],
    ['source-sha256', alignment.source.sha256],
    ['target-file', baseName(alignment.target.path)],
    ['target-sha256', alignment.target.sha256],
  ] as const) {
    fileGroup.ele(xliff2MetadataNamespace, 'mda:meta', { type }).txt(xmlData(value));
  }

  for (const pair of extracted.pairs) {
    const hasTarget = pair.targetParagraphs.length > 0;
    // Core order in a unit: module elements (mda), then notes, then segments.
    const unit = file.ele(xliff2Namespace, 'unit', { id: `u${pairId(pair)}`, 'xml:space': 'preserve' });
    const group = unit.ele(xliff2MetadataNamespace, 'mda:metadata').ele(xliff2MetadataNamespace, 'mda:metaGroup', {
      category: 'bitext-workbench',
    });
    for (const [type, value] of metaEntries(pair)) group.ele(xliff2MetadataNamespace, 'mda:meta', { type }).txt(xmlData(value));
    if (pair.note !== undefined) unit.ele(xliff2Namespace, 'notes').ele(xliff2Namespace, 'note').txt(xmlData(pair.note));
    const segment = unit.ele(xliff2Namespace, 'segment', {
      id: `s${pairId(pair)}`,
      state: xliff2State(pair.status, hasTarget),
      subState: `bitext:${pair.status}`,
    });
    segment.ele(xliff2Namespace, 'source').txt(xmlData(pair.source));
    if (hasTarget) segment.ele(xliff2Namespace, 'target').txt(xmlData(pair.target));
  }
  return `${document.end({ prettyPrint: true })}\n`;
}

function writeXliff12(alignment: Alignment, extracted: ExportPairs, now: Date): string {
  const document = create({ version: '1.0', encoding: 'UTF-8', invalidCharReplacement: '' });
  const xliff = document.ele(xliff12Namespace, 'xliff', { version: '1.2' });
  xliff.att('http://www.w3.org/2000/xmlns/', 'xmlns:bx', workbenchXliffNamespace);
  const file = xliff.ele(xliff12Namespace, 'file', {
    original: attributeText(baseName(alignment.source.path)),
    'source-language': extracted.sourceLanguage,
    'target-language': extracted.targetLanguage,
    datatype: 'plaintext',
    date: now.toISOString(),
  });
  file.att(workbenchXliffNamespace, 'bx:source-sha256', alignment.source.sha256);
  file.att(workbenchXliffNamespace, 'bx:target-file', attributeText(baseName(alignment.target.path)));
  file.att(workbenchXliffNamespace, 'bx:target-sha256', alignment.target.sha256);
  file.ele(xliff12Namespace, 'header').ele(xliff12Namespace, 'tool', {
    'tool-id': 'bitext-workbench',
    'tool-name': toolInfo.name,
    'tool-version': toolInfo.version,
  });
  const body = file.ele(xliff12Namespace, 'body');
  for (const pair of extracted.pairs) {
    const hasTarget = pair.targetParagraphs.length > 0;
    const { state, approved } = xliff12State(pair.status);
    // Order the 1.2 schema wants: source, target, note*, then other namespaces' elements.
    const unit = body.ele(xliff12Namespace, 'trans-unit', {
      id: pairId(pair),
      ...(hasTarget ? { approved: approved ? 'yes' : 'no' } : {}),
      'xml:space': 'preserve',
    });
    unit.att(workbenchXliffNamespace, 'bx:status', pair.status);
    unit.att(workbenchXliffNamespace, 'bx:confidence', formatConfidence(pair.confidence));
    unit.att(workbenchXliffNamespace, 'bx:source-paragraphs', paragraphNumbers(pair.sourceParagraphs));
    unit.att(workbenchXliffNamespace, 'bx:target-paragraphs', paragraphNumbers(pair.targetParagraphs));
    if (pair.sentence) {
      unit.att(workbenchXliffNamespace, 'bx:link', linkNumber(pair.link));
      unit.att(workbenchXliffNamespace, 'bx:source-sentences', paragraphNumbers(pair.sentence.source));
      unit.att(workbenchXliffNamespace, 'bx:target-sentences', paragraphNumbers(pair.sentence.target));
    }
    unit.ele(xliff12Namespace, 'source').txt(xmlData(pair.source));
    if (hasTarget) unit.ele(xliff12Namespace, 'target', { state }).txt(xmlData(pair.target));
    if (pair.note !== undefined) unit.ele(xliff12Namespace, 'note').txt(xmlData(pair.note));
    for (const tag of pair.tags) unit.ele(workbenchXliffNamespace, 'bx:tag').txt(xmlData(tag));
  }
  return `${document.end({ prettyPrint: true })}\n`;
}

function metaEntries(pair: ExportPair): [string, string][] {
  return [
    ['status', pair.status],
    ['confidence', formatConfidence(pair.confidence)],
    ['source-paragraphs', paragraphNumbers(pair.sourceParagraphs)],
    ['target-paragraphs', paragraphNumbers(pair.targetParagraphs)],
    ...(pair.sentence
      ? ([
          ['link', linkNumber(pair.link)],
          ['source-sentences', paragraphNumbers(pair.sentence.source)],
          ['target-sentences', paragraphNumbers(pair.sentence.target)],
        ] as [string, string][])
      : []),
    ...pair.tags.map((tag): [string, string] => ['tag', tag]),
  ];
}

/**
 * Text for an attribute: tabs and line breaks become spaces, because XML
 * readers turn them into spaces anyway (attribute-value normalisation) and a
 * file name read back should be the one written.
 */
function attributeText(text: string): string {
  return xmlData(text.replace(/[\t\r\n]/g, ' '));
}
