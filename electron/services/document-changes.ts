/**
 * Documents that change on disk under an alignment (Node side):
 * - rebasing the alignment onto a document's new text, when an alignment whose
 *   recorded SHA-256 differs is opened, or when the user reloads a document
 *   that changed while open (shared/edits/rebase.ts does the work);
 * - watching the open documents (`fs.watch`, with a size-and-time check as a
 *   safety net: editors that save by writing a new file and renaming it leave
 *   the old watch on a file that no longer exists);
 * - where the autosave of an alignment that was never saved goes: it has no
 *   file to sit beside, so the host keeps it by its two documents.
 */
import { createHash } from 'node:crypto';
import { watch, type FSWatcher } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { DocumentCheck, RebasedDocument } from '../../shared/api.ts';
import { loadDocument, sha256Hex, withParagraphLanguages } from '../../shared/document/load.ts';
import { readBilingual } from '../../shared/document/readers/bilingual.ts';
import { rebaseOntoBilingual } from '../../shared/document/rebase-bilingual.ts';
import { otherSide } from '../../shared/edits/links.ts';
import { rebaseDocument } from '../../shared/edits/rebase.ts';
import type { Alignment, Side } from '../../shared/model/alignment.ts';
import { effectiveLanguage } from '../../shared/model/document.ts';
import { decodeBytes } from '../../shared/text/decode.ts';
import { readDocumentBytes } from './documents.ts';

/**
 * Reads the document of `side` again from `path` and carries the alignment's
 * links over onto its new text. The text is decoded as before when it still
 * can be (offsets were computed in that encoding), else detected afresh; the
 * document keeps its language (and the user's override); paragraphs are
 * checked again for their language among the pair's two.
 *
 * A bilingual file (XLIFF, TMX) holds both documents: both are read again with
 * the bilingual reader and rebased, units new to the file come in linked as the
 * file links them, and `otherSide` reports the side not asked for.
 */
export async function rebaseOntoFile(
  alignment: Alignment,
  side: Side,
  path: string,
  now: string,
): Promise<{ alignment: Alignment; rebased: RebasedDocument; otherSide?: RebasedDocument }> {
  const old = alignment[side];
  const bytes = await readDocumentBytes(path);
  if (old.format === 'xliff' || old.format === 'tmx') return rebaseOntoBilingualFile(alignment, side, bytes, path, now);
  const base = { detectParagraphs: false, ...(old.format ? { format: old.format } : {}), ...(old.language.override ? { languageOverride: old.language.override } : {}) } as const;
  const document = await loadDocument(bytes, path, { ...base, encoding: old.encoding.name }).catch(() => loadDocument(bytes, path, base));
  const { alignment: rebased, report } = rebaseDocument(alignment, side, document.text, document.paragraphs, {
    now,
    document: { sha256: document.sha256, ...(document.textSha256 ? { textSha256: document.textSha256 } : {}), encoding: document.encoding },
  });
  // The reader says what each paragraph is now: a mark carried over from an old paragraph gives way to it.
  const paragraphs = rebased[side].paragraphs.map(({ mark: _carried, ...paragraph }, index) => {
    const mark = document.paragraphs[index]?.mark;
    return mark ? { ...paragraph, mark } : paragraph;
  });
  return { alignment: withLanguagesOf({ ...rebased, [side]: { ...rebased[side], paragraphs } }, [side]), rebased: { side, path: old.path, report } };
}

async function rebaseOntoBilingualFile(
  alignment: Alignment,
  side: Side,
  bytes: Uint8Array,
  path: string,
  now: string,
): Promise<{ alignment: Alignment; rebased: RebasedDocument; otherSide?: RebasedDocument }> {
  const decoded = decodeBytes(bytes, path);
  const read = readBilingual(decoded.text, path);
  const other = otherSide(side);
  // Both documents of a pair opened from one bilingual file name it; a pair that only shares the format is rebased one side at a time.
  const both = alignment[other].path === alignment[side].path && alignment[other].format === alignment[side].format;
  const sides = both ? [side, other] : [side];
  const result = await rebaseOntoBilingual(alignment, read, sides, { sha256: await sha256Hex(bytes), encoding: decoded.encoding }, now);
  const [mine, theirs] = result.reports;
  return {
    alignment: withLanguagesOf(result.alignment, sides),
    rebased: { side, path: alignment[side].path, report: mine! },
    ...(theirs ? { otherSide: { side: other, path: alignment[other].path, report: theirs } } : {}),
  };
}

