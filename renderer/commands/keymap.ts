/**
 * Keyboard chords as data: parsing and printing `Ctrl+Shift+Enter`, reading
 * them from keyboard events, and the keymap that says which command a chord
 * runs in which scope, with the user's remappings on top of the defaults.
 * Pure: no DOM and no Monaco (Monaco's key codes are passed in), so the whole
 * keymap is unit-tested in Node.
 *
 * Scopes, after InterText and the OmegaT aligner, which give their grid single
 * keys, and VS Code, whose `when` clauses keep a key to one focus:
 * - `review`: the review grid has the focus ("review mode"): single keys act
 *   on the link (C confirm, M merge…), because nothing is being typed there;
 * - `editor`: the caret is in a text. Monaco owns the editing keys there
 *   (Ctrl+Enter, Ctrl+Backspace, Ctrl+D, Alt+↑/↓…); alignment commands get
 *   only chords Monaco leaves free (see {@link monacoEditingKeys});
 * - `global`: both (undo and redo, which cover text and links alike; F6).
 *
 * `Ctrl` in a chord is the platform's primary modifier: ⌘ on macOS, as in
 * Electron's `CmdOrCtrl`.
 */

/** Where a binding applies. */
export type KeyScope = 'global' | 'review' | 'editor';

/** The scopes, in the order the shortcut sheet shows them. */
export const keyScopes: readonly KeyScope[] = ['review', 'editor', 'global'];

/** A chord: modifiers and one key, in canonical form (see {@link parseChord}). */
export interface Chord {
  readonly ctrl: boolean;
  readonly alt: boolean;
  readonly shift: boolean;
  /** The secondary modifier: Ctrl on macOS (where `ctrl` is ⌘), the Windows/Super key elsewhere. */
  readonly meta: boolean;
  /** `A`–`Z`, `0`–`9`, a punctuation character, or a named key (`Enter`, `ArrowUp`, `F6`…). */
  readonly key: string;
}

/** Named keys a chord may use, besides single characters. */
export const namedKeys: readonly string[] = [
  'Enter', 'Escape', 'Space', 'Tab', 'Backspace', 'Delete', 'Insert', 'Home', 'End', 'PageUp', 'PageDown',
  'ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight',
  'F1', 'F2', 'F3', 'F4', 'F5', 'F6', 'F7', 'F8', 'F9', 'F10', 'F11', 'F12',
];

const keyAliases: Readonly<Record<string, string>> = {
  esc: 'Escape',
  return: 'Enter',
  del: 'Delete',
  ins: 'Insert',
  up: 'ArrowUp',
  down: 'ArrowDown',
  left: 'ArrowLeft',
  right: 'ArrowRight',
  pgup: 'PageUp',
  pgdn: 'PageDown',
  spacebar: 'Space',
  ' ': 'Space',
};

const modifierAliases: Readonly<Record<string, 'ctrl' | 'alt' | 'shift' | 'meta'>> = {
  ctrl: 'ctrl',
  control: 'ctrl',
  cmd: 'ctrl',
  command: 'ctrl',
  cmdorctrl: 'ctrl',
  mod: 'ctrl',
  alt: 'alt',
  option: 'alt',
  opt: 'alt',
  shift: 'shift',
  meta: 'meta',
  super: 'meta',
  win: 'meta',
};

const namedByLowerCase = new Map(namedKeys.map((name) => [name.toLowerCase(), name]));

/** The canonical name of a key (`esc` → `Escape`, `a` → `A`), or undefined when it is not one chords may use. */
export function canonicalKey(name: string): string | undefined {
  const alias = keyAliases[name.toLowerCase()] ?? keyAliases[name];
  if (alias) return alias;
  const named = namedByLowerCase.get(name.toLowerCase());
  if (named) return named;
  if ([...name].length !== 1) return undefined;
  if (/^\p{L}$/u.test(name)) return name.toUpperCase();
  if (/^[\p{N}\p{P}\p{S}]$/u.test(name)) return name;
  return undefined;
}

/** True for keys that are printable characters other than letters: their Shift is part of the character (`?`). */
function isSymbol(key: string): boolean {
  return [...key].length === 1 && !/^\p{L}$/u.test(key);
}

/**
 * Parses `Ctrl+Shift+Enter`, `shift+l`, `?`, `Alt+Up`, `Ctrl++` (the plus key).
 * Returns undefined for anything that is not exactly one key with modifiers.
 */
