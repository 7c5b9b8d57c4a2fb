/**
 * The project's own errors. Each carries a machine-readable `code` and, where it
 * is about one, the file, line or link it concerns, so a message can name them.
 */

/** What went wrong, as a stable string the UI and the CLI can switch on. */
export type ErrorCode =
  /** The bytes are not text in any encoding the workbench reads (binary, or invalid in the forced encoding). */
  | 'undecodable'
  /** The input is larger than the workbench accepts. */
  | 'too-large'
  /** An alignment file is not valid JSON, or not an alignment. */
  | 'invalid-alignment'
  /** An alignment file was written by a newer version of the schema. */
  | 'unsupported-version'
  /** A document named by an alignment no longer matches its recorded SHA-256. */
  | 'document-changed'
  /** A file could not be read or written. */
  | 'io'
  /** A dictionary file could not be parsed. */
  | 'invalid-dictionary'
  /** An argument is outside what the function accepts. */
  | 'invalid-argument'
  /** An export could not be written. */
  | 'export-failed';

/** Where in which input a problem is. */
export interface ErrorLocation {
  readonly file?: string;
  /** 1-based line in `file`. */
  readonly line?: number;
  /** Index of the link in the alignment's link list. */
  readonly link?: number;
  /** JSON pointer to the field (`/links/3/source`). */
  readonly field?: string;
}

/** An error of the workbench's own, with a code and a location. */
export class BitextError extends Error {
  override readonly name = 'BitextError';
  readonly code: ErrorCode;
  readonly location: ErrorLocation;

  constructor(code: ErrorCode, message: string, location: ErrorLocation = {}, options?: { cause?: unknown }) {
    super(formatMessage(message, location), options);
    this.code = code;
    this.location = location;
  }
}

function formatMessage(message: string, location: ErrorLocation): string {
  const where = [
    location.file && (location.line ? `${location.file}:${location.line}` : location.file),
    location.link !== undefined ? `link ${location.link}` : undefined,
    location.field,
  ].filter(Boolean);
  return where.length > 0 ? `${where.join(', ')}: ${message}` : message;
}

/** True for errors of the workbench's own (as opposed to bugs). */
export function isBitextError(error: unknown): error is BitextError {
  return error instanceof BitextError;
}

/** For exhaustive switches: TypeScript errors here when a case is missing. */
export function assertNever(value: never, what = 'value'): never {
  throw new Error(`Unexpected ${what}: ${JSON.stringify(value)}`);
}
