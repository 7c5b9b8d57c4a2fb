/**
 * XLSX export (Node side, exceljs): the pairs side by side for reviewers who
 * work in spreadsheets, one row per link, and an "About" sheet saying which
 * documents, languages and filters the rows come from.
 *
 * Cells are written as text cells, never formulas: a paragraph starting with
 * `=` stays text in Excel and LibreOffice (the CSV export needs a `'` for that;
 * XLSX does not). Characters XML forbids are dropped (the file is XML inside).
 * Known limit: Excel reads `_xHHHH_` inside a text cell as an escaped character,
 * so a paragraph that literally contains such a sequence shows differently there.
 */
import ExcelJS from 'exceljs';
import { BitextError } from '../../shared/errors.ts';
import { baseName, extractPairs, type ExportFilters, type ExportPairs } from '../../shared/formats/export-pairs.ts';
import type { Alignment, LinkStatus } from '../../shared/model/alignment.ts';
import { toolInfo } from '../../shared/version.ts';

/** Options of {@link toXlsx}. */
export interface XlsxOptions {
  /** Which links to export; untranslated paragraphs become rows with an empty source or target. */
  readonly filters?: ExportFilters;
  /** The export time written on the About sheet. Default: now. */
  readonly now?: Date;
}

/** An XLSX export: the file's bytes and the pairs it holds. */
export interface XlsxExport {
  readonly bytes: Uint8Array;
  readonly extracted: ExportPairs;
}

/** The most characters an Excel cell holds. */
export const maxCellCharacters = 32_767;

/**
 * The font of every cell. Tahoma has Thai glyphs on Windows and macOS (Calibri,
 * Excel's default, has none, so Thai falls back to whatever the system picks),
 * and LibreOffice maps it to a metric-compatible font with Thai fallback.
 */
export const spreadsheetFont = 'Tahoma';

/** Column headers of the main sheet, in order. */
export const xlsxColumns = ['#', 'source', 'target', 'status', 'confidence', 'note', 'tags'] as const;

const statusFill: Record<LinkStatus, string> = { confirmed: 'FFDDF2DD', auto: 'FFFFFFFF', rejected: 'FFF8D7DA' };

/**
 * The alignment as an XLSX workbook: sheet "Alignment" with columns #, source,
 * target, status, confidence, note, tags (`#` is the link's number from 1, as in the
 * other exports), header row frozen and filterable, text wrapped and top
 * aligned; sheet "About" with the provenance.
 *
 * Throws `export-failed` naming the link when a text is longer than an Excel
 * cell holds ({@link maxCellCharacters}), rather than writing a file Excel
 * would have to repair.
 */
