/**
 * A folder of documents (Node side): every document directly inside it (plain
 * text, Markdown, HTML, DOCX, ODT, EPUB, subtitles), loaded, with the files that
 * could not be read reported rather than failing the lot.
 */
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { isBitextError } from '../../shared/errors.ts';
import type { BitextDocument } from '../../shared/model/document.ts';
import { readDocument } from './documents.ts';
import { documentExtensions, hasExtension } from '../../shared/document/readers/extensions.ts';

/** A folder's notes about itself, in Markdown or text like its documents: not documents of the corpus. */
const folderNotes = /^(?:readme|license|licence|changelog|contributing|notice|authors)(?:\.|$)/iu;

/** Whether a file name is one the folder view lists (a document in a format the workbench reads, not hidden, not the folder's README). */
export function isFolderDocumentName(name: string): boolean {
  return !name.startsWith('.') && !folderNotes.test(name) && hasExtension(name, documentExtensions);
}

/** A folder's documents and the files that were passed over, each with why. */
export interface FolderListing {
  readonly documents: readonly (BitextDocument & { readonly size: number })[];
  readonly skipped: readonly { readonly path: string; readonly reason: string }[];
}

/** Loads every document directly inside `folder` (sorted by name; hidden files left out). */
export async function listFolder(folder: string): Promise<FolderListing> {
  const names = (await readdir(folder)).filter(isFolderDocumentName).sort();
  const documents: (BitextDocument & { size: number })[] = [];
  const skipped: { path: string; reason: string }[] = [];
  for (const name of names) {
    const path = join(folder, name);
    try {
      const { size } = await stat(path);
      documents.push({ ...(await readDocument(path, { detectParagraphs: false })), size });
    } catch (error) {
      if (!isBitextError(error)) throw error;
      skipped.push({ path, reason: error.message });
    }
  }
  return { documents, skipped };
}
