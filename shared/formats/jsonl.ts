/**
 * JSONL export for MT training: one JSON object per line, one line per pair,
 * with the texts exactly as joined (no formula quoting, nothing dropped), the
 * languages, and where each pair came from.
 *
 * A line is `JSON.stringify` of a {@link JsonlRecord}, with U+2028, U+2029 and
 * U+0085 written as `\u` escapes: they are legal inside JSON strings, but some
 * line readers (Python's `str.splitlines`, some editors) break lines at them,
 * which would cut a record in two. Lines end in LF, the last one too.
 */
import type { Alignment, LinkStatus } from '../model/alignment.ts';
import { baseName, extractPairs, type ExportFilters, type ExportPair, type ExportPairs } from './export-pairs.ts';

/** One line of the JSONL export. */
export interface JsonlRecord {
  /** Source text (`''` for a target paragraph with no source, when untranslated paragraphs are included). */
  readonly source: string;
  readonly target: string;
  /** BCP-47 tags of the documents' effective languages. */
  readonly sourceLanguage: string;
  readonly targetLanguage: string;
  readonly status: LinkStatus;
  /** The aligner's confidence in [0, 1], unrounded. */
  readonly confidence: number;
  readonly note?: string;
  readonly tags?: readonly string[];
  readonly provenance: {
    /** File names (no directories: a path can say more about the user than the data needs). */
    readonly sourceFile: string;
    readonly sourceSha256: string;
    readonly targetFile: string;
    readonly targetSha256: string;
    /** The link's number, from 1, as the app shows it (for a sentence unit, of the paragraph link it belongs to). */
    readonly link: number;
    /** Paragraph numbers in each document, from 1, as the app shows them. */
    readonly sourceParagraphs: readonly number[];
    readonly targetParagraphs: readonly number[];
    /** For sentence units: the sentence link's place in its link and its sentences' numbers among the link's (from 1). */
    readonly sentence?: { readonly index: number; readonly source: readonly number[]; readonly target: readonly number[] };
  };
}

/** Options of {@link toJsonl}. */
export interface JsonlOptions {
  /** Which links to export; untranslated paragraphs become records with an empty `source` or `target`. */
  readonly filters?: ExportFilters;
}

/** A JSONL export: the file's text and the pairs it holds. */
export interface JsonlExport {
  readonly text: string;
  readonly extracted: ExportPairs;
}

/** The alignment as JSONL text, one {@link JsonlRecord} per line. */
export function toJsonl(alignment: Alignment, options: JsonlOptions = {}): JsonlExport {
  const extracted = extractPairs(alignment, options.filters, 'both');
  const lines = extracted.pairs.map((pair) => {
    const record: JsonlRecord = {
      source: pair.source,
      target: pair.target,
      sourceLanguage: extracted.sourceLanguage,
      targetLanguage: extracted.targetLanguage,
      status: pair.status,
      confidence: pair.confidence,
      ...(pair.note !== undefined ? { note: pair.note } : {}),
      ...(pair.tags.length > 0 ? { tags: pair.tags } : {}),
      provenance: {
        sourceFile: baseName(alignment.source.path),
        sourceSha256: alignment.source.sha256,
        targetFile: baseName(alignment.target.path),
        targetSha256: alignment.target.sha256,
        link: pair.link + 1,
        sourceParagraphs: pair.sourceParagraphs.map((index) => index + 1),
        targetParagraphs: pair.targetParagraphs.map((index) => index + 1),
        ...(pair.sentence ? { sentence: numberedFromOne(pair.sentence) } : {}),
      },
    };
    return JSON.stringify(record).replace(/[\u2028\u2029\u0085]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
  });
  return { text: lines.map((line) => `${line}\n`).join(''), extracted };
}

/** A sentence unit's place and sentences, numbered from 1 like everything a person reads. */
function numberedFromOne(sentence: NonNullable<ExportPair['sentence']>): { index: number; source: number[]; target: number[] } {
  return { index: sentence.index + 1, source: sentence.source.map((index) => index + 1), target: sentence.target.map((index) => index + 1) };
}
