/**
 * Exporting an alignment to a file (Node side): render the format, then write
 * it atomically. Used by the Export… dialog (through the API) and by
 * `bitext export`.
 *
 * Two promises: an existing file is never replaced unless the caller says so
 * (`overwrite`), and a failed export leaves no file and no partial file behind:
 * the whole export is rendered in memory first, and only then written, through
 * a temporary file renamed into place.
 */
import { lstat } from 'node:fs/promises';
import { BitextError, isBitextError } from '../../shared/errors.ts';
import type { ExportFilters, ExportPairs, ExportSkipped } from '../../shared/formats/export-pairs.ts';
import { exportFormatById, renderTextExport, type ExportFormatId } from '../../shared/formats/export-format.ts';
import type { Alignment } from '../../shared/model/alignment.ts';
import { writeFileAtomic } from './atomic-write.ts';
import { addSkipped, renderCorpus, type CorpusMember } from './batch/corpus-export.ts';
import { toXlsx } from './xlsx.ts';

/** What to export, and where. */
export interface ExportRequest {
  readonly format: ExportFormatId;
  /** The file to write. */
  readonly path: string;
  readonly filters?: ExportFilters;
  /** Replace `path` if it exists. Default `false`: an existing file is an error (`export-failed`, naming it). */
  readonly overwrite?: boolean;
  /** The export time, where a format records one. Default: now. */
  readonly now?: Date;
}

/** What an export wrote. */
export interface ExportResult {
  readonly path: string;
  readonly format: ExportFormatId;
  /** Pairs (rows, units, records) written. */
  readonly pairs: number;
  /** Links left out, by reason. */
  readonly skipped: ExportSkipped;
  readonly bytes: number;
}

/** A rendered export, not yet written: the file's content and the pairs in it. */
export interface RenderedExport {
  readonly data: string | Uint8Array;
  readonly extracted: ExportPairs;
}

/** Renders `alignment` in `format` (any format, XLSX included) without writing anything. */
export async function renderExport(
  alignment: Alignment,
  format: ExportFormatId,
  options: { readonly filters?: ExportFilters; readonly now?: Date } = {},
): Promise<RenderedExport> {
  const info = exportFormatById(format);
  if (info.output === 'binary') {
    const { bytes, extracted } = await toXlsx(alignment, options);
    return { data: bytes, extracted };
  }
  const { text, extracted } = renderTextExport(alignment, format, options);
  return { data: text, extracted };
}

/**
 * Exports `alignment` to `request.path`.
 *
 * Throws `BitextError`: `export-failed` when the file exists and `overwrite`
 * is not set (checked before rendering, so the user is asked at once) or when
 * the format cannot hold what is left after the filters; `invalid-argument` for
 * an unknown format or a bad filter; `io` when the file cannot be written.
 * In every case nothing is left at `path` that was not there before.
 */
export async function exportAlignment(alignment: Alignment, request: ExportRequest): Promise<ExportResult> {
  return writeExport(request, async (options) => {
    const { data, extracted } = await renderExport(alignment, request.format, options);
    return { data, pairs: extracted.pairs.length, skipped: extracted.skipped };
  });
}

/**
 * Exports several alignments (a corpus, a batch's output) into one file at
 * `request.path`, with the same promises as {@link exportAlignment}: an
 * existing file is kept unless `overwrite`, and nothing is left behind on failure.
 */
export async function exportCorpus(members: readonly CorpusMember[], request: ExportRequest): Promise<ExportResult> {
  return writeExport(request, async (options) => {
    const { data, extracted } = await renderCorpus(members, request.format, options);
    return { data, pairs: extracted.reduce((sum, pairs) => sum + pairs.pairs.length, 0), skipped: addSkipped(extracted) };
  });
}

/**
 * What both exports share: the format checked and an existing file refused
 * before rendering (so the user is asked at once), then one atomic write.
 */
async function writeExport(
  request: ExportRequest,
  render: (options: { filters?: ExportFilters; now?: Date }) => Promise<{ data: string | Uint8Array; pairs: number; skipped: ExportSkipped }>,
): Promise<ExportResult> {
  const overwrite = request.overwrite ?? false;
  exportFormatById(request.format);
  if (!overwrite && (await exists(request.path))) {
    throw new BitextError('export-failed', 'the file already exists; choose another name or allow overwriting (--force)', {
      file: request.path,
    });
  }
  const { data, pairs, skipped } = await render({
    ...(request.filters ? { filters: request.filters } : {}),
    ...(request.now ? { now: request.now } : {}),
  });
  try {
    // writeFileAtomic refuses an existing file itself too, closing the gap between the check above and the write.
    await writeFileAtomic(request.path, data, { overwrite });
  } catch (error) {
    if (isBitextError(error)) throw error;
    throw new BitextError('io', `could not write the export: ${(error as Error).message}`, { file: request.path }, { cause: error });
  }
  return { path: request.path, format: request.format, pairs, skipped, bytes: typeof data === 'string' ? Buffer.byteLength(data, 'utf8') : data.byteLength };
}

async function exists(path: string): Promise<boolean> {
  try {
    await lstat(path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw new BitextError('io', `cannot check the export path (${(error as NodeJS.ErrnoException).code ?? String(error)})`, { file: path }, { cause: error });
  }
}
