/**
 * Reading entries of a ZIP container (DOCX, ODT, EPUB) within limits: an
 * archive that would inflate past {@link maxDecompressedBytes} in all, or
 * declares an entry larger than that, is refused before it is inflated (a ZIP
 * bomb), and an entry whose real size differs from the declared one too.
 */
import { unzipSync, type UnzipFileInfo } from 'fflate';
import { BitextError } from '../../errors.ts';

/**
 * The most a container may inflate to, summed over the entries read: five times
 * the 20 MiB document limit, because XML carries several bytes of markup for
 * every byte of text.
 */
export const maxDecompressedBytes = 100 * 1024 * 1024;

/** Whether the bytes start with a ZIP local file header. */
export function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/** A ZIP archive's entries, read on demand. */
export interface ZipArchive {
  /** Names of every entry. */
  readonly names: readonly string[];
  /** The entry's bytes, or undefined when there is none of that name. */
  bytes(name: string): Uint8Array | undefined;
  /** The entry as UTF-8 text. @throws BitextError when it is not UTF-8. */
  text(name: string): string | undefined;
}

/**
 * Opens the archive and inflates the entries `wanted` accepts.
 *
 * @throws BitextError `too-large` for a ZIP bomb, `undecodable` for a damaged archive; both name `fileName`.
 */
export function openZip(bytes: Uint8Array, fileName: string, wanted: (name: string) => boolean): ZipArchive {
  const names: string[] = [];
  const declared = new Map<string, number>();
  let total = 0;
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, {
      filter(file: UnzipFileInfo) {
        names.push(file.name);
        if (!wanted(file.name)) return false;
        total += file.originalSize;
        if (total > maxDecompressedBytes) {
          throw new BitextError(
            'too-large',
            `the archive would inflate to more than ${maxDecompressedBytes / 1024 / 1024} MiB (a "ZIP bomb"?); refused`,
            { file: fileName },
          );
        }
        declared.set(file.name, file.originalSize);
        return true;
      },
    });
  } catch (error) {
    if (error instanceof BitextError) throw error;
    throw new BitextError('undecodable', `the ZIP container is damaged (${(error as Error).message})`, { file: fileName }, { cause: error });
  }
  for (const [name, content] of Object.entries(files)) {
    if (content.length !== declared.get(name)) {
      throw new BitextError('undecodable', `the ZIP entry ${name} is not the size its header declares; refused`, { file: fileName });
    }
  }
  return {
    names,
    bytes: (name) => files[name],
    text(name) {
      const content = files[name];
      if (!content) return undefined;
      try {
        return new TextDecoder('utf-8', { fatal: true }).decode(content);
      } catch (error) {
        throw new BitextError('undecodable', `${name} inside the archive is not UTF-8`, { file: fileName }, { cause: error });
      }
    },
  };
}
