/**
 * In-page dialogs (`<dialog>`): confirmations, the browser host's Save as,
 * view options and About. Each returns a promise of the user's answer.
 */
import type { ThemeChoice, ViewSettings } from '../../shared/api.ts';
import { h } from './dom.ts';

function open<T>(build: (dialog: HTMLDialogElement, finish: (value: T) => void) => HTMLFormElement, cancelValue: T): Promise<T> {
  return new Promise((done) => {
    const dialog = h('dialog', {});
    let settled = false;
    const finish = (value: T) => {
      if (settled) return;
      settled = true;
      dialog.close();
      dialog.remove();
      done(value);
    };
    dialog.addEventListener('cancel', (event) => {
      event.preventDefault();
      finish(cancelValue);
    });
    dialog.append(build(dialog, finish));
    document.body.append(dialog);
    dialog.showModal();
  });
}

/**
 * Shows a modal `<dialog>` whose form `build` makes; resolves with the value
 * given to `finish`, or `cancelValue` when the user presses Escape. For dialogs
 * made elsewhere (the Export… dialog, the folder picker).
 */
export function modalDialog<T>(build: (dialog: HTMLDialogElement, finish: (value: T) => void) => HTMLFormElement, cancelValue: T): Promise<T> {
  return open(build, cancelValue);
}

/** Asks a yes/no question; true for `confirmLabel`. */
export function confirmDialog(title: string, message: string, confirmLabel: string, cancelLabel = 'Cancel'): Promise<boolean> {
  return open<boolean>(
    (_dialog, finish) =>
      h(
        'form',
        { method: 'dialog', onsubmit: (event) => (event.preventDefault(), finish(true)) },
        h('h2', {}, title),
        h('p', {}, message),
        h(
          'div',
          { class: 'actions' },
          h('button', { type: 'button', onclick: () => finish(false) }, cancelLabel),
          h('button', { type: 'submit', class: 'default', autofocus: true, 'data-testid': 'confirm' }, confirmLabel),
        ),
      ),
    false,
  );
}

/**
 * The browser host's Save as: a file name (or a path) inside the workspace.
 * Returns the name, or null when cancelled.
 */
export function saveAsDialog(workspace: string, suggested: string): Promise<string | null> {
  return open<string | null>((_dialog, finish) => {
    const input = h('input', {
      type: 'text',
      value: suggested,
      spellcheck: 'false',
      'aria-label': 'File name',
      'data-testid': 'save-name',
      required: true,
    });
    requestAnimationFrame(() => {
      input.focus();
      const dot = suggested.lastIndexOf('.');
      input.setSelectionRange(0, dot > 0 ? dot : suggested.length);
    });
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
      h('h2', {}, 'Save alignment'),
      h('p', {}, 'The browser host saves into its workspace folder:'),
      h('code', {}, workspace),
      h('label', { class: 'field' }, h('span', {}, 'File name (.bitext)'), input),
      h(
        'div',
        { class: 'actions' },
        h('button', { type: 'button', onclick: () => finish(null) }, 'Cancel'),
        h('button', { type: 'submit', class: 'default', 'data-testid': 'save-confirm' }, 'Save'),
      ),
    );
  }, null);
}

/** The view options; resolves with the changed settings, or null when cancelled. */
export function viewOptionsDialog(current: ViewSettings): Promise<Partial<ViewSettings> | null> {
  return open<Partial<ViewSettings> | null>((_dialog, finish) => {
    const themes: [ThemeChoice, string][] = [
      ['system', 'System'],
      ['light', 'Light'],
      ['dark', 'Dark'],
    ];
    const themeInputs = themes.map(([value, label]) => {
      const input = h('input', { type: 'radio', name: 'theme', value, checked: current.theme === value });
      return h('label', {}, input, label);
    });
    const fontSize = h('input', { type: 'number', min: 11, max: 24, step: 1, value: current.fontSize, 'aria-label': 'Font size' });
    const connectors = h('input', { type: 'checkbox', checked: current.showConnectors });
    const mute = h('input', { type: 'checkbox', checked: current.muteUntranslated });
    return h(
      'form',
      {
        method: 'dialog',
        onsubmit: (event) => {
          event.preventDefault();
          const theme = (themeInputs.map((label) => label.querySelector('input')!).find((input) => input.checked)?.value ?? current.theme) as ThemeChoice;
          const size = Math.min(24, Math.max(11, Math.round(Number(fontSize.value) || current.fontSize)));
          finish({ theme, fontSize: size, showConnectors: connectors.checked, muteUntranslated: mute.checked });
        },
      },
      h('h2', {}, 'View options'),
      h('div', { class: 'field' }, h('span', {}, 'Theme'), h('div', { class: 'choice-row' }, ...themeInputs)),
      h('label', { class: 'field' }, h('span', {}, 'Text size (px)'), fontSize),
      h('label', {}, connectors, 'Draw connectors between the editors'),
      h('label', {}, mute, 'Grey out untranslated paragraphs'),
      h(
        'div',
        { class: 'actions' },
        h('button', { type: 'button', onclick: () => finish(null) }, 'Cancel'),
        h('button', { type: 'submit', class: 'default' }, 'Apply'),
      ),
    );
  }, null);
}

/** About the workbench, with a legend of what the colours mean. */
export function aboutDialog(name: string, version: string, hostLabel: string): Promise<void> {
  return open<void>(
    (_dialog, finish) =>
      h(
        'form',
        { method: 'dialog', onsubmit: (event) => (event.preventDefault(), finish()) },
        h('h2', {}, `${name} ${version}`),
        h('p', {}, 'Aligns an original with its translation paragraph by paragraph, for review and export. Open source (MIT).'),
        h(
          'div',
          { class: 'legend' },
          h('span', { class: 'swatch high' }),
          h('span', {}, 'Connector: confidence 0.8 or more'),
          h('span', { class: 'swatch medium' }),
          h('span', {}, 'Connector: confidence 0.5 to 0.8'),
          h('span', { class: 'swatch low' }),
          h('span', {}, 'Connector: confidence below 0.5'),
          h('span', {}, '┄'),
          h('span', {}, 'Dotted outline: made by the aligner; solid: confirmed by a reviewer'),
          h('span', { class: 'swatch untranslated' }),
          h('span', {}, 'Hatched: a paragraph with no counterpart (untranslated)'),
          h('span', {}, '〰'),
          h('span', {}, 'Wavy underline: paragraph in another language than its document'),
        ),
        h('p', {}, `Running in the ${hostLabel.toLowerCase()}. Ctrl+Alt+J jumps between a paragraph and its partner.`),
        h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'default' }, 'Close')),
      ),
    undefined,
  );
}
