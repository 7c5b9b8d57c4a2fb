/**
 * `bitext batch --stdin-jsonl`: JSON Lines in, JSON Lines out, one output
 * record per input record, in input order — the contract of a map step in
 * Spark's `RDD.pipe` or Hadoop Streaming. Memory stays bounded: at most
 * `inFlight` records are read ahead of the one being written, input is read
 * only as fast as results are written, and writing waits for the output to
 * drain (a slow consumer slows the reading, not the heap).
 */
import { once } from 'node:events';
import type { Readable, Writable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { maxDocumentBytes } from '../../../shared/document/limits.ts';
import { jsonLine, type TextJob } from './job.ts';
import { JobError, type BatchPool } from './pool.ts';

/** Options of {@link alignJsonlStream}. */
export interface StreamOptions {
  readonly pool: BatchPool;
  /** Records being aligned or waiting to be written, at most. */
  readonly inFlight: number;
  /** Add each link's texts to the output records. */
  readonly pairs: boolean;
}

/** What a run did. */
export interface StreamSummary {
  readonly records: number;
  readonly errors: number;
}

/** A line longer than this (two of the largest documents, as JSON) is refused unread. */
export const maxRecordCharacters = 2 * maxDocumentBytes + 1024 * 1024;

/** Reads records from `input`, writes one result line per record to `output`, in order. */
export async function alignJsonlStream(input: Readable, output: Writable, options: StreamOptions): Promise<StreamSummary> {
  const window: Promise<{ line: string; error: boolean }>[] = [];
  let records = 0;
  let errors = 0;
  const writeHead = async (): Promise<void> => {
    const { line, error } = await window.shift()!;
    if (error) errors++;
    if (!output.write(`${line}\n`)) await once(output, 'drain');
  };
  for await (const raw of readLines(input)) {
    if (typeof raw === 'string' && raw.trim() === '') continue;
    records++;
    const lineNumber = records;
    window.push(
      typeof raw === 'string'
        ? alignRecord(raw, lineNumber, options)
        : Promise.resolve({ line: jsonLine({ id: null, error: `record ${lineNumber} is longer than ${maxRecordCharacters} characters` }), error: true }),
    );
    while (window.length >= Math.max(1, options.inFlight)) await writeHead();
  }
  while (window.length > 0) await writeHead();
  return { records, errors };
}

/** A line of input that was too long to keep. */
interface TooLong {
  readonly tooLong: true;
}

/** The lines of `input` (LF or CRLF), read chunk by chunk as they are asked for. */
export async function* readLines(input: AsyncIterable<Buffer | string>): AsyncGenerator<string | TooLong> {
  const decoder = new StringDecoder('utf8');
  let rest = '';
  let overflow = false;
  for await (const chunk of input) {
    rest += typeof chunk === 'string' ? chunk : decoder.write(chunk);
    let start = 0;
    for (let end = rest.indexOf('\n'); end >= 0; end = rest.indexOf('\n', start)) {
      yield overflow ? { tooLong: true } : rest.slice(start, end).replace(/\r$/, '');
      overflow = false;
      start = end + 1;
    }
    rest = rest.slice(start);
    if (rest.length > maxRecordCharacters) {
      overflow = true;
      rest = '';
    }
  }
  rest += decoder.end();
  if (overflow) yield { tooLong: true };
  else if (rest.trim() !== '') yield rest.replace(/\r$/, '');
}

async function alignRecord(raw: string, lineNumber: number, options: StreamOptions): Promise<{ line: string; error: boolean }> {
  let id: unknown = null;
  try {
    const job = parseRecord(raw, lineNumber, options.pairs);
    id = job.id;
    const result = await options.pool.run(job);
    if (result.kind !== 'texts') throw new Error('a text job returned a file result');
    return { line: result.line, error: false };
  } catch (error) {
    if (error instanceof RecordError) id = error.id;
    const message = error instanceof JobError ? error.failure.message : error instanceof Error ? error.message : String(error);
    return { line: jsonLine({ id, error: message }), error: true };
  }
}

/** A record that is JSON but not a record this command takes; `id` is the record's, when it has one. */
class RecordError extends Error {
  constructor(
    message: string,
    readonly id: unknown,
  ) {
    super(message);
  }
}

/** A record as a job; throws an Error whose message becomes the record's `error`. */
export function parseRecord(raw: string, lineNumber: number, pairs: boolean): TextJob {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch (error) {
    throw new Error(`record ${lineNumber} is not JSON: ${(error as Error).message}`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error(`record ${lineNumber} is not a JSON object`);
  const record = value as Record<string, unknown>;
  const id = record.id ?? null;
  const fail = (message: string): never => {
    throw new RecordError(message, id);
  };
  const text = (key: string): string => (typeof record[key] === 'string' ? record[key] : fail(`"${key}" must be a string`));
  const language = (key: 'source_lang' | 'target_lang'): { sourceLanguage?: string; targetLanguage?: string } => {
    const value = record[key];
    if (value === undefined || value === null) return {};
    if (typeof value !== 'string') return fail(`"${key}" must be a string`);
    return key === 'source_lang' ? { sourceLanguage: value } : { targetLanguage: value };
  };
  if (!('id' in record)) fail(`record ${lineNumber} has no "id"`);
  return { kind: 'texts', id, sourceText: text('source_text'), targetText: text('target_text'), ...language('source_lang'), ...language('target_lang'), pairs };
}
