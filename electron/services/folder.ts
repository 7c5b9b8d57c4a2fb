/**
 * A folder of documents (Node side): every text file directly inside it, loaded,
 * with the files that could not be read reported rather than failing the lot.
 */
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { isBitextError } from '../../shared/errors.ts';
import type { BitextDocument } from '../../shared/model/document.ts';
import { readDocument } from './documents.ts';

/** File names the folder view offers: plain-text documents. */
const documentName = /\.(txt|text)$/i;

/** Whether a file name is one the folder view lists (a plain-text document, not hidden). */
export function isFolderDocumentName(name: string): boolean {
  return !name.startsWith('.') && documentName.test(name);
}

/** A folder's documents and the files that were passed over, each with why. */
export interface FolderListing {
  readonly documents: readonly (BitextDocument & { readonly size: number })[];
  readonly skipped: readonly { readonly path: string; readonly reason: string }[];
}

/** Loads every plain-text document directly inside `folder` (sorted by name; hidden files left out). */
export async function listFolder(folder: string): Promise<FolderListing> {
  const names = (await readdir(folder)).filter((name) => !name.startsWith('.') && documentName.test(name)).sort();
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
