/**
 * Notices when a document of the open alignment changes on disk while it is
 * open: asks the host every few seconds (the host watches the files with
 * `fs.watch` and hashes only what may have changed), and when one did, shows
 * a bar above the editors: reload it (the links are rebased onto the new
 * text, and the report says what happened) or keep the text in the workbench.
 */
import type { DocumentCheck, WorkbenchApi } from '../../shared/api.ts';
import type { Alignment, Side } from '../../shared/model/alignment.ts';
import { fileName, h, icon } from '../ui/dom.ts';

/** How often the host is asked, in milliseconds. */
export const diskCheckInterval = 2000;

/** What the watch needs from the page. */
export interface DiskWatchOptions {
  readonly api: Pick<WorkbenchApi, 'checkDocuments'>;
  /** Where the bar goes (it is inserted at the top). */
  readonly host: HTMLElement;
  /** The alignment open now. */
  alignment(): Alignment | undefined;
  /** The user chose to reload `side` from disk. */
  reload(side: Side): void;
  /** The interval between checks; default {@link diskCheckInterval}. */
  readonly interval?: number;
}

/** The documents of `alignment` that have a file to check (a browser upload has none). */
export function watchedDocuments(alignment: Alignment): { side: Side; path: string; sha256: string }[] {
  return (['source', 'target'] as const)
    .map((side) => ({ side, path: alignment[side].path, sha256: alignment[side].sha256 }))
    .filter((document) => /^(\/|[A-Za-z]:[\\/]|\\\\)/.test(document.path));
}

/** Starts watching; returns a function that stops. */
export function watchDocuments(options: DiskWatchOptions): () => void {
  /** Hashes the user chose to keep their text over: not asked again until the file changes once more. */
  const kept = new Set<string>();
  let bar: HTMLElement | undefined;
  let shownFor = '';
  let busy = false;
  let stopped = false;

  const hide = () => {
    bar?.remove();
    bar = undefined;
    shownFor = '';
  };

  const show = (changed: { side: Side; path: string; status: DocumentCheck['status'] }[], key: string) => {
    if (shownFor === key) return;
    hide();
    shownFor = key;
    // Both documents of a bilingual file (XLIFF, TMX) are one file: named once, reloaded together by one button.
    const files = changed.filter((document, index) => changed.findIndex((other) => other.path === document.path) === index);
    const names = files.map((document) => fileName(document.path)).join(' and ');
    const missing = changed.every((document) => document.status === 'missing');
    bar = h(
      'div',
      { class: 'disk-change', role: 'alert', 'data-testid': 'disk-change' },
      icon('warning'),
      h(
        'span',
        { class: 'message' },
        missing
          ? `${names} ${files.length === 1 ? 'is' : 'are'} no longer on disk. The text in the workbench is kept; save the alignment to keep it.`
          : `${names} changed on disk. Reload ${files.length === 1 ? 'it' : 'them'} (the links are carried over onto the new text), or keep the text you have here.`,
      ),
      ...(missing
        ? []
        : files
            .filter((document) => document.status === 'changed')
            .map((document) =>
              h(
                'button',
                {
                  type: 'button',
                  class: 'default',
                  'data-testid': `reload-${document.side}`,
                  onclick: () => {
                    hide();
                    options.reload(document.side);
                  },
                },
                files.length === 1 ? 'Reload' : `Reload the ${document.side === 'source' ? 'original' : 'translation'}`,
              ),
            )),
      h(
        'button',
        {
          type: 'button',
          'data-testid': 'keep-mine',
          onclick: () => {
            kept.add(key);
            hide();
          },
        },
        'Keep mine',
      ),
    );
    options.host.prepend(bar);
  };

  const check = async () => {
    const alignment = options.alignment();
    if (busy || stopped || !alignment) return;
    const documents = watchedDocuments(alignment);
    if (documents.length === 0) return hide();
    busy = true;
    try {
      const checks = await options.api.checkDocuments({ documents: documents.map(({ path, sha256 }) => ({ path, sha256 })) });
      if (options.alignment() !== alignment && options.alignment()?.source.sha256 !== alignment.source.sha256) return;
      const changed = documents
        .map((document, index) => ({ ...document, status: checks[index]?.status ?? 'unchanged' }))
        .filter((document) => document.status !== 'unchanged');
      if (changed.length === 0) return hide();
      // Asked again only for a change the user has not answered yet.
      const key = changed.map((document) => `${document.path}|${document.sha256}|${document.status}`).join('\n');
      if (kept.has(key)) return;
      show(changed, key);
    } catch {
      // A host that cannot check (a path it may not read) just does not warn; the next open checks anyway.
    } finally {
      busy = false;
    }
  };

  const timer = setInterval(() => void check(), options.interval ?? diskCheckInterval);
  return () => {
    stopped = true;
    clearInterval(timer);
    hide();
  };
}
