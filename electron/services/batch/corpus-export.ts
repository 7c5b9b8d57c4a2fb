/**
 * One export file for a whole corpus: each alignment rendered by its format's
 * own exporter (so a pair reads the same as in a one-pair export), then the
 * pieces joined the way each format holds several documents — TMX units in
 * one body with the pair's files as props, XLIFF `<file>` elements side by
 * side, CSV/TSV rows under one header, JSONL lines one after another, XLSX one
 * sheet per pair and an About sheet listing them.
 */
import ExcelJS from 'exceljs';
import { BitextError } from '../../../shared/errors.ts';
import { baseName, type ExportFilters, type ExportPairs, type ExportSkipped } from '../../../shared/formats/export-pairs.ts';
import { renderTextExport, type ExportFormatId } from '../../../shared/formats/export-format.ts';
import type { Alignment } from '../../../shared/model/alignment.ts';
import { toolInfo } from '../../../shared/version.ts';
import { toXlsx } from '../xlsx.ts';

/** An alignment of the corpus and the name it goes by (its file name without `.bitext`). */
export interface CorpusMember {
  readonly name: string;
  readonly alignment: Alignment;
}

/** A rendered corpus export: the file's content, and what each member put in it. */
export interface RenderedCorpusExport {
  readonly data: string | Uint8Array;
  readonly extracted: readonly ExportPairs[];
}

/**
 * Renders every member in `format` into one file. With `deduplicate`, a pair
 * met in an earlier member is left out of later ones too. XLIFF 2 holds one
 * language pair per file: members in other languages are an `export-failed`
 * error that suggests XLIFF 1.2 or TMX.
 */
