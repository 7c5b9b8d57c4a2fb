/**
 * The file name extensions open dialogs, drag-and-drop and folder listings
 * offer. Detection reads the bytes, so a document with another extension still
 * opens when named directly; these lists only decide what is offered.
 */
import { BitextError } from '../../errors.ts';
import { documentFormats, type DocumentFormat } from './types.ts';

/** Extensions of the monolingual documents the workbench reads (without the dot). */
export const documentExtensions: readonly string[] = ['txt', 'text', 'md', 'markdown', 'html', 'htm', 'xhtml', 'docx', 'odt', 'epub', 'pdf', 'srt', 'vtt'];

/** Extensions of bilingual files, which open as an aligned pair on their own. */
export const bilingualExtensions: readonly string[] = ['xlf', 'xliff', 'tmx'];

/** Whether `name` ends in one of `extensions` (case-insensitive). */
export function hasExtension(name: string, extensions: readonly string[]): boolean {
  const dot = name.lastIndexOf('.');
  return dot !== -1 && extensions.includes(name.slice(dot + 1).toLowerCase());
}

/** Reads a format name as a user types it on the command line (`docx`, `HTML`, `vtt`, `md`). */
export function parseFormatName(name: string): DocumentFormat {
  const lower = name.trim().toLowerCase();
  const aliases: Readonly<Record<string, DocumentFormat>> = { txt: 'text', md: 'markdown', htm: 'html', vtt: 'webvtt', xlf: 'xliff' };
  const format = aliases[lower] ?? documentFormats.find((known) => known === lower);
  if (!format) throw new BitextError('invalid-argument', `Unknown format "${name}"; expected one of ${documentFormats.join(', ')}`);
  return format;
}
