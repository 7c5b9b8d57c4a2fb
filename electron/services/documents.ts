/**
 * Reading documents from disk (Node side): size check, then the pure loader.
 */
import { readFile, stat } from 'node:fs/promises';
import { BitextError } from '../../shared/errors.ts';
import { loadDocument, type LoadOptions } from '../../shared/document/load.ts';
import { parseFormatName } from '../../shared/document/readers/extensions.ts';
import { parseEncodingName } from '../../shared/text/decode.ts';
import { languageTag } from '../../shared/language/detect.ts';
import type { BitextDocument } from '../../shared/model/document.ts';
import { maxDocumentBytes } from '../../shared/document/limits.ts';

export { maxDocumentBytes } from '../../shared/document/limits.ts';

/**
 * Reads and loads the document at `path`.
 *
 * @throws BitextError `io` when it cannot be read, `too-large` above {@link maxDocumentBytes}, `undecodable` when it is not text.
 */
export async function readDocument(path: string, options: LoadOptions = {}): Promise<BitextDocument> {
  return loadDocument(await readDocumentBytes(path), path, options);
}

/** The bytes of the document at `path`, after the size check. */
export async function readDocumentBytes(path: string): Promise<Uint8Array> {
  let size: number;
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new BitextError('io', 'not a regular file', { file: path });
    size = info.size;
  } catch (error) {
    if (error instanceof BitextError) throw error;
    throw new BitextError('io', `cannot read the file (${(error as NodeJS.ErrnoException).code ?? String(error)})`, { file: path }, { cause: error });
  }
  if (size > maxDocumentBytes) {
    const megabytes = (size / 1024 / 1024).toFixed(1);
    throw new BitextError('too-large', `the document is ${megabytes} MiB; the workbench opens documents up to ${maxDocumentBytes / 1024 / 1024} MiB`, { file: path });
  }
  try {
    return new Uint8Array(await readFile(path));
  } catch (error) {
    throw new BitextError('io', `cannot read the file (${(error as NodeJS.ErrnoException).code ?? String(error)})`, { file: path }, { cause: error });
  }
}

/**
 * Load options from the names a user gives on the command line (`--source-encoding cp874`, `--target-lang tha`,
 * `--source-format html`); absent names leave the choice to detection.
 *
 * @throws BitextError `invalid-argument` for a name the workbench does not know.
 */
export function namedLoadOptions(names: { readonly encoding?: string | undefined; readonly language?: string | undefined; readonly format?: string | undefined }): LoadOptions {
  return {
    ...(names.format ? { format: parseFormatName(names.format) } : {}),
    ...(names.encoding ? { encoding: parseEncodingName(names.encoding) } : {}),
    ...(names.language ? { languageOverride: languageTag(names.language, 'Zyyy') } : {}),
  };
}
