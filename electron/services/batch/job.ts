/**
 * One job of a batch, as a worker runs it: align two files into an alignment
 * file, or two texts into one JSON line. Uses the same services as
 * `bitext align` (readDocument, alignDocuments, saveAlignment), so a pair's
 * links are the same whichever way it was aligned.
 */
import { resolve } from 'node:path';
import { BitextError, isBitextError, type ErrorCode } from '../../../shared/errors.ts';
import { loadDocument, type LoadOptions } from '../../../shared/document/load.ts';
import { languageTag } from '../../../shared/language/detect.ts';
import { effectiveLanguage } from '../../../shared/model/document.ts';
import { alignDocuments } from '../../../shared/pipeline.ts';
import { pairStats, type PairStats } from '../../../shared/corpus/batch-stats.ts';
import { iso6393FromUser } from '../../../shared/corpus/language-code.ts';
import { joinParagraphs } from '../../../shared/formats/export-pairs.ts';
import { saveAlignment } from '../alignment-store.ts';
import { readDocument } from '../documents.ts';

/** Align two files and save the alignment at `output`. */
export interface FileJob {
  readonly kind: 'files';
  readonly source: string;
  readonly target: string;
  readonly output: string;
  /** ISO 639-3 codes overriding detection. */
  readonly sourceLanguage?: string;
  readonly targetLanguage?: string;
}

/** Align two texts given inline (a `--stdin-jsonl` record) and render the result line. */
export interface TextJob {
  readonly kind: 'texts';
  readonly id: unknown;
  readonly sourceText: string;
  readonly targetText: string;
  readonly sourceLanguage?: string;
  readonly targetLanguage?: string;
  /** Add the joined texts of each link to the record. */
  readonly pairs: boolean;
}

export type BatchJob = FileJob | TextJob;

/** What a file job reports. */
export interface FileJobResult {
  readonly kind: 'files';
  readonly stats: PairStats;
  readonly sourceLanguage: string;
  readonly targetLanguage: string;
}

/** What a text job reports: the JSON line to write (without its line end). */
export interface TextJobResult {
  readonly kind: 'texts';
  readonly line: string;
}

export type BatchJobResult = FileJobResult | TextJobResult;

/** A job's failure as it crosses the worker boundary (an Error's class does not survive structured cloning). */
export interface JobFailure {
  readonly code: ErrorCode | 'internal';
  readonly message: string;
  readonly file?: string;
}

/** Runs one job. Throws what the services throw (a `BitextError` for the user's mistakes). */
export async function runJob(job: BatchJob): Promise<BatchJobResult> {
  return job.kind === 'files' ? runFileJob(job) : runTextJob(job);
}

async function runFileJob(job: FileJob): Promise<FileJobResult> {
  const [source, target] = await Promise.all([
    readDocument(job.source, { ...languageOption(job.sourceLanguage), detectParagraphs: false }),
    readDocument(job.target, { ...languageOption(job.targetLanguage), detectParagraphs: false }),
  ]);
  const alignment = alignDocuments(source, target);
  // As `bitext align -o`: absolute paths in, and the store writes them relative to the file's folder.
  const absolute = { ...alignment, source: { ...alignment.source, path: resolve(job.source) }, target: { ...alignment.target, path: resolve(job.target) } };
  await saveAlignment(job.output, absolute, { overwrite: true });
  return {
    kind: 'files',
    stats: pairStats(alignment),
    sourceLanguage: effectiveLanguage(alignment.source.language).bcp47,
    targetLanguage: effectiveLanguage(alignment.target.language).bcp47,
  };
}

/**
 * The output record of a text job: `id`, the languages, `links` (0-based
 * paragraph indices, as in the alignment file, with confidence), and with
 * `pairs` the texts of each link with both sides.
 */
async function runTextJob(job: TextJob): Promise<TextJobResult> {
  const encoder = new TextEncoder();
  const [source, target] = await Promise.all([
    loadDocument(encoder.encode(job.sourceText), `${String(job.id)}.source`, { ...languageOption(job.sourceLanguage), detectParagraphs: false }),
    loadDocument(encoder.encode(job.targetText), `${String(job.id)}.target`, { ...languageOption(job.targetLanguage), detectParagraphs: false }),
  ]);
  const alignment = alignDocuments(source, target, { now: '1970-01-01T00:00:00.000Z' });
  const record = {
    id: job.id,
    source_lang: effectiveLanguage(alignment.source.language).bcp47,
    target_lang: effectiveLanguage(alignment.target.language).bcp47,
    links: alignment.links.map((link) => ({ source: link.source, target: link.target, confidence: Math.round(link.confidence * 1000) / 1000 })),
    ...(job.pairs
      ? {
          pairs: alignment.links
            .filter((link) => link.source.length > 0 && link.target.length > 0)
            .map((link) => ({ source: joinParagraphs(alignment.source, link.source), target: joinParagraphs(alignment.target, link.target), confidence: Math.round(link.confidence * 1000) / 1000 })),
        }
      : {}),
  };
  return { kind: 'texts', line: jsonLine(record) };
}

/** A record as one JSON line: U+2028/U+2029 escaped, as the JSONL export does, so no line reader cuts it. */
export function jsonLine(record: unknown): string {
  return JSON.stringify(record).replace(/[\u2028\u2029\u0085]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** A thrown value as a {@link JobFailure}. */
export function toFailure(error: unknown): JobFailure {
  if (isBitextError(error)) return { code: error.code, message: error.message, ...(error.location.file ? { file: error.location.file } : {}) };
  return { code: 'internal', message: error instanceof Error ? error.message : String(error) };
}

function languageOption(code: string | undefined): LoadOptions {
  if (code === undefined) return {};
  const iso6393 = iso6393FromUser(code);
  if (iso6393 === undefined) throw new BitextError('invalid-argument', `a language is an ISO 639-3 code (eng) or a BCP-47 tag (en), got "${code}"`);
  return { languageOverride: languageTag(iso6393, 'Zyyy') };
}
