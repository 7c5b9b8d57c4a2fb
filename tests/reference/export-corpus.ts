/**
 * Exports the corpus alignment to a file, in a process of its own: the export
 * tests run it under a file-size limit to make the write fail mid-file.
 * Usage: node --import tsx export-corpus.ts FORMAT PATH. Prints `ok BYTES`, or
 * `CODE MESSAGE` and exits 3 when the export fails.
 */
import { exportAlignment } from '../../electron/services/export.ts';
import type { ExportFormatId } from '../../shared/formats/export-format.ts';
import { isBitextError } from '../../shared/errors.ts';
import { corpusAlignment } from './corpus-alignment.ts';

const [format, path] = process.argv.slice(2) as [ExportFormatId, string];
try {
  const result = await exportAlignment(await corpusAlignment(), { format, path, overwrite: true });
  process.stdout.write(`ok ${result.bytes}\n`);
} catch (error) {
  process.stdout.write(`${isBitextError(error) ? error.code : 'bug'} ${(error as Error).message}\n`);
  process.exitCode = 3;
}
