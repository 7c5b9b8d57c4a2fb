/**
 * The browser host's "Save text as…" dialog: download the document's text, or
 * write it into the workspace under a name. (The desktop goes straight to the
 * native save dialog.)
 */
import type { ExportDestination } from './export-dialog.ts';
import { modalDialog } from '../ui/dialogs.ts';
import { h } from '../ui/dom.ts';

/** What the dialog shows. */
export interface TextDialogOptions {
  /** "Original" or "Translation". */
  readonly label: string;
  /** The document's file name. */
  readonly documentName: string;
  /** The name offered (`report.txt`). */
  readonly suggested: string;
  readonly previous?: ExportDestination;
}

/** Asks where the text goes; null when cancelled. */
export function textDialog(options: TextDialogOptions): Promise<ExportDestination | null> {
  return modalDialog<ExportDestination | null>((dialog, finish) => {
    dialog.classList.add('report-dialog');
    const download = h('input', { type: 'radio', name: 'destination', value: 'download', 'data-testid': 'destination-download' });
    const workspace = h('input', { type: 'radio', name: 'destination', value: 'workspace', 'data-testid': 'destination-workspace' });
    (options.previous?.kind === 'download' ? download : workspace).checked = true;
    const name = h('input', { type: 'text', spellcheck: 'false', value: options.suggested, 'aria-label': 'File name', 'data-testid': 'text-name', required: true });
    return h(
      'form',
      {
        method: 'dialog',
        onsubmit: (event) => {
          event.preventDefault();
          const typed = name.value.trim();
          if (typed.length === 0) return;
          // A name typed without .txt or .md gets the offered one's (the host writes only those).
          const value = /\.(txt|md|markdown)$/i.test(typed) ? typed : `${typed}${options.suggested.slice(options.suggested.lastIndexOf('.'))}`;
          if (workspace.checked) finish({ kind: 'workspace', name: value });
          else finish({ kind: 'download', fileName: value.split(/[/\\]/).pop() || value });
        },
      },
      h('h2', {}, `Save ${options.label.toLowerCase()} text`),
      h('p', {}, `The text of ${options.documentName} as it is now in the editor, with your edits, as UTF-8 plain text (.txt) or Markdown (.md). ${options.documentName} itself is never written.`),
      h(
        'fieldset',
        { class: 'destination' },
        h('legend', {}, 'Save to'),
        h('div', { class: 'choice-row' }, h('label', {}, workspace, 'Workspace folder'), h('label', {}, download, 'Download')),
        h('label', { class: 'field' }, h('span', {}, 'File name (.txt or .md)'), name),
      ),
      h(
        'div',
        { class: 'actions' },
        h('button', { type: 'button', onclick: () => finish(null) }, 'Cancel'),
        h('button', { type: 'submit', class: 'default', autofocus: true, 'data-testid': 'text-confirm' }, 'Save text'),
      ),
    );
  }, null);
}
