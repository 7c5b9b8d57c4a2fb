/**
 * The export formats: one entry per format with what the Export… dialog and the
 * CLI need to know (name, file extension, whether it can hold untranslated
 * paragraphs), and one function that renders the text formats.
 *
 * XLSX is listed here too but rendered on the Node side
 * (electron/services/xlsx.ts): exceljs builds a zip, which the shared layer
 * leaves to the main process.
 */
import type { Alignment } from '../model/alignment.ts';
import { assertNever, BitextError } from '../errors.ts';
import type { ExportFilters, ExportPairs } from './export-pairs.ts';
import type { ExportFormatId } from './export-format-list.ts';
import { toDelimited } from './delimited.ts';
import { toJsonl } from './jsonl.ts';
import { toTmx } from './tmx.ts';
import { toXliff } from './xliff.ts';

export { exportFormatById, exportFormatForPath, exportFormats } from './export-format-list.ts';
export type { ExportFormat, ExportFormatId } from './export-format-list.ts';

/** Options every export takes. */
export interface ExportOptions {
  readonly filters?: ExportFilters;
  /** The export time, where a format records one. Default: now. */
  readonly now?: Date;
}

/** A rendered text export: the file's text and what it holds. */
export interface TextExport {
  readonly text: string;
  readonly extracted: ExportPairs;
}

/**
 * Renders a text format. Throws `invalid-argument` for a binary format (XLSX),
 * which the Node side renders.
 */
export function renderTextExport(alignment: Alignment, id: ExportFormatId, options: ExportOptions = {}): TextExport {
  const { filters, now } = options;
  switch (id) {
    case 'tmx': {
      const result = toTmx(alignment, { filters, ...(now ? { now } : {}) });
      return { text: result.xml, extracted: result.extracted };
    }
    case 'xliff':
    case 'xliff-1.2': {
      const result = toXliff(alignment, { version: id === 'xliff' ? '2.1' : '1.2', filters, ...(now ? { now } : {}) });
      return { text: result.xml, extracted: result.extracted };
    }
    case 'csv':
    case 'tsv':
      return toDelimited(alignment, id, { filters });
    case 'jsonl':
      return toJsonl(alignment, { filters });
    case 'xlsx':
      throw new BitextError('invalid-argument', 'XLSX is a binary format, rendered by the Node side (electron/services/xlsx.ts)', {
        field: 'format',
      });
    default:
      return assertNever(id, 'export format');
  }
}
