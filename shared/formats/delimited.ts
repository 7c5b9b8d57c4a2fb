/**
 * TSV and CSV export: one row per pair, columns `source`, `target`, `status`,
 * `confidence`, `note`, `tags` (and `link`, the paragraph link, for sentence
 * units), after a header row.
 *
 * Both follow RFC 4180 (with a tab as the delimiter for TSV): records end in
 * CRLF, a field holding the delimiter, a quote, CR or LF is quoted, and quotes
 * in it are doubled. The file starts with a UTF-8 byte-order mark by default,
 * because Excel reads a CSV without one in the system's legacy code page and
 * shows Thai as mojibake.
 *
 * Formula neutralisation: a paragraph such as `=HYPERLINK(...)` could run on
 * the reviewer's machine. What runs, measured with LibreOffice Calc 7.4
 * (`--infilter=CSV:44,34,76,1 --convert-to xlsx`, read back with openpyxl;
 * tests/shared/formats/delimited-libreoffice.test.ts): exactly the cells whose
 * first character is `=`. A leading CR, LF, tab, space, no-break or
 * ideographic space, BOM, zero-width space, full-width `＝＋－＠`, and a
 * leading `+`, `-` or `@` are all read as text (`-1` and `+1` as numbers). Excel
 * and Google Sheets, which cannot run here, also run cells starting with `+`,
 * `-` or `@`, and strip a leading tab or CR before looking (OWASP's CSV
 * injection page), so those are neutralised too. Every text cell (source,
 * target, note, tags) that starts with one of them gets a `'` in front, which
 * Excel hides and LibreOffice shows. The cell's text then differs from the
 * document's by that leading quote; use JSONL where the exact text matters (MT
 * training).
 */
import type { Alignment } from '../model/alignment.ts';
import { extractPairs, formatConfidence, linkNumber, type ExportFilters, type ExportPairs } from './export-pairs.ts';

/** The two delimited formats. */
export type DelimitedKind = 'csv' | 'tsv';

/** Options of {@link toDelimited}. */
export interface DelimitedOptions {
  /** Which links to export; untranslated paragraphs become rows with an empty source or target cell. */
  readonly filters?: ExportFilters;
  /** Start with a UTF-8 byte-order mark (U+FEFF) so Excel reads the file as UTF-8. Default `true`. */
  readonly byteOrderMark?: boolean;
}

/** A delimited export: the file's text and the pairs it holds. */
export interface DelimitedExport {
  readonly text: string;
  readonly extracted: ExportPairs;
}

/** The header row's column names, in order. */
export const delimitedColumns = ['source', 'target', 'status', 'confidence', 'note', 'tags'] as const;

/** The characters that make a spreadsheet read a cell as a formula when they start it (LibreOffice: `=` only; Excel: all). */
const formulaStart = /^[=+\-@\t\r]/;

/**
 * The cell text a spreadsheet will show as text: a `'` in front when the text
 * starts with a character that would make it a formula (see the module comment).
 */
export function neutraliseFormula(text: string): string {
  return formulaStart.test(text) ? `'${text}` : text;
}

/** One field of a record, quoted when it holds the delimiter, a quote or a line break; quotes doubled. */
export function quoteField(text: string, delimiter: string): string {
  return text.includes(delimiter) || /["\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * The alignment as CSV or TSV text. Text cells are formula-neutralised; the
 * status and confidence cells are the workbench's own values.
 */
export function toDelimited(alignment: Alignment, kind: DelimitedKind, options: DelimitedOptions = {}): DelimitedExport {
  const delimiter = kind === 'csv' ? ',' : '\t';
  const extracted = extractPairs(alignment, options.filters, 'both');
  const record = (fields: readonly string[]) => fields.map((field) => quoteField(field, delimiter)).join(delimiter);
  // Sentence units record the paragraph link they belong to, in a last column (paragraph exports keep their columns).
  const sentences = options.filters?.unit === 'sentence';
  const rows = [record(sentences ? [...delimitedColumns, 'link'] : delimitedColumns)];
  for (const pair of extracted.pairs) {
    rows.push(
      record([
        neutraliseFormula(pair.source),
        neutraliseFormula(pair.target),
        pair.status,
        formatConfidence(pair.confidence),
        neutraliseFormula(pair.note ?? ''),
        neutraliseFormula(pair.tags.join('; ')),
        ...(sentences ? [linkNumber(pair.link)] : []),
      ]),
    );
  }
  const bom = options.byteOrderMark === false ? '' : '\uFEFF';
  return { text: `${bom}${rows.join('\r\n')}\r\n`, extracted };
}
