/**
 * Alignment files on disk: save (atomic, with a backup), load (with a report
 * on each document: still the same, changed, or missing), and the recovery
 * file the UI autosaves to so that a crash loses little.
 *
 * Loading only ever reads. A file that cannot be loaded (corrupt, truncated,
 * from a newer version, hostile) is left exactly as it is, and the error
 * names it and the problem.
 */
import { createHash } from 'node:crypto';
import { readFile, stat, unlink } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { BitextError, isBitextError } from '../../shared/errors.ts';
import type { Alignment, Side } from '../../shared/model/alignment.ts';
import type { BitextDocument } from '../../shared/model/document.ts';
import {
  alignmentFileChunks,
  alignmentFromFile,
  checkAlignmentFile,
  documentFromRecord,
  findTextMismatch,
  readAlignmentBytes,
  reconstructText,
  serializeAlignmentFile,
  toAlignmentFile,
  type DocumentRecord,
  type WrittenParagraphs,
} from '../../shared/formats/alignment-json.ts';
import { documentText } from '../../shared/document/load.ts';
import { decodeBytes } from '../../shared/text/decode.ts';
import { removeStaleTempFiles, writeFileAtomic } from './atomic-write.ts';
import { maxAlignmentFileBytes, maxDocumentBytes } from '../../shared/document/limits.ts';

export { maxAlignmentFileBytes } from '../../shared/document/limits.ts';

/** Options of {@link loadAlignment} and {@link readRecovery}. */
export interface LoadAlignmentOptions {
  /**
   * The host's containment: called with the absolute path of each document the
   * file names, after the file is parsed and before the document is read; a
   * throw refuses the whole load. The browser host passes the rule it applies to
   * paths the user opens, so an alignment file cannot reach further than a path.
   */
  readonly mayReadDocument?: (path: string) => Promise<void>;
}


/**
 * What became of a document since the alignment was saved:
 * - `ok`: the file is there with the recorded SHA-256; its text is used;
 * - `changed`: the file is there but its bytes differ (or, rarely, decode to
 *   other paragraph texts); the alignment shows the text rebuilt from the
 *   saved paragraphs, and the UI should offer to realign;
 * - `missing`: the file cannot be read; the text is rebuilt likewise.
 */
export type DocumentStatus = 'ok' | 'changed' | 'missing';

/** The check of one document of a loaded alignment. */
export interface DocumentReport {
  readonly side: Side;
  readonly status: DocumentStatus;
  /** Where the document was looked for (absolute). */
  readonly path: string;
  /** The path as the alignment file records it. */
  readonly recordedPath: string;
  readonly recordedSha256: string;
  /** SHA-256 of the file as it is now, when it could be read. */
  readonly actualSha256?: string;
  /** True when the document's text was rebuilt from the paragraph texts in the alignment file (gaps filled with line breaks). */
  readonly reconstructed: boolean;
  /** One line for the user, naming the file. */
  readonly message: string;
  /** What the document's reader says about it (tracked changes taken as accepted…), when its text is the one shown. */
  readonly readerWarnings?: readonly string[];
}

/** What loading found. */
export interface LoadReport {
  /** The alignment file (absolute). */
  readonly file: string;
  /** Set when the file was in an older schema version; saving writes the current one. */
  readonly migratedFrom?: number;
  readonly source: DocumentReport;
  readonly target: DocumentReport;
}

/** A loaded alignment and what loading found. */
export interface LoadedAlignment {
  readonly alignment: Alignment;
  readonly report: LoadReport;
}

/** Options of {@link saveAlignment}. */
export interface SaveOptions {
  /** Replace an existing file; default true. */
  readonly overwrite?: boolean;
  /**
   * The documents' paragraph lists already written (alignment-json.ts's
   * `writeParagraphs`, by the worker that detected their languages), which are
   * most of a long pair's file: only the rest is written here. They must be
   * those of `alignment`'s documents.
   */
  readonly paragraphs?: Readonly<Record<Side, WrittenParagraphs>>;
}

/**
 * Saves `alignment` to `path` atomically, keeping the previous file as
 * `<path>.bak`. Document paths are written relative to the file's folder
 * (with `/`), or absolute when no relative path exists (another drive).
 *
 * With `overwrite: false` an existing file is refused (`BitextError` 'io').
 * The alignment is checked before anything is written: an invalid one throws
 * `BitextError` 'invalid-alignment' and the file on disk is untouched.
 */