export function parseChord(text: string): Chord | undefined {
  const trimmed = text.trim();
  if (trimmed.length === 0) return undefined;
  // The key itself may be "+": "Ctrl++" is Ctrl and plus.
  const parts = trimmed.endsWith('++') ? [...trimmed.slice(0, -2).split('+'), '+'] : trimmed === '+' ? ['+'] : trimmed.split('+');
  const keyName = parts.pop()!;
  const modifiers = { ctrl: false, alt: false, shift: false, meta: false };
  for (const part of parts) {
    const modifier = modifierAliases[part.trim().toLowerCase()];
    if (!modifier || modifiers[modifier]) return undefined;
    modifiers[modifier] = true;
  }
  const key = canonicalKey(keyName.trim() === '' && keyName.length > 0 ? ' ' : keyName.trim());
  if (!key) return undefined;
  // `?` is already Shift+/: a Shift written beside a symbol would never match.
  return { ...modifiers, shift: modifiers.shift && !isSymbol(key), key };
}

/** Prints a chord canonically: `Ctrl+Alt+Shift+Meta+Key`. Equal chords print equal. */
export function formatChord(chord: Chord): string {
  return [chord.ctrl && 'Ctrl', chord.alt && 'Alt', chord.shift && 'Shift', chord.meta && 'Meta', chord.key].filter(Boolean).join('+');
}

/** The canonical form of a chord string, or undefined when it does not parse. */
export function normaliseChord(text: string): string | undefined {
  const chord = parseChord(text);
  return chord ? formatChord(chord) : undefined;
}

const arrowSymbols: Readonly<Record<string, string>> = { ArrowUp: '↑', ArrowDown: '↓', ArrowLeft: '←', ArrowRight: '→' };

/** A chord as the user reads it: `Ctrl+Shift+Enter` elsewhere, `⌘⇧↩` on macOS; arrows as arrows. */
export function displayChord(text: string, platform: string): string {
  const chord = parseChord(text);
  if (!chord) return text;
  const key = arrowSymbols[chord.key] ?? (chord.key === 'Escape' ? 'Esc' : chord.key === 'PageUp' ? 'PgUp' : chord.key === 'PageDown' ? 'PgDn' : chord.key);
  if (platform === 'darwin') {
    const macKey = chord.key === 'Enter' ? '↩' : chord.key === 'Backspace' ? '⌫' : chord.key === 'Delete' ? '⌦' : key;
    return `${chord.meta ? '⌃' : ''}${chord.alt ? '⌥' : ''}${chord.shift ? '⇧' : ''}${chord.ctrl ? '⌘' : ''}${macKey}`;
  }
  return [chord.ctrl && 'Ctrl', chord.alt && 'Alt', chord.shift && 'Shift', chord.meta && 'Super', key].filter(Boolean).join('+');
}

/** The fields of a keyboard event a chord is read from (the DOM's `KeyboardEvent` has them). */
export interface KeyEventLike {
  readonly key: string;
  readonly code: string;
  readonly ctrlKey: boolean;
  readonly altKey: boolean;
  readonly shiftKey: boolean;
  readonly metaKey: boolean;
}

/**
 * The chord a key press makes, or undefined for a lone modifier or a dead key.
 *
 * Letters come from `key` when it is a Latin letter, else from `code` (the
 * key's place on a US keyboard): with a Thai layout active, the key marked C
 * still confirms. With Alt or Ctrl held, macOS and some layouts turn `key`
 * into another character (Alt+J is ∆), so `code` wins there too.
 */
export function chordFromEvent(event: KeyEventLike, platform: string): Chord | undefined {
  if (['Control', 'Alt', 'Shift', 'Meta', 'AltGraph', 'CapsLock', 'Dead', 'Unidentified', 'Process'].includes(event.key)) return undefined;
  const mac = platform === 'darwin';
  const ctrl = mac ? event.metaKey : event.ctrlKey;
  const meta = mac ? event.ctrlKey : event.metaKey;
  const fromCode = /^Key([A-Z])$/.exec(event.code)?.[1] ?? /^Digit(\d)$/.exec(event.code)?.[1];
  let key: string | undefined;
  if (/^[A-Za-z]$/.test(event.key) && !(event.altKey || ctrl || meta)) key = event.key.toUpperCase();
  else if (fromCode && (event.altKey || ctrl || meta || [...event.key].length !== 1 || !/^[\x20-\x7e]$/.test(event.key))) key = fromCode;
  else key = canonicalKey(event.key === ' ' ? 'Space' : event.key);
  if (!key) return undefined;
  return { ctrl, alt: event.altKey, shift: event.shiftKey && !isSymbol(key), meta, key };
}

// ---------------------------------------------------------------------------------------------
// The keymap

/** Default keys of a command, per scope. */
export type DefaultKeys = Partial<Readonly<Record<KeyScope, readonly string[]>>>;

