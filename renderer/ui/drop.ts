/**
 * Dropping files on the window: an alignment file (or a bilingual XLIFF or TMX file) opens it; two documents open
 * them as a pair (original first); one document replaces the side it is
 * dropped on. Listens in the capture phase so Monaco never inserts a dropped
 * file's name or contents into the text.
 */
import type { Side } from '../../shared/model/alignment.ts';

/** What a drop asks for. */
export type DropRequest =
  | { readonly kind: 'alignment'; readonly file: File }
  | { readonly kind: 'pair'; readonly source: File; readonly target: File }
  | { readonly kind: 'document'; readonly side: Side; readonly file: File };

const alignmentName = /\.(bitext|json|xlf|xliff|tmx)$/i;

/** Reads a drop: which files, and where they fell (`side` from the pointer). */
export function dropRequest(files: readonly File[], side: Side): DropRequest | string {
  if (files.length === 0) return 'Nothing to open in what was dropped.';
  const alignment = files.find((file) => alignmentName.test(file.name));
  if (alignment) return files.length === 1 ? { kind: 'alignment', file: alignment } : 'Drop an alignment file on its own.';
  if (files.length === 2) return { kind: 'pair', source: files[0]!, target: files[1]! };
  if (files.length === 1) return { kind: 'document', side, file: files[0]! };
  return `Drop one or two documents (or one alignment), not ${files.length} files.`;
}

/** Wires the window's drag and drop to `onDrop`; `overlay` shows where a document would go. */
export function installDropHandling(panes: HTMLElement, overlay: HTMLElement, onDrop: (request: DropRequest | string) => void): void {
  let depth = 0;
  const hasFiles = (event: DragEvent) => Array.from(event.dataTransfer?.types ?? []).includes('Files');
  const sideAt = (event: DragEvent): Side => {
    const rect = panes.getBoundingClientRect();
    return event.clientX < rect.left + rect.width / 2 ? 'source' : 'target';
  };
  const highlight = (side: Side | undefined) => {
    for (const half of Array.from(overlay.querySelectorAll<HTMLElement>('.drop-half'))) {
      half.classList.toggle('over', half.dataset.side === side);
    }
  };

  window.addEventListener(
    'dragenter',
    (event) => {
      if (!hasFiles(event)) return;
      event.preventDefault();
      depth++;
      overlay.hidden = false;
    },
    true,
  );
  window.addEventListener(
    'dragover',
    (event) => {
      if (!hasFiles(event)) return;
      event.preventDefault();
      event.stopPropagation();
      if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
      highlight(sideAt(event));
    },
    true,
  );
  window.addEventListener(
    'dragleave',
    (event) => {
      if (!hasFiles(event)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) overlay.hidden = true;
    },
    true,
  );
  window.addEventListener(
    'drop',
    (event) => {
      if (!hasFiles(event)) return;
      event.preventDefault();
      event.stopPropagation();
      depth = 0;
      overlay.hidden = true;
      highlight(undefined);
      onDrop(dropRequest(Array.from(event.dataTransfer?.files ?? []), sideAt(event)));
    },
    true,
  );
}
