/**
 * The browser host's choice of where Align all writes: a folder inside the
 * workspace (the only place it writes), by name. The desktop uses the native
 * folder dialog instead.
 */
import { modalDialog } from '../ui/dialogs.ts';
import { h } from '../ui/dom.ts';

/** Asks for a folder name inside `workspace`; the name, or null when cancelled. */
export function outFolderDialog(workspace: string, suggested: string, pairs: number): Promise<string | null> {
  return modalDialog<string | null>((_dialog, finish) => {
    const input = h('input', { type: 'text', value: suggested, spellcheck: 'false', 'aria-label': 'Folder name', 'data-testid': 'out-folder-name', required: true });
    requestAnimationFrame(() => input.select());
    return h(
      'form',
      {
        method: 'dialog',
        onsubmit: (event) => {
          event.preventDefault();
          const name = input.value.trim();
          if (name.length > 0) finish(name);
        },
      },
      h('h2', {}, `Align all ${pairs} proposed pair${pairs === 1 ? '' : 's'}`),
      h('p', {}, 'Each pair is aligned and saved as an alignment file (.bitext) in a folder of the workspace:'),
      h('code', {}, workspace),
      h('label', { class: 'field' }, h('span', {}, 'Folder'), input),
      h(
        'div',
        { class: 'actions' },
        h('button', { type: 'button', onclick: () => finish(null) }, 'Cancel'),
        h('button', { type: 'submit', class: 'default', 'data-testid': 'out-folder-confirm' }, 'Align all'),
      ),
    );
  }, null);
}