/** What the keymap needs to know about a command. */
export interface KeyedCommand {
  readonly id: string;
  readonly keys: DefaultKeys;
}

/**
 * The user's remappings: for `scope:command`, the keys that replace the
 * defaults (an empty list removes them). Kept in the settings file.
 */
export type KeyOverrides = Readonly<Record<string, readonly string[]>>;

/** The override key of a command in a scope: `review:confirm-next`. */
export function overrideKey(scope: KeyScope, command: string): string {
  return `${scope}:${command}`;
}

/** One key bound to one command in one scope. */
export interface Binding {
  readonly scope: KeyScope;
  readonly command: string;
  /** Canonical chord (see {@link formatChord}). */
  readonly key: string;
  /** True when the user set it (not a default). */
  readonly custom: boolean;
}

/** The resolved keymap. */
export interface Keymap {
  readonly bindings: readonly Binding[];
  /** The command `key` runs in `scope` (a scope's own binding wins over a global one; `global` looks at global ones only). */
  lookup(scope: KeyScope, key: string): string | undefined;
  /** The keys of `command` in `scope`, in the order given. */
  keysFor(command: string, scope: KeyScope): readonly string[];
}

/**
 * Resolves the keymap: each command's default keys, replaced per scope by the
 * user's overrides. Keys that do not parse and overrides of commands that do
 * not exist are dropped (a settings file from another version must not stop
 * the keyboard from working). When two commands share a key in a scope the
 * first in `commands` order wins; {@link findConflicts} reports it.
 */
export function buildKeymap(commands: readonly KeyedCommand[], overrides: KeyOverrides = {}): Keymap {
  const bindings: Binding[] = [];
  for (const command of commands) {
    for (const scope of keyScopes) {
      const override = overrides[overrideKey(scope, command.id)];
      const keys = override ?? command.keys[scope] ?? [];
      const seen = new Set<string>();
      for (const text of keys) {
        const key = normaliseChord(text);
        if (!key || seen.has(key)) continue;
        seen.add(key);
        bindings.push({ scope, command: command.id, key, custom: override !== undefined });
      }
    }
  }
  const table = new Map<string, string>();
  for (const binding of bindings) {
    const id = `${binding.scope}|${binding.key}`;
    if (!table.has(id)) table.set(id, binding.command);
  }
  return {
    bindings,
    lookup(scope, key) {
      const canonical = normaliseChord(key);
      if (!canonical) return undefined;
      return table.get(`${scope}|${canonical}`) ?? (scope === 'global' ? undefined : table.get(`global|${canonical}`));
    },
    keysFor(command, scope) {
      return bindings.filter((binding) => binding.command === command && binding.scope === scope).map((binding) => binding.key);
    },
  };
}

/** Two commands that one key would run in the same place. */
export interface KeyConflict {
  readonly key: string;
  /** The scope where they meet (a global binding meets both others). */
  readonly scope: Exclude<KeyScope, 'global'>;
  readonly commands: readonly string[];
}

/** Every key that more than one command claims in a scope (counting global bindings in both). */
export function findConflicts(keymap: Keymap): KeyConflict[] {
  const conflicts: KeyConflict[] = [];
  for (const scope of ['review', 'editor'] as const) {
    const byKey = new Map<string, string[]>();
    for (const binding of keymap.bindings) {
      if (binding.scope !== scope && binding.scope !== 'global') continue;
      const list = byKey.get(binding.key) ?? [];
      if (!list.includes(binding.command)) list.push(binding.command);
      byKey.set(binding.key, list);
    }
    for (const [key, commands] of byKey) if (commands.length > 1) conflicts.push({ key, scope, commands });
  }
  return conflicts;
}

/** The overrides after the user set `keys` for `command` in `scope`; setting the defaults back removes the override. */
export function withOverride(overrides: KeyOverrides, command: KeyedCommand, scope: KeyScope, keys: readonly string[]): KeyOverrides {
  const canonical = keys.map(normaliseChord).filter((key): key is string => key !== undefined);
  const defaults = (command.keys[scope] ?? []).map(normaliseChord).filter((key): key is string => key !== undefined);
  const { [overrideKey(scope, command.id)]: _removed, ...rest } = overrides;
  const same = canonical.length === defaults.length && canonical.every((key, index) => key === defaults[index]);
  return same ? rest : { ...rest, [overrideKey(scope, command.id)]: canonical };
}

/**
 * Keys Monaco uses for editing prose in its default keymap: an alignment
 * command bound to one of them in the `editor` scope would take it away from
 * the text. The shortcut sheet warns when a remapping does; the defaults
 * avoid them all (a unit test checks). Undo and redo are left out on purpose:
 * the workbench takes them over so that one history covers text and links.
 */
