/**
 * The keymap (renderer/commands/keymap.ts) and the command table
 * (renderer/commands/command-table.ts): chords parse and print canonically,
 * key events read as the user means them on any layout, remappings replace
 * defaults, conflicts are found, and the defaults never take a key Monaco
 * needs in the text.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  buildKeymap,
  chordFromEvent,
  displayChord,
  findConflicts,
  formatChord,
  monacoUseOf,
  normaliseChord,
  parseChord,
  toMonacoKeybinding,
  withOverride,
  type KeyEventLike,
} from '../../../renderer/commands/keymap.ts';
import { commandById, commands } from '../../../renderer/commands/command-table.ts';
import { reviewMenuCommands } from '../../../shared/api.ts';

function event(key: string, code: string, modifiers: Partial<Pick<KeyEventLike, 'ctrlKey' | 'altKey' | 'shiftKey' | 'metaKey'>> = {}): KeyEventLike {
  return { key, code, ctrlKey: false, altKey: false, shiftKey: false, metaKey: false, ...modifiers };
}

test('chords parse with aliases and print in one canonical order', () => {
  assert.equal(normaliseChord('shift+ctrl+enter'), 'Ctrl+Shift+Enter');
  assert.equal(normaliseChord('Cmd+Alt+j'), 'Ctrl+Alt+J');
  assert.equal(normaliseChord('esc'), 'Escape');
  assert.equal(normaliseChord('Alt+Up'), 'Alt+ArrowUp');
  assert.equal(normaliseChord('Ctrl++'), 'Ctrl++');
  assert.equal(normaliseChord('Shift+?'), '?', 'the shift of a symbol is part of the symbol');
  assert.equal(normaliseChord('space'), 'Space');
  assert.equal(normaliseChord('Ctrl+Ctrl+A'), undefined, 'a modifier twice');
  assert.equal(normaliseChord('Ctrl+Hyper+A'), undefined, 'an unknown modifier');
  assert.equal(normaliseChord('Ctrl+Enterprise'), undefined, 'an unknown key');
  assert.equal(normaliseChord(''), undefined);
  const chord = parseChord('Ctrl+Shift+Z')!;
  assert.equal(formatChord(chord), 'Ctrl+Shift+Z');
});

test('key events: letters by their Latin name, or by their place when a Thai layout is active', () => {
  assert.equal(formatChord(chordFromEvent(event('c', 'KeyC'), 'linux')!), 'C');
  assert.equal(formatChord(chordFromEvent(event('L', 'KeyL', { shiftKey: true }), 'linux')!), 'Shift+L');
  // Thai Kedmanee: the key marked C types แ; it still confirms.
  assert.equal(formatChord(chordFromEvent(event('แ', 'KeyC'), 'linux')!), 'C');
  assert.equal(formatChord(chordFromEvent(event('ๅ', 'Digit1'), 'linux')!), '1');
  assert.equal(formatChord(chordFromEvent(event('?', 'Slash', { shiftKey: true }), 'linux')!), '?');
  assert.equal(formatChord(chordFromEvent(event(' ', 'Space'), 'linux')!), 'Space');
  assert.equal(formatChord(chordFromEvent(event('Enter', 'Enter', { ctrlKey: true }), 'linux')!), 'Ctrl+Enter');
  // macOS: ⌘ is the primary modifier, and Alt+J types ∆.
  assert.equal(formatChord(chordFromEvent(event('z', 'KeyZ', { metaKey: true }), 'darwin')!), 'Ctrl+Z');
  assert.equal(formatChord(chordFromEvent(event('∆', 'KeyJ', { altKey: true }), 'darwin')!), 'Alt+J');
  assert.equal(chordFromEvent(event('Shift', 'ShiftLeft', { shiftKey: true }), 'linux'), undefined, 'a lone modifier is no chord');
  assert.equal(chordFromEvent(event('Dead', 'BracketLeft'), 'linux'), undefined);
});

test('chords display per platform', () => {
  assert.equal(displayChord('Ctrl+Shift+Enter', 'linux'), 'Ctrl+Shift+Enter');
  assert.equal(displayChord('Ctrl+Shift+Enter', 'darwin'), '⇧⌘↩');
  assert.equal(displayChord('ArrowDown', 'win32'), '↓');
  assert.equal(displayChord('Escape', 'linux'), 'Esc');
});

test('the keymap: defaults per scope, a scope before global, remappings replace defaults', () => {
  const keymap = buildKeymap(commands);
  assert.equal(keymap.lookup('review', 'C'), 'confirm-next');
  assert.equal(keymap.lookup('review', 'ctrl+enter'), 'confirm-next', 'Ctrl+Enter confirms in review mode, as in CAT tools');
  assert.equal(keymap.lookup('editor', 'Ctrl+Enter'), undefined, 'in the text Ctrl+Enter stays Monaco’s Insert Line Below');
  assert.equal(keymap.lookup('editor', 'Alt+Enter'), 'confirm-next');
  assert.equal(keymap.lookup('editor', 'C'), undefined, 'single keys type in the text');
  assert.equal(keymap.lookup('review', 'Ctrl+Z'), 'undo', 'global keys work in review mode');
  assert.equal(keymap.lookup('global', 'C'), undefined, 'global lookup sees global keys only');
  assert.deepEqual(keymap.keysFor('redo', 'global'), ['Ctrl+Y', 'Ctrl+Shift+Z']);

  const command = commandById('confirm-next')!;
  const overrides = withOverride({}, command, 'editor', ['Ctrl+Shift+Enter']);
  assert.deepEqual(overrides, { 'editor:confirm-next': ['Ctrl+Shift+Enter'] });
  const remapped = buildKeymap(commands, overrides);
  assert.equal(remapped.lookup('editor', 'Alt+Enter'), undefined, 'the override replaces the default');
  assert.equal(remapped.lookup('editor', 'Ctrl+Shift+Enter'), 'confirm-next');
  assert.ok(remapped.bindings.some((binding) => binding.custom && binding.key === 'Ctrl+Shift+Enter'));
  assert.deepEqual(withOverride(overrides, command, 'editor', ['alt+enter']), {}, 'setting the defaults back removes the override');
  assert.deepEqual(buildKeymap(commands, { 'review:confirm-next': [] }).keysFor('confirm-next', 'review'), [], 'an empty list unbinds');
  // Junk from a settings file of another version never breaks the keyboard.
  const junk = buildKeymap(commands, { 'review:no-such-command': ['Q'], 'review:reject': ['Ctrl+Nothing', 'Q'] });
  assert.equal(junk.lookup('review', 'Q'), 'reject');
});

test('conflicts are found, and a remapping onto a Monaco editing key is named', () => {
  assert.deepEqual(findConflicts(buildKeymap(commands)), [], 'the defaults have no conflicts');
  const clash = buildKeymap(commands, { 'review:reject': ['C'] });
  assert.deepEqual(findConflicts(clash), [{ key: 'C', scope: 'review', commands: ['confirm-next', 'reject'] }]);
  assert.equal(clash.lookup('review', 'C'), 'confirm-next', 'the first command in the table wins');
  assert.equal(monacoUseOf('ctrl+enter'), 'Insert Line Below');
  assert.equal(monacoUseOf('Alt+Enter'), undefined);
});

test('no default key in the text takes one Monaco uses for editing', () => {
  const keymap = buildKeymap(commands);
  const taken = keymap.bindings.filter((binding) => binding.scope !== 'review' && monacoUseOf(binding.key) !== undefined);
  // Undo and redo are taken on purpose (one history for text and links) and are not in Monaco's list.
  assert.deepEqual(taken, []);
  for (const binding of keymap.bindings.filter((binding) => binding.scope === 'editor')) {
    assert.ok(!/^[A-Z0-9]$/.test(binding.key) && binding.key !== 'Space', `${binding.key} would type a character`);
  }
});

test('chords become Monaco keybindings', () => {
  const keys = { KeyMod: { CtrlCmd: 2048, Shift: 1024, Alt: 512, WinCtrl: 256 }, KeyCode: { Enter: 3, KeyZ: 56, F6: 64, Escape: 9, Digit1: 22, Slash: 90 } };
  assert.equal(toMonacoKeybinding('Alt+Enter', keys), 512 | 3);
  assert.equal(toMonacoKeybinding('Ctrl+Shift+Z', keys), 2048 | 1024 | 56);
  assert.equal(toMonacoKeybinding('F6', keys), 64);
  assert.equal(toMonacoKeybinding('?', keys), undefined, 'a shifted symbol has no layout-free keybinding');
});

test('every command has a label, a description and a category; the desktop Review menu matches the table', () => {
  const ids = new Set<string>();
  for (const command of commands) {
    assert.ok(!ids.has(command.id), `${command.id} once`);
    ids.add(command.id);
    assert.ok(command.label.length > 0 && command.description.endsWith('.'), command.id);
  }
  for (const item of reviewMenuCommands) {
    assert.equal(commandById(item.command)?.label, item.label, `the menu names ${item.command} as the table does`);
  }
});