/** The alignment with the paragraphs of `sides` detected again among the pair's two languages. */
function withLanguagesOf(alignment: Alignment, sides: readonly Side[]): Alignment {
  const pair = [effectiveLanguage(alignment.source.language).iso6393, effectiveLanguage(alignment.target.language).iso6393];
  let result = alignment;
  for (const side of sides) result = { ...result, [side]: withParagraphLanguages(result[side], pair) };
  return result;
}

/** Watches documents and tells whether each still has the SHA-256 it was read with. */
export interface DocumentWatcher {
  check(path: string, sha256: string): Promise<DocumentCheck['status']>;
  /** Stops every watch. */
  close(): void;
}

/** How many documents are watched at once (two per window; old ones are let go). */
const maxWatched = 8;

/**
 * A watcher that hashes a document only when it may have changed: `fs.watch`
 * said so, or its size or modification time differ from the last look.
 */
export function createDocumentWatcher(): DocumentWatcher {
  interface Entry {
    watcher?: FSWatcher;
    stale: boolean;
    size: number;
    mtimeMs: number;
    sha256?: string;
  }
  const entries = new Map<string, Entry>();

  function forget(path: string): void {
    entries.get(path)?.watcher?.close();
    entries.delete(path);
  }

  function watched(path: string): Entry {
    let entry = entries.get(path);
    if (entry) return entry;
    if (entries.size >= maxWatched) forget(entries.keys().next().value!);
    const fresh: Entry = { stale: true, size: -1, mtimeMs: -1 };
    try {
      fresh.watcher = watch(path, { persistent: false }, (event) => {
        fresh.stale = true;
        // Renamed or replaced: this watch follows the old file; the next check watches the new one.
        if (event === 'rename') {
          fresh.watcher?.close();
          delete fresh.watcher;
        }
      });
      fresh.watcher.on('error', () => {
        fresh.stale = true;
      });
    } catch {
      // Not watchable (a network drive, gone): the size-and-time check still works.
    }
    entries.set(path, fresh);
    entry = fresh;
    return entry;
  }

  return {
    async check(path, sha256) {
      let entry = watched(path);
      if (!entry.watcher && !entry.stale) {
        forget(path);
        entry = watched(path);
      }
      const info = await stat(path).catch(() => undefined);
      if (!info || !info.isFile()) {
        entry.stale = true;
        return 'missing';
      }
      if (entry.stale || info.size !== entry.size || info.mtimeMs !== entry.mtimeMs || entry.sha256 === undefined) {
        const bytes = await readFile(path).catch(() => undefined);
        if (!bytes) return 'missing';
        entry.sha256 = createHash('sha256').update(bytes).digest('hex');
        entry.size = info.size;
        entry.mtimeMs = info.mtimeMs;
        entry.stale = false;
      }
      return entry.sha256 === sha256 ? 'unchanged' : 'changed';
    },
    close() {
      for (const path of [...entries.keys()]) forget(path);
    },
  };
}

/**
 * Where the autosave of an alignment never saved goes: a file named after its
 * two documents' paths in `folder` (the host's recovery folder). The store's
 * recovery functions take it as the alignment's path (`.unsaved-….bitext.recovery`).
 */
export function unsavedAlignmentPath(folder: string, documents: { readonly source: string; readonly target: string }): string {
  const key = createHash('sha256').update(`${documents.source}\n${documents.target}`).digest('hex').slice(0, 24);
  return join(folder, `unsaved-${key}.bitext`);
}