export const monacoEditingKeys: Readonly<Record<string, string>> = {
  'Ctrl+Enter': 'Insert Line Below',
  'Ctrl+Shift+Enter': 'Insert Line Above',
  'Ctrl+Backspace': 'Delete Word Left',
  'Ctrl+Delete': 'Delete Word Right',
  'Ctrl+D': 'Add Selection to Next Find Match',
  'Ctrl+Shift+L': 'Select All Occurrences',
  'Ctrl+F2': 'Change All Occurrences',
  'Ctrl+U': 'Cursor Undo',
  'Ctrl+L': 'Expand Line Selection',
  'Ctrl+Shift+K': 'Delete Line',
  'Ctrl+X': 'Cut',
  'Ctrl+C': 'Copy',
  'Ctrl+V': 'Paste',
  'Ctrl+A': 'Select All',
  'Ctrl+F': 'Find',
  'Ctrl+H': 'Replace',
  'F3': 'Find Next',
  'Shift+F3': 'Find Previous',
  'Alt+ArrowUp': 'Move Line Up',
  'Alt+ArrowDown': 'Move Line Down',
  'Alt+Shift+ArrowUp': 'Copy Line Up',
  'Alt+Shift+ArrowDown': 'Copy Line Down',
  'Ctrl+Alt+ArrowUp': 'Add Cursor Above',
  'Ctrl+Alt+ArrowDown': 'Add Cursor Below',
  'Alt+Shift+ArrowRight': 'Expand Selection',
  'Alt+Shift+ArrowLeft': 'Shrink Selection',
  'Ctrl+ArrowLeft': 'Word Left',
  'Ctrl+ArrowRight': 'Word Right',
  'Alt+PageUp': 'Scroll Page Up',
  'Alt+PageDown': 'Scroll Page Down',
  'Ctrl+Home': 'Go to Start',
  'Ctrl+End': 'Go to End',
  'Ctrl+]': 'Indent Line',
  'Ctrl+[': 'Outdent Line',
  'Tab': 'Indent / Insert Tab',
  'Shift+Tab': 'Outdent',
  'Ctrl+Shift+\\': 'Jump to Bracket',
  'Ctrl+K': 'Chord prefix (Ctrl+K …)',
};

/** What Monaco does with `key` in the text, when an alignment command bound there would take it over. */
export function monacoUseOf(key: string): string | undefined {
  const canonical = normaliseChord(key);
  if (!canonical) return undefined;
  for (const [monacoKey, use] of Object.entries(monacoEditingKeys)) {
    if (normaliseChord(monacoKey) === canonical) return use;
  }
  return undefined;
}

/** Monaco's KeyMod and KeyCode enums, as far as chords need them (passed in so this module does not load Monaco). */
export interface MonacoKeys {
  readonly KeyMod: { readonly CtrlCmd: number; readonly Shift: number; readonly Alt: number; readonly WinCtrl: number };
  readonly KeyCode: Readonly<Record<string, number | string>>;
}

const monacoNames: Readonly<Record<string, string>> = {
  ArrowUp: 'UpArrow',
  ArrowDown: 'DownArrow',
  ArrowLeft: 'LeftArrow',
  ArrowRight: 'RightArrow',
  '/': 'Slash',
  '\\': 'Backslash',
  ',': 'Comma',
  '.': 'Period',
  ';': 'Semicolon',
  "'": 'Quote',
  '`': 'Backquote',
  '[': 'BracketLeft',
  ']': 'BracketRight',
  '-': 'Minus',
  '=': 'Equal',
};

/**
 * The chord as a Monaco keybinding number (`KeyMod.CtrlCmd | KeyCode.Enter`),
 * or undefined for keys Monaco cannot bind (most shifted symbols: `?` is
 * Shift+Slash on one layout and something else on another).
 */
export function toMonacoKeybinding(text: string, keys: MonacoKeys): number | undefined {
  const chord = parseChord(text);
  if (!chord) return undefined;
  const name = /^[A-Z]$/.test(chord.key) ? `Key${chord.key}` : /^\d$/.test(chord.key) ? `Digit${chord.key}` : (monacoNames[chord.key] ?? chord.key);
  const code = keys.KeyCode[name];
  if (typeof code !== 'number') return undefined;
  let result = code;
  if (chord.ctrl) result |= keys.KeyMod.CtrlCmd;
  if (chord.alt) result |= keys.KeyMod.Alt;
  if (chord.shift) result |= keys.KeyMod.Shift;
  if (chord.meta) result |= keys.KeyMod.WinCtrl;
  return result;
}
