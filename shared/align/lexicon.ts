/**
 * Bilingual word lists the user can give the aligner as extra evidence: a TSV
 * file (`source<TAB>target` per line) or a hunalign dictionary (`.dic`,
 * `target @ source` per line, as hunalign reads it).
 */
import { BitextError } from '../errors.ts';

/** One translation pair. Phrases may hold several words. */
export interface LexiconEntry {
  readonly source: string;
  readonly target: string;
  /** 1-based line in the file it came from. */
  readonly line: number;
}

/** The dictionary formats the workbench reads. */
export type LexiconFormat =
  /** `source<TAB>target` per line. */
  | 'tsv'
  /** hunalign's `.dic`: `target @ source` per line. */
  | 'hunalign';

/** A parsed dictionary. */
export interface Lexicon {
  readonly fileName: string;
  readonly format: LexiconFormat;
  readonly entries: readonly LexiconEntry[];
}

const hunalignSeparator = ' @ ';

function detectFormat(lines: readonly string[], fileName: string): LexiconFormat {
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.dic')) return 'hunalign';
  if (lower.endsWith('.tsv') || lower.endsWith('.tab')) return 'tsv';
  // Other names (.txt): the first entry line decides.
  for (const line of lines) {
    if (isSkipped(line)) continue;
    if (line.includes('\t')) return 'tsv';
    if (line.includes(hunalignSeparator)) return 'hunalign';
    break;
  }
  return 'tsv';
}

function isSkipped(line: string): boolean {
  const trimmed = line.trim();
  return trimmed.length === 0 || trimmed.startsWith('#');
}

/**
 * Reads a dictionary. Blank lines and lines starting with `#` are skipped.
 * Throws `BitextError` `invalid-dictionary` naming `fileName` and the line of
 * the first entry that is not a pair, or the file when it has no entries.
 */
export function parseLexicon(text: string, fileName: string): Lexicon {
  const lines = text.replace(/^\uFEFF/u, '').split(/\r\n|\n|\r/u);
  const format = detectFormat(lines, fileName);
  const entries: LexiconEntry[] = [];
  lines.forEach((raw, index) => {
    if (isSkipped(raw)) return;
    const line = index + 1;
    let source: string | undefined;
    let target: string | undefined;
    if (format === 'tsv') {
      const fields = raw.split('\t');
      if (fields.length !== 2) {
        throw new BitextError('invalid-dictionary', `expected "source<TAB>target", found ${fields.length} field(s)`, { file: fileName, line });
      }
      [source, target] = fields;
    } else {
      const at = raw.indexOf(hunalignSeparator);
      if (at < 0) throw new BitextError('invalid-dictionary', `expected "target @ source"`, { file: fileName, line });
      target = raw.slice(0, at);
      source = raw.slice(at + hunalignSeparator.length);
    }
    source = source?.trim() ?? '';
    target = target?.trim() ?? '';
    if (source.length === 0 || target.length === 0) {
      throw new BitextError('invalid-dictionary', 'an entry has an empty side', { file: fileName, line });
    }
    entries.push({ source, target, line });
  });
  if (entries.length === 0) throw new BitextError('invalid-dictionary', 'the dictionary has no entries', { file: fileName });
  return { fileName, format, entries };
}
