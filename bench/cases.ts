/**
 * A test case for the aligner: two documents and their gold alignment. Shared
 * by the benchmark and the tests.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AlignSide } from '../shared/align/align.ts';
import { parseLinks } from '../shared/model/alignment.ts';

/** Two documents and the alignment a careful reader would make. */
export interface BitextCase {
  readonly name: string;
  readonly source: AlignSide;
  readonly target: AlignSide;
  /** Gold links in the compact form of `formatLinks`. */
  readonly gold: string;
}

const root = new URL('..', import.meta.url);

/** The paragraphs of a corpus file: its non-empty lines, as the gold counts them. */
export function readParagraphLines(path: string): string[] {
  return readFileSync(new URL(path, root), 'utf8')
    .split(/\r\n|\n|\r/u)
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
}

/** Reads a gold file: compact links, `#` lines being comments. */
export function readGold(path: string): string {
  const text = readFileSync(new URL(path, root), 'utf8');
  const compact = text
    .split(/\r?\n/u)
    .filter((line) => !line.trimStart().startsWith('#'))
    .join(' ');
  // Round-trip through the parser so a malformed gold fails here, not in a metric.
  return parseLinks(compact)
    .map((link) => `${link.source.length ? link.source.join(',') : '∅'}-${link.target.length ? link.target.join(',') : '∅'}`)
    .join(' ');
}

/** The corpus pair: an English news page with its clutter, and its Thai translation. */
export function corpusCase(): BitextCase {
  return {
    name: 'corpus en–th',
    source: { texts: readParagraphLines('corpus/nato-asia-2023.en.original-with-page-clutter.txt'), language: 'eng' },
    target: { texts: readParagraphLines('corpus/nato-asia-2023.th.translation.txt'), language: 'tha' },
    gold: readGold('tests/fixtures/gold/nato-asia-2023.en-th.gold.txt'),
  };
}

/**
 * Writes a case's two documents as UTF-8 text files in `directory`, paragraphs
 * separated by blank lines (so no line-joining heuristic can merge them), for
 * running the command line on it. Returns the two paths.
 */
export function writeCaseDocuments(bitext: BitextCase, directory: string, stem: string): { source: string; target: string } {
  mkdirSync(directory, { recursive: true });
  const source = join(directory, `${stem}.${bitext.source.language}.txt`);
  const target = join(directory, `${stem}.${bitext.target.language}.txt`);
  writeFileSync(source, `${bitext.source.texts.join('\n\n')}\n`);
  writeFileSync(target, `${bitext.target.texts.join('\n\n')}\n`);
  return { source, target };
}