export async function toXlsx(alignment: Alignment, options: XlsxOptions = {}): Promise<XlsxExport> {
  const extracted = extractPairs(alignment, options.filters, 'both');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = toolInfo.name;
  const now = options.now ?? new Date();
  workbook.created = now;
  workbook.modified = now;

  const sheet = workbook.addWorksheet('Alignment', { views: [{ state: 'frozen', ySplit: 1, xSplit: 0 }] });
  const font = { name: spreadsheetFont, size: 10 };
  sheet.columns = [
    { header: '#', key: 'link', width: 6 },
    { header: `source (${extracted.sourceLanguage})`, key: 'source', width: 60 },
    { header: `target (${extracted.targetLanguage})`, key: 'target', width: 60 },
    { header: 'status', key: 'status', width: 11 },
    { header: 'confidence', key: 'confidence', width: 11 },
    { header: 'note', key: 'note', width: 32 },
    { header: 'tags', key: 'tags', width: 16 },
  ];
  const header = sheet.getRow(1);
  header.font = { ...font, bold: true };
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE7E9EE' } };
  header.alignment = { vertical: 'middle', wrapText: true };
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: xlsxColumns.length } };

  for (const pair of extracted.pairs) {
    const texts = { source: pair.source, target: pair.target, note: pair.note ?? '', tags: pair.tags.join('; ') };
    for (const [field, text] of Object.entries(texts)) {
      if (text.length > maxCellCharacters) {
        throw new BitextError('export-failed', `the ${field} text has ${text.length} characters; an Excel cell holds ${maxCellCharacters}`, {
          link: pair.link,
        });
      }
    }
    const row = sheet.addRow({
      // Numbered from 1, as the app shows links.
      link: pair.link + 1,
      source: cellText(texts.source),
      target: cellText(texts.target),
      status: pair.status,
      confidence: pair.confidence,
      note: cellText(texts.note),
      tags: cellText(texts.tags),
    });
    row.font = font;
    row.alignment = { vertical: 'top', wrapText: true };
    row.height = estimatedHeight([texts.source, texts.target], 60, texts.note, 32);
    row.getCell('confidence').numFmt = '0.00';
    row.getCell('status').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: statusFill[pair.status] } };
    if (pair.confidence < 0.5) {
      row.getCell('confidence').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF3CD' } };
    }
  }

  const about = workbook.addWorksheet('About');
  about.columns = [
    { header: 'field', key: 'field', width: 22 },
    { header: 'value', key: 'value', width: 90 },
  ];
  about.getRow(1).font = { ...font, bold: true };
  const filters = options.filters ?? {};
  const rows: [string, string | number][] = [
    ['tool', `${toolInfo.name} ${toolInfo.version}`],
    ['exported', now.toISOString()],
    ['source file', baseName(alignment.source.path)],
    ['source sha256', alignment.source.sha256],
    ['source language', extracted.sourceLanguage],
    ['target file', baseName(alignment.target.path)],
    ['target sha256', alignment.target.sha256],
    ['target language', extracted.targetLanguage],
    ['links in alignment', alignment.links.length],
    ['rows exported', extracted.pairs.length],
    ['unit', filters.unit === 'sentence' ? 'sentence (# is the paragraph link each sentence pair belongs to)' : 'paragraph'],
    ['filters', describeFilters(filters)],
    ['left out', describeSkipped(extracted)],
  ];
  for (const [field, value] of rows) {
    const row = about.addRow({ field, value: typeof value === 'string' ? cellText(value) : value });
    row.font = font;
    row.alignment = { vertical: 'top', wrapText: true };
  }

  const buffer = await workbook.xlsx.writeBuffer();
  return { bytes: new Uint8Array(buffer as ArrayBuffer), extracted };
}

/**
 * A cell's value: the text without the characters XML forbids (C0 controls
 * but tab and LF, U+FFFE, U+FFFF), or no value for an empty text, so that an
 * untranslated side is an empty cell, not a cell holding ''.
 */
function cellText(text: string): string | null {
  const clean = text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '');
  return clean === '' ? null : clean;
}

/**
 * A row height (points) that shows the longest wrapped cell: Excel does not
 * grow rows to fit wrapped text in a file it did not lay out itself. About one
 * character per width unit, 13 points a line, at most Excel's 409.
 */
function estimatedHeight(texts: readonly string[], width: number, note: string, noteWidth: number): number {
  const lines = (text: string, columnWidth: number) =>
    text.split('\n').reduce((sum, line) => sum + Math.max(1, Math.ceil(line.length / columnWidth)), 0);
  const most = Math.max(...texts.map((text) => lines(text, width)), lines(note, noteWidth));
  return Math.min(409, Math.max(15, most * 13 + 4));
}

function describeFilters(filters: ExportFilters): string {
  const parts = [
    filters.confirmedOnly ? 'confirmed only' : undefined,
    filters.minConfidence ? `confidence ≥ ${filters.minConfidence}` : undefined,
    filters.includeUntranslated ? 'untranslated paragraphs included' : undefined,
    filters.deduplicate ? 'duplicates removed' : undefined,
    filters.includeRejected ? 'rejected links included' : undefined,
    filters.segmentation ? 'sentences cut by SRX rules' : undefined,
  ].filter((part) => part !== undefined);
  return parts.length > 0 ? parts.join(', ') : 'none';
}

function describeSkipped({ skipped }: ExportPairs): string {
  const parts = [
    skipped.untranslated ? `${skipped.untranslated} untranslated` : undefined,
    skipped.rejected ? `${skipped.rejected} rejected` : undefined,
    skipped.unconfirmed ? `${skipped.unconfirmed} not confirmed` : undefined,
    skipped.lowConfidence ? `${skipped.lowConfidence} below the minimum confidence` : undefined,
    skipped.duplicate ? `${skipped.duplicate} duplicates` : undefined,
  ].filter((part) => part !== undefined);
  return parts.length > 0 ? parts.join(', ') : 'nothing';
}