export async function saveAlignment(path: string, alignment: Alignment, options: SaveOptions = {}): Promise<void> {
  const data = options.paragraphs ? chunksAround(path, alignment, options.paragraphs) : serializeChecked(path, alignment);
  await writeFileAtomic(path, data, { backup: true, overwrite: options.overwrite ?? true });
}

/**
 * Loads the alignment file at `path` and checks its documents against the
 * recorded hashes. Relative document paths are resolved against the file's
 * folder. Changed or missing documents do not fail the load: they are
 * reported, and their text is rebuilt from the saved paragraph texts.
 *
 * @throws BitextError naming the file: `invalid-alignment`, `unsupported-version`, `too-large` or `io`.
 */
export async function loadAlignment(path: string, options: LoadAlignmentOptions = {}): Promise<LoadedAlignment> {
  const file = resolve(path);
  const content = readAlignmentBytes(await readAlignmentFileBytes(file, path), path);
  // Saves killed mid-write leave their temp files beside the file: opening the folder again clears them.
  await removeStaleTempFiles(dirname(file));
  const folder = dirname(file);
  for (const record of [content.source, content.target]) await options.mayReadDocument?.(resolve(folder, record.path));
  const source = await loadDocumentFor('source', content.source, folder);
  const target = await loadDocumentFor('target', content.target, folder);
  return {
    alignment: alignmentFromFile(content, { source: source.document, target: target.document }),
    report: {
      file,
      ...(content.migratedFrom !== undefined ? { migratedFrom: content.migratedFrom } : {}),
      source: source.report,
      target: target.report,
    },
  };
}

/**
 * Where the autosave of the alignment file `path` goes: a hidden file beside
 * it (`.name.bitext.recovery`), so that relative document paths mean the same
 * in both and reopening `path` finds it.
 */
export function recoveryPathFor(path: string): string {
  const file = resolve(path);
  return join(dirname(file), `.${basename(file)}.recovery`);
}

/** Autosaves `alignment` as the recovery file of `path` (atomic, no backup). `path` itself is not touched. */
export async function writeRecovery(path: string, alignment: Alignment): Promise<void> {
  const recovery = recoveryPathFor(path);
  await writeFileAtomic(recovery, serializeChecked(recovery, alignment));
}

/** Work found in a recovery file. */
export interface RecoveredAlignment extends LoadedAlignment {
  /** The recovery file. */
  readonly recoveryPath: string;
  /** When it was written (its modification time). */
  readonly savedAt: Date;
  /** True when it is newer than the alignment file, or the alignment file does not exist: worth offering. */
  readonly newerThanFile: boolean;
}

/**
 * Reads the recovery file of `path`, if there is one. The UI calls this when
 * opening `path` and offers the recovered work when `newerThanFile`.
 *
 * @throws BitextError naming the recovery file when it exists but cannot be loaded (it is left in place).
 */
export async function readRecovery(path: string, options: LoadAlignmentOptions = {}): Promise<RecoveredAlignment | undefined> {
  const recoveryPath = recoveryPathFor(path);
  const recoveryInfo = await stat(recoveryPath).catch(() => undefined);
  if (!recoveryInfo) return undefined;
  const loaded = await loadAlignment(recoveryPath, options);
  const fileInfo = await stat(resolve(path)).catch(() => undefined);
  return {
    ...loaded,
    recoveryPath,
    savedAt: recoveryInfo.mtime,
    newerThanFile: !fileInfo || recoveryInfo.mtimeMs > fileInfo.mtimeMs,
  };
}

/** Deletes the recovery file of `path` (after a save, or when the user discards it). No error when there is none. */
export async function clearRecovery(path: string): Promise<void> {
  await unlink(recoveryPathFor(path)).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'ENOENT') throw new BitextError('io', `could not delete the recovery file (${error.code})`, { file: recoveryPathFor(path) }, { cause: error });
  });
}

function serializeChecked(path: string, alignment: Alignment): string {
  const folder = dirname(resolve(path));
  const file = toAlignmentFile(alignment, { documentPath: (documentPath) => recordedPath(documentPath, folder) });
  // The loader's own checks on what is written: never write a file that could not be opened again.
  checkAlignmentFile(file, path);
  return serializeAlignmentFile(file);
}

