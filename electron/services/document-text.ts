/**
 * "Save text as…": one document's current text (as edited in the workbench)
 * written to a new UTF-8 plain-text or Markdown file, or handed back as bytes.
 *
 * The original document is never written, whatever its format: the alignment
 * file records the original's SHA-256 and its paragraphs' offsets, and the
 * workbench watches it for changes, so replacing it would turn every open
 * alignment of it into one whose document "changed on disk". A plain-text or
 * Markdown original is refused like a DOCX (docs/review.md, "Text edits", says why).
 */
import { realpath } from 'node:fs/promises';
import { isAbsolute, resolve } from 'node:path';
import type { ExportOutcome, ExportSummary } from '../../shared/api.ts';
import { BitextError } from '../../shared/errors.ts';
import type { Alignment, Side } from '../../shared/model/alignment.ts';
import type { BitextDocument } from '../../shared/model/document.ts';
import { isMarkdown } from '../../shared/document/text-file.ts';
import { writeFileAtomic } from './atomic-write.ts';

function summaryOf(document: BitextDocument): ExportSummary {
  return { pairs: 0, paragraphs: document.paragraphs.length };
}

/** The text as bytes for the page to download (no path was given). */
export function documentTextData(document: BitextDocument): ExportOutcome {
  const bytes = Buffer.from(document.text, 'utf8');
  return {
    kind: 'data',
    mediaType: isMarkdown(document) ? 'text/markdown' : 'text/plain',
    base64: bytes.toString('base64'),
    bytes: bytes.length,
    summary: summaryOf(document),
  };
}

/**
 * Writes `alignment[side]`'s text to `path` (absolute, already allowed by the
 * host) atomically; answers `exists` instead of replacing a file without
 * `overwrite`. Throws when `path` is one of the alignment's documents (also
 * through a symbolic link); relative document paths (browser uploads) are
 * taken from `base`.
 */
export async function writeDocumentText(
  alignment: Alignment,
  side: Side,
  path: string,
  options: { readonly overwrite: boolean; readonly base?: string; readonly exists: (path: string) => Promise<boolean> },
): Promise<ExportOutcome> {
  const target = await realpath(path).catch(() => resolve(path));
  for (const document of [alignment.source, alignment.target]) {
    if (!isAbsolute(document.path) && options.base === undefined) continue;
    const original = resolve(options.base ?? '/', document.path);
    if (original === resolve(path) || (await realpath(original).catch(() => original)) === target) {
      throw new BitextError(
        'invalid-argument',
        `this is the ${document === alignment.source ? 'original' : 'translation'} document itself, which the workbench never writes; save the text under another name`,
        { file: path },
      );
    }
  }
  if (!options.overwrite && (await options.exists(path))) return { kind: 'exists', path };
  const document = alignment[side];
  const bytes = Buffer.from(document.text, 'utf8');
  await writeFileAtomic(path, bytes, { overwrite: options.overwrite });
  return { kind: 'written', path, bytes: bytes.length, summary: summaryOf(document) };
}