export async function renderCorpus(
  members: readonly CorpusMember[],
  format: ExportFormatId,
  options: { readonly filters?: ExportFilters; readonly now?: Date } = {},
): Promise<RenderedCorpusExport> {
  if (members.length === 0) throw new BitextError('invalid-argument', 'no alignment files to export');
  // One set for the corpus: `deduplicate` means across every file.
  const filters: ExportFilters = { ...options.filters, seenPairs: new Set<string>() };
  const now = options.now ?? new Date();
  if (format === 'xlsx') return corpusXlsx(members, filters, now);
  const pieces = members.map((member) => renderTextExport(member.alignment, format, { filters, now }));
  const extracted = pieces.map((piece) => piece.extracted);
  const texts = pieces.map((piece) => piece.text);
  switch (format) {
    case 'jsonl':
      return { data: texts.join(''), extracted };
    case 'csv':
    case 'tsv':
      // Every piece starts with the same header row; the byte-order mark only at the start of the file.
      return { data: texts.map((text, index) => (index === 0 ? text : text.replace(/^\uFEFF?[^\n]*\n/, ''))).join(''), extracted };
    case 'tmx':
      return { data: joinTmx(members, texts, extracted), extracted };
    case 'xliff-1.2':
      // `original` names the file a reader keys units by: the pair's name before the source file's keeps two pairs of one original apart.
      return { data: joinXliffFiles(texts, (index, file) => file.replace(/^<file original="([^"]*)"/, (_, original: string) => `<file original="${escapeXml(members[index]!.name)}/${original}"`)), extracted };
    case 'xliff': {
      const languages = new Set(extracted.map((pairs) => `${pairs.sourceLanguage} → ${pairs.targetLanguage}`));
      if (languages.size > 1) {
        throw new BitextError('export-failed', `XLIFF 2 holds one language pair per file, and these alignments have ${[...languages].join(', ')}: export them as XLIFF 1.2 or TMX`);
      }
      return { data: joinXliffFiles(texts, (index, file) => file.replace(/^<file id="[^"]*"/, `<file id="f${index + 1}"`)), extracted };
    }
  }
}

/** Links left out by every member, added up. */
export function addSkipped(all: readonly ExportPairs[]): ExportSkipped {
  const total = { untranslated: 0, rejected: 0, unconfirmed: 0, lowConfidence: 0, duplicate: 0 };
  for (const { skipped } of all) for (const key of Object.keys(total) as (keyof ExportSkipped)[]) total[key] += skipped[key];
  return total;
}

/**
 * The members' TMX bodies in one TMX: the header of the first with its
 * file props removed (they name one pair) and `srclang="*all*"` when the
 * sources are in several languages; each unit's `tuid` prefixed with its
 * member's number, and the member's files as props of each unit.
 */
function joinTmx(members: readonly CorpusMember[], texts: readonly string[], extracted: readonly ExportPairs[]): string {
  const first = texts[0]!;
  const headerEnd = first.indexOf('</header>') >= 0 ? first.indexOf('</header>') + '</header>'.length : first.indexOf('/>', first.indexOf('<header')) + 2;
  let head = first.slice(0, headerEnd).replace(/\n\s*<prop type="x-(source|target)-(file|sha256)">[^<]*<\/prop>/g, '');
  if (new Set(extracted.map((pairs) => pairs.sourceLanguage)).size > 1) head = head.replace(/ srclang="[^"]*"/, ' srclang="*all*"');
  head = head.replace(/<header([^>]*)>\s*<\/header>$/, '<header$1/>');
  const bodies = texts.map((text, index) => {
    const body = /<body>([\s\S]*)<\/body>/.exec(text)?.[1] ?? '';
    const alignment = members[index]!.alignment;
    const props = [
      ['x-pair', members[index]!.name],
      ['x-source-file', baseName(alignment.source.path)],
      ['x-target-file', baseName(alignment.target.path)],
    ]
      .map(([type, value]) => `\n      <prop type="${type}">${escapeXml(value!)}</prop>`)
      .join('');
    return body.replace(/<tu tuid="([^"]*)"([^>]*)>/g, (_, id: string, rest: string) => `<tu tuid="${index + 1}-${id}"${rest}>${props}`).replace(/\s+$/, '');
  });
  return `${head}\n  <body>${bodies.join('')}\n  </body>\n</tmx>\n`;
}

/** The `<file>` elements of each XLIFF piece inside the first piece's `<xliff>` element. */
function joinXliffFiles(texts: readonly string[], renumber: (index: number, file: string) => string): string {
  const files = texts.map((text, index) => {
    const start = text.indexOf('<file');
    const end = text.lastIndexOf('</file>');
    if (start < 0 || end < 0) throw new BitextError('export-failed', 'an XLIFF piece has no <file> element');
    return renumber(index, text.slice(start, end + '</file>'.length));
  });
  const first = texts[0]!;
  return `${first.slice(0, first.indexOf('<file'))}${files.join('\n  ')}${first.slice(first.lastIndexOf('</file>') + '</file>'.length)}`;
}

/** A workbook with one sheet per member, as the one-pair XLSX export lays it out, and an About sheet listing the members. */
async function corpusXlsx(members: readonly CorpusMember[], filters: ExportFilters, now: Date): Promise<RenderedCorpusExport> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = toolInfo.name;
  workbook.created = now;
  workbook.modified = now;
  const extracted: ExportPairs[] = [];
  const sheetNames = new Set<string>();
  const listed: [string, string, string, string, number][] = [];
  for (const member of members) {
    const piece = await toXlsx(member.alignment, { filters, now });
    extracted.push(piece.extracted);
    const single = new ExcelJS.Workbook();
    await single.xlsx.load(piece.bytes as unknown as ArrayBuffer);
    const from = single.getWorksheet('Alignment')!;
    const name = sheetName(member.name, sheetNames);
    const to = workbook.addWorksheet(name, { views: from.views });
    to.columns = from.columns.map((column) => ({ key: column.key ?? '', width: column.width ?? 10 }));
    from.eachRow({ includeEmpty: false }, (row, number) => {
      const copy = to.getRow(number);
      copy.height = row.height;
      row.eachCell({ includeEmpty: true }, (cell, column) => {
        const target = copy.getCell(column);
        target.value = cell.value;
        target.style = cell.style;
      });
    });
    if (from.autoFilter) to.autoFilter = from.autoFilter;
    listed.push([name, baseName(member.alignment.source.path), baseName(member.alignment.target.path), `${piece.extracted.sourceLanguage} → ${piece.extracted.targetLanguage}`, piece.extracted.pairs.length]);
  }
  const about = workbook.addWorksheet('About');
  about.columns = [
    { header: 'sheet', key: 'sheet', width: 32 },
    { header: 'source file', key: 'source', width: 40 },
    { header: 'target file', key: 'target', width: 40 },
    { header: 'languages', key: 'languages', width: 12 },
    { header: 'rows', key: 'rows', width: 8 },
  ];
  about.getRow(1).font = { bold: true };
  for (const [sheet, source, target, languages, rows] of listed) about.addRow({ sheet, source, target, languages, rows });
  about.addRow({});
  about.addRow({ sheet: `${toolInfo.name} ${toolInfo.version}`, source: `exported ${now.toISOString()}` });
  const buffer = await workbook.xlsx.writeBuffer();
  return { data: new Uint8Array(buffer as ArrayBuffer), extracted };
}

/** A sheet name Excel takes: at most 31 characters, none of `[]:*?/\`, unique without case. */
function sheetName(name: string, taken: Set<string>): string {
  const base = name.replace(/[[\]:*?/\\]/g, '_').slice(0, 31) || 'pair';
  let candidate = base;
  for (let suffix = 2; taken.has(candidate.toLowerCase()) || candidate.toLowerCase() === 'about'; suffix++) {
    candidate = `${base.slice(0, 31 - String(suffix).length - 1)}-${suffix}`;
  }
  taken.add(candidate.toLowerCase());
  return candidate;
}

function escapeXml(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');
}
