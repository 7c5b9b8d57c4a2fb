/**
 * The shortcut sheet (? in review mode, F1 anywhere, Help menu): every
 * command with its keys in review mode, in the text and everywhere, grouped
 * as the menus are. A key is changed by clicking it and pressing the new
 * chord; conflicts and keys Monaco needs in the text are named on the spot.
 * The result is saved as overrides in the settings (see keymap.ts).
 */
import { categoryTitles, commands, type CommandCategory, type CommandSpec } from '../commands/command-table.ts';
import {
  buildKeymap,
  chordFromEvent,
  displayChord,
  findConflicts,
  formatChord,
  monacoEditingKeys,
  monacoUseOf,
  overrideKey,
  withOverride,
  type KeyOverrides,
  type KeyScope,
} from '../commands/keymap.ts';
import { h, icon } from '../ui/dom.ts';

const scopeTitles: Readonly<Record<KeyScope, string>> = { review: 'Review mode', editor: 'In the text', global: 'Everywhere' };

/**
 * Shows the sheet. `save` is called with the new overrides each time the user
 * changes a key (the sheet stays open); the promise settles when it closes.
 */
export function showShortcutSheet(options: {
  readonly overrides: KeyOverrides;
  readonly platform: string;
  readonly save: (overrides: KeyOverrides) => void;
}): Promise<void> {
  return new Promise((done) => {
    let overrides = options.overrides;
    const dialog = h('dialog', { class: 'shortcut-sheet', 'aria-label': 'Keyboard shortcuts', 'data-testid': 'shortcut-sheet' });
    const body = h('div', { class: 'sheet-body' });
    const conflictsBox = h('div', { class: 'sheet-conflicts', role: 'status' });
    let recording: { command: CommandSpec; scope: KeyScope; cell: HTMLElement } | undefined;

    const close = () => {
      window.removeEventListener('keydown', onRecordKey, true);
      dialog.close();
      dialog.remove();
      done();
    };

    const onRecordKey = (event: KeyboardEvent) => {
      if (!recording) return;
      const chord = chordFromEvent(event, options.platform);
      if (!chord) return;
      event.preventDefault();
      event.stopPropagation();
      const { command, scope } = recording;
      recording = undefined;
      const key = formatChord(chord);
      if (key === 'Escape' && !event.shiftKey) return draw(); // Cancelled.
      const current = buildKeymap(commands, overrides).keysFor(command.id, scope);
      const keys = key === 'Backspace' || key === 'Delete' ? [] : [key, ...current.filter((other) => other !== key)].slice(0, 2);
      overrides = withOverride(overrides, command, scope, keys);
      options.save(overrides);
      draw();
    };
    window.addEventListener('keydown', onRecordKey, true);

    function keyCell(command: CommandSpec, scope: KeyScope, keys: readonly string[], custom: boolean): HTMLElement {
      const editable = scope !== 'global' || command.keys.global !== undefined || keys.length > 0;
      const cell = h('td', { class: `keys${custom ? ' custom' : ''}`, 'data-scope': scope });
      const labels = keys.map((key) => {
        const stolen = scope !== 'review' ? monacoUseOf(key) : undefined;
        return h('kbd', { title: stolen ? `In the text this key is Monaco’s ${stolen}` : '', class: stolen ? 'stolen' : '' }, displayChord(key, options.platform));
      });
      const isRecording = recording?.command === command && recording.scope === scope;
      cell.append(
        ...(isRecording ? [h('span', { class: 'recording' }, 'Press a key… (Esc cancels, Backspace clears)')] : labels.length > 0 ? labels : [h('span', { class: 'no-key' }, '—')]),
        editable || scope !== 'global'
          ? h(
              'button',
              {
                type: 'button',
                class: 'edit-key',
                title: `Change the key of “${command.label}” (${scopeTitles[scope].toLowerCase()})`,
                'aria-label': `Change the key of ${command.label}, ${scopeTitles[scope]}`,
                'data-testid': `edit-key-${scope}-${command.id}`,
                onclick: () => {
                  recording = { command, scope, cell };
                  draw();
                },
              },
              icon('edit'),
            )
          : '',
      );
      return cell;
    }

    function draw(): void {
      const keymap = buildKeymap(commands, overrides);
      const groups = new Map<CommandCategory, CommandSpec[]>();
      for (const command of commands) groups.set(command.category, [...(groups.get(command.category) ?? []), command]);
      const tables: HTMLElement[] = [];
      for (const [category, list] of groups) {
        tables.push(
          h(
            'section',
            { class: 'sheet-group' },
            h('h3', {}, categoryTitles[category]),
            h(
              'table',
              {},
              h('thead', {}, h('tr', {}, h('th', {}, 'Command'), h('th', {}, scopeTitles.review), h('th', {}, scopeTitles.editor), h('th', {}, scopeTitles.global))),
              h(
                'tbody',
                {},
                ...list.map((command) => {
                  const cells = (['review', 'editor', 'global'] as const).map((scope) =>
                    keyCell(command, scope, keymap.keysFor(command.id, scope), overrides[overrideKey(scope, command.id)] !== undefined),
                  );
                  return h('tr', { 'data-command': command.id }, h('td', { class: 'command', title: command.description }, h('span', { class: 'name' }, command.label), h('span', { class: 'description' }, command.description)), ...cells);
                }),
              ),
            ),
          ),
        );
      }
      body.replaceChildren(...tables);
      const conflicts = findConflicts(keymap);
      const stolen = keymap.bindings.filter((binding) => binding.scope !== 'review' && binding.custom && monacoUseOf(binding.key));
      conflictsBox.replaceChildren(
        ...conflicts.map((conflict) =>
          h('p', { class: 'conflict' }, icon('warning'), `${displayChord(conflict.key, options.platform)} is bound twice in ${scopeTitles[conflict.scope].toLowerCase()}: ${conflict.commands.map((id) => commands.find((command) => command.id === id)?.label ?? id).join(' and ')} (the first wins).`),
        ),
        ...stolen.map((binding) =>
          h('p', { class: 'conflict' }, icon('warning'), `${displayChord(binding.key, options.platform)} now runs “${commands.find((command) => command.id === binding.command)?.label}” in the text instead of Monaco’s ${monacoUseOf(binding.key)}.`),
        ),
      );
    }

    const reserved = h(
      'details',
      { class: 'sheet-reserved' },
      h('summary', {}, 'Keys Monaco keeps in the text (why review keys need review mode)'),
      h(
        'ul',
        {},
        ...Object.entries(monacoEditingKeys).map(([key, use]) => h('li', {}, h('kbd', {}, displayChord(key, options.platform)), ` ${use}`)),
      ),
    );

    dialog.append(
      h(
        'form',
        { method: 'dialog', onsubmit: (event) => (event.preventDefault(), close()) },
        h('div', { class: 'sheet-head' }, h('h2', {}, 'Keyboard shortcuts'), h('span', { class: 'fill' }),
          h('button', { type: 'button', 'data-testid': 'reset-keys', onclick: () => { overrides = {}; options.save(overrides); draw(); } }, 'Reset all'),
          h('button', { type: 'submit', class: 'default', 'data-testid': 'close-sheet' }, 'Close')),
        h(
          'p',
          { class: 'sheet-intro' },
          'Review mode: press ',
          h('kbd', {}, displayChord('F6', options.platform)),
          ' (or Esc in the text) to put the keyboard on the link list; single keys then act on the selected link, and Enter or Esc returns to the text. In the text, keys type and edit as in any editor: alignment commands there use only chords Monaco leaves free, and the context menu (right click) lists them all. Click ',
          icon('edit'),
          ' to change a key.',
        ),
        conflictsBox,
        body,
        reserved,
      ),
    );
    dialog.addEventListener('cancel', (event) => {
      event.preventDefault();
      if (recording) {
        recording = undefined;
        draw();
      } else close();
    });
    draw();
    document.body.append(dialog);
    dialog.showModal();
  });
}
