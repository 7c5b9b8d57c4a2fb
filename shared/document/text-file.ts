/**
 * "Save text as…": the file a document's (edited) text is saved to. The text
 * goes out as it is in the editor, UTF-8; Markdown stays Markdown (`.md`), every
 * other format becomes plain text (`.txt`).
 */
import type { BitextDocument } from '../model/document.ts';

/** The extensions a saved text may have. */
export const textFileExtensions = ['txt', 'md', 'markdown'] as const;

/** Whether the document's text is Markdown (saved as `.md` by default). */
export function isMarkdown(document: Pick<BitextDocument, 'format'>): boolean {
  return document.format === 'markdown';
}

/**
 * The name offered for the saved text: the original's name with `.txt` (`.md`
 * for Markdown) in place of its extension, e.g. `report.docx` → `report.txt`.
 * When that would be the original's own name (`notes.md`, `a.txt`), `.edited`
 * goes before the extension: the original is never written.
 */
export function textFileName(document: Pick<BitextDocument, 'path' | 'format'>): string {
  const name = document.path.split(/[/\\]/).pop() || 'document';
  const dot = name.lastIndexOf('.');
  const stem = dot > 0 ? name.slice(0, dot) : name;
  const extension = isMarkdown(document) ? 'md' : 'txt';
  const plain = `${stem}.${extension}`;
  return plain === name ? `${stem}.edited.${extension}` : plain;
}