/** The file's bytes around paragraph lists written ahead, checked as {@link serializeChecked} checks a whole file. */
function chunksAround(path: string, alignment: Alignment, paragraphs: Readonly<Record<Side, WrittenParagraphs>>): Uint8Array[] {
  const folder = dirname(resolve(path));
  const withoutParagraphs = (document: BitextDocument): BitextDocument => ({ ...document, paragraphs: [] });
  const rest = { ...alignment, source: withoutParagraphs(alignment.source), target: withoutParagraphs(alignment.target) };
  const file = toAlignmentFile(rest, { documentPath: (documentPath) => recordedPath(documentPath, folder) });
  return alignmentFileChunks(file, paragraphs, path);
}

/** The path to record for a document: relative to `folder` with `/` separators, or absolute on another drive. */
function recordedPath(documentPath: string, folder: string): string {
  const absolute = resolve(documentPath);
  const fromFolder = relative(folder, absolute);
  if (fromFolder === '' || isAbsolute(fromFolder)) return absolute;
  return fromFolder.split(sep).join('/');
}

async function readAlignmentFileBytes(file: string, path: string): Promise<Uint8Array> {
  try {
    const info = await stat(file);
    if (!info.isFile()) throw new BitextError('io', 'not a file', { file: path });
    if (info.size > maxAlignmentFileBytes) {
      throw new BitextError('too-large', `the file is ${info.size} bytes; alignment files are at most ${maxAlignmentFileBytes}`, { file: path });
    }
    return new Uint8Array(await readFile(file));
  } catch (error) {
    if (isBitextError(error)) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    const message = code === 'ENOENT' ? 'the file does not exist' : `could not read the file (${code ?? (error as Error).message})`;
    throw new BitextError('io', message, { file: path }, { cause: error });
  }
}

async function loadDocumentFor(
  side: Side,
  record: DocumentRecord,
  folder: string,
): Promise<{ document: BitextDocument; report: DocumentReport }> {
  const path = resolve(folder, record.path);
  const base = { side, path, recordedPath: record.path, recordedSha256: record.sha256 };
  const rebuilt = (status: DocumentStatus, message: string, actualSha256?: string) => ({
    document: documentFromRecord(record, reconstructText(record), path),
    report: { ...base, status, reconstructed: true, message, ...(actualSha256 ? { actualSha256 } : {}) },
  });

  let bytes: Uint8Array;
  try {
    const info = await stat(path);
    if (!info.isFile()) return rebuilt('missing', `The ${side} document ${path} is not a file; showing the text saved in the alignment.`);
    if (info.size > maxDocumentBytes) {
      return rebuilt('missing', `The ${side} document ${path} is larger than the workbench opens (${info.size} bytes); showing the text saved in the alignment.`);
    }
    bytes = await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    const why = code === 'ENOENT' ? 'is missing' : `cannot be read (${code})`;
    return rebuilt('missing', `The ${side} document ${path} ${why}; showing the text saved in the alignment.`);
  }

  const actualSha256 = createHash('sha256').update(bytes).digest('hex');
  if (actualSha256 !== record.sha256) {
    return rebuilt('changed', `The ${side} document ${path} has changed since the alignment was saved; showing the text saved in the alignment.`, actualSha256);
  }
  let text: string;
  let readerWarnings: readonly string[];
  try {
    // Read exactly as when the offsets were computed: the recorded format and encoding, no detection.
    ({ text, warnings: readerWarnings } = await documentText(bytes, path, record, side));
  } catch {
    const how = record.format && record.format !== 'text' ? `reads as ${record.format}` : `decodes as ${record.encoding.name}`;
    return rebuilt('changed', `The ${side} document ${path} no longer ${how}; showing the text saved in the alignment.`, actualSha256);
  }
  const mismatch = findTextMismatch(record, text);
  if (mismatch !== -1) {
    return rebuilt(
      'changed',
      `The ${side} document ${path} has the recorded hash but its text differs from the alignment's (paragraph ${mismatch}); showing the text saved in the alignment.`,
      actualSha256,
    );
  }
  return {
    document: documentFromRecord(record, text, path),
    report: {
      ...base,
      status: 'ok',
      reconstructed: false,
      message: `The ${side} document ${path} is unchanged.`,
      actualSha256,
      ...(readerWarnings.length > 0 ? { readerWarnings } : {}),
    },
  };
}
