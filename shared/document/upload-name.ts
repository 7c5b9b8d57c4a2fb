/**
 * Names of files the browser uploads. The browser host writes an uploaded
 * document beside the alignment saved with it, under its own name, in a folder
 * that may be the user's home: so a name is a file name the host will create,
 * and only plain document names pass (no `.bash_profile`, no `evil.html`, no
 * right-to-left override that shows `txt.exe` as `exe.txt`, no `..`).
 */
import { BitextError } from '../errors.ts';

/**
 * The extensions an uploaded document may have: the formats the workbench
 * reads (and is getting readers for), and its alignment files.
 */
export const uploadExtensions: readonly string[] = [
  'txt', 'md', 'markdown', 'html', 'htm', 'xhtml', 'docx', 'odt', 'epub', 'pdf',
  'srt', 'vtt', 'xlf', 'xliff', 'sdlxliff', 'tmx', 'csv', 'tsv', 'bitext',
];

/** The longest upload name, in characters (file systems allow 255 bytes; UTF-8 takes up to 4 a character). */
export const maxUploadNameLength = 120;

/**
 * Characters a name may not hold: controls (C0, C1), the bidirectional
 * controls (U+061C, U+200E–U+200F, U+202A–U+202E, U+2066–U+2069), other
 * invisible format characters, separators other than the plain space,
 * private-use and unassigned code points, lone surrogates, and the characters
 * Windows or a shell make special (`/ \ : * ? " < > |`).
 */
const forbiddenCharacter = /[\p{Cc}\p{Cf}\p{Co}\p{Cn}\p{Cs}\p{Zl}\p{Zp}\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\/\\:*?"<>|]/u;

/**
 * Checks the name of an uploaded file and returns it. `extensions` (lower case,
 * no dot) are those allowed; default {@link uploadExtensions}.
 *
 * @throws BitextError `invalid-argument` saying what is wrong with the name.
 */
export function checkUploadName(name: string, extensions: readonly string[] = uploadExtensions): string {
  const refuse = (why: string): never => {
    throw new BitextError('invalid-argument', `the uploaded file name ${JSON.stringify(name.slice(0, maxUploadNameLength))} ${why}`);
  };
  if (name.length === 0) refuse('is empty');
  if (name.length > maxUploadNameLength) refuse(`is longer than ${maxUploadNameLength} characters`);
  if (name.startsWith('.')) refuse('starts with a dot (hidden files are not uploaded)');
  if (name.startsWith(' ') || name.endsWith(' ') || name.endsWith('.')) refuse('starts or ends with a space, or ends with a dot');
  const bad = forbiddenCharacter.exec(name);
  if (bad) refuse(`holds U+${bad[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}, which file names here may not`);
  const dot = name.lastIndexOf('.');
  const extension = dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
  if (!extensions.includes(extension)) refuse(`must end in one of .${extensions.join(' .')}`);
  return name;
}
