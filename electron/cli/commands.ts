/**
 * What each `bitext` subcommand is called, does and takes: data only, so that
 * `bitext --help` and a command's own usage line need none of the command's code
 * (the aligner, franc, exceljs…) to be loaded.
 */
import { exportFormats } from '../../shared/formats/export-format-list.ts';

/** The summary and usage line of a subcommand. */
export interface CommandInfo {
  readonly summary: string;
  readonly usage: string;
}

/** Every subcommand, in the order `bitext --help` lists them. */
export const commandInfo = {
  align: {
    summary: 'align two documents paragraph by paragraph; print the alignment JSON',
    usage:
      'bitext align SOURCE TARGET [-o FILE] [--force] [--dictionary FILE] [--srx FILE] [--sentences] [--source-encoding NAME] [--target-encoding NAME] [--source-lang ISO639-3] [--target-lang ISO639-3] [--source-format F] [--target-format F]\n       bitext align FILE.xlf|FILE.tmx [-o FILE] [--force] [--sentences]   (a bilingual file: its pairs, one link a unit)\nFormats (detected from the bytes unless given): text, markdown, html, docx, odt, epub, srt, webvtt, pdf',
  },
  detect: {
    summary: "print each file's language, encoding and paragraphs' languages",
    usage: 'bitext detect FILE… [--json] [--encoding NAME] [--format F]',
  },
  pair: {
    summary: 'list a folder of documents and propose which are translations of which',
    usage: 'bitext pair FOLDER [--json] [--threshold 0.5] [--source-lang ISO639-3]',
  },
  batch: {
    summary: 'align many pairs on worker threads: a manifest, a folder, or JSONL on stdin',
    usage:
      'bitext batch (MANIFEST | --folder DIR) --out DIR [--jobs N] [--force] [--source-lang CODE] | bitext batch --stdin-jsonl [--pairs] [--jobs N]',
  },
  export: {
    summary: 'export the aligned pairs as TMX, XLIFF, CSV/TSV, XLSX or JSONL',
    usage:
      `bitext export (ALIGNMENT… | --from-batch DIR) [-o FILE] [--format ${exportFormats.map((format) => format.id).join('|')}] [--force] ` +
      '[--confirmed-only] [--min-confidence N] [--include-untranslated] [--deduplicate] [--include-rejected] [--unit paragraph|sentence] [--srx FILE] [--keep-unsure-boundaries]',
  },
  report: {
    summary: 'write the review report of an alignment as one HTML file',
    usage: 'bitext report ALIGNMENT [-o FILE] [--force] [--title TEXT]',
  },
} as const satisfies Readonly<Record<string, CommandInfo>>;

/** The name of a subcommand. */
export type CommandName = keyof typeof commandInfo;
