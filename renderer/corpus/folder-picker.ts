/**
 * The browser host's Open folder…: a page cannot browse the disk, and the host
 * lists only the folders it was given (its workspace, the corpus, a `--folder`
 * from the command line), so the choice is among those.
 */
import { modalDialog } from '../ui/dialogs.ts';
import { fileName, h } from '../ui/dom.ts';

/** What a folder is, for the picker: the workspace, the bundled corpus, or one named at start. */
export interface PickableFolder {
  readonly path: string;
  readonly description: string;
}

/** The host's folders with a line each on what they are. */
export function describeFolders(folders: readonly string[], workspace: string | undefined, initialFolder: string | undefined): PickableFolder[] {
  return folders.map((path) => ({
    path,
    description:
      path === workspace
        ? 'The workspace: where the browser host saves'
        : path === initialFolder
          ? 'Named on the command line (--folder)'
          : fileName(path) === 'corpus'
            ? 'The sample corpus that comes with the workbench'
            : 'A folder the host may read',
  }));
}

/** Asks which of `folders` to open; the path, or null when cancelled. */
export function folderPickerDialog(folders: readonly PickableFolder[], current: string | undefined): Promise<string | null> {
  return modalDialog<string | null>((dialog, finish) => {
    dialog.classList.add('folder-dialog');
    const inputs = folders.map((folder, index) =>
      h('input', { type: 'radio', name: 'folder', value: folder.path, checked: current ? folder.path === current : index === folders.length - 1 }),
    );
    return h(
      'form',
      {
        method: 'dialog',
        onsubmit: (event) => {
          event.preventDefault();
          const chosen = inputs.find((input) => input.checked);
          if (chosen) finish(chosen.value);
        },
      },
      h('h2', {}, 'Open folder'),
      h('p', {}, 'The browser host reads only the folders it was started with. To list another one, start it with --folder DIR.'),
      h(
        'div',
        { class: 'folder-list', role: 'radiogroup', 'aria-label': 'Folders' },
        ...folders.map((folder, index) =>
          h(
            'label',
            { class: 'format-option', 'data-testid': 'folder-option' },
            inputs[index]!,
            h('span', { class: 'format-text' }, h('span', { class: 'format-name' }, fileName(folder.path)), h('span', { class: 'format-description' }, folder.description), h('code', {}, folder.path)),
          ),
        ),
      ),
      h(
        'div',
        { class: 'actions' },
        h('button', { type: 'button', onclick: () => finish(null) }, 'Cancel'),
        h('button', { type: 'submit', class: 'default', 'data-testid': 'folder-confirm' }, 'Open'),
      ),
    );
  }, null);
}
