/**
 * The export formats as a list: name, file extension, media type, whether a
 * format can hold untranslated paragraphs. Data only, with no renderer behind
 * it, so the user interface can offer the formats without loading the XML
 * writers (export-format.ts renders them and re-exports this list).
 */
import { BitextError } from '../errors.ts';
import type { UntranslatedSupport } from './export-pairs.ts';

/** The export formats' identifiers, as the CLI's `--format` takes them. */
export type ExportFormatId = 'tmx' | 'xliff' | 'xliff-1.2' | 'tsv' | 'csv' | 'xlsx' | 'jsonl';

/** What the UI and the CLI know about an export format. */
export interface ExportFormat {
  readonly id: ExportFormatId;
  /** Name shown in the Export… dialog. */
  readonly label: string;
  /** File extension, without the dot; the save dialog's filter and the CLI's guess from `-o`. */
  readonly extension: string;
  readonly mediaType: string;
  /** Whether the format can hold untranslated paragraphs (see `ExportFilters.includeUntranslated`). */
  readonly untranslated: UntranslatedSupport;
  /** `text`: rendered by {@link renderTextExport} in any process; `binary`: rendered by the Node side. */
  readonly output: 'text' | 'binary';
  /** One line for the dialog: who the format is for. */
  readonly description: string;
}

/** Every export format, in the order the Export… dialog lists them. */
export const exportFormats: readonly ExportFormat[] = [
  {
    id: 'tmx',
    label: 'TMX 1.4b',
    extension: 'tmx',
    mediaType: 'application/x-tmx+xml',
    untranslated: 'none',
    output: 'text',
    description: 'Translation memory for CAT tools (Trados, memoQ, OmegaT…)',
  },
  {
    id: 'xliff',
    label: 'XLIFF 2.1',
    extension: 'xlf',
    mediaType: 'application/xliff+xml',
    untranslated: 'source-only',
    output: 'text',
    description: 'Bilingual file for review and translation tools that read XLIFF 2',
  },
  {
    id: 'xliff-1.2',
    label: 'XLIFF 1.2',
    extension: 'xlf',
    mediaType: 'application/xliff+xml',
    untranslated: 'source-only',
    output: 'text',
    description: 'Bilingual file for tools that read only XLIFF 1.2 (most CAT tools, translate-toolkit)',
  },
  {
    id: 'xlsx',
    label: 'Excel workbook',
    extension: 'xlsx',
    mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    untranslated: 'both',
    output: 'binary',
    description: 'Side-by-side sheet for reviewers who work in spreadsheets',
  },
  {
    id: 'csv',
    label: 'CSV',
    extension: 'csv',
    mediaType: 'text/csv',
    untranslated: 'both',
    output: 'text',
    description: 'Comma-separated values (RFC 4180), formula-safe',
  },
  {
    id: 'tsv',
    label: 'TSV',
    extension: 'tsv',
    mediaType: 'text/tab-separated-values',
    untranslated: 'both',
    output: 'text',
    description: 'Tab-separated values, quoted like CSV, formula-safe',
  },
  {
    id: 'jsonl',
    label: 'JSON Lines',
    extension: 'jsonl',
    mediaType: 'application/jsonl',
    untranslated: 'both',
    output: 'text',
    description: 'One pair per line with languages and provenance, for MT training',
  },
];

/** The format with this identifier; throws `invalid-argument` listing the known ones. */
export function exportFormatById(id: string): ExportFormat {
  const format = exportFormats.find((candidate) => candidate.id === id);
  if (!format) {
    const known = exportFormats.map((candidate) => candidate.id).join(', ');
    throw new BitextError('invalid-argument', `unknown export format "${id}" (known: ${known})`, { field: 'format' });
  }
  return format;
}

/**
 * The format a file name's extension stands for, or `undefined`. `.xlf` and
 * `.xliff` mean XLIFF 2.1; 1.2 has to be asked for by name.
 */
export function exportFormatForPath(path: string): ExportFormat | undefined {
  const extension = /\.([A-Za-z0-9]+)$/.exec(path)?.[1]?.toLowerCase();
  if (extension === undefined) return undefined;
  if (extension === 'xlf' || extension === 'xliff') return exportFormatById('xliff');
  return exportFormats.find((format) => format.extension === extension);
}
