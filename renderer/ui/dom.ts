/**
 * A few lines for building DOM without innerHTML (text is always set as text,
 * so a file name can never become markup).
 */

/** Attributes and listeners of {@link h}: strings become attributes, functions `on…` listeners. */
export type Attributes = Record<string, string | number | boolean | undefined | ((event: Event) => void)>;

/** Creates an element with attributes and children (strings become text nodes). */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Attributes = {},
  ...children: (Node | string | undefined | false)[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === false) continue;
    if (typeof value === 'function') element.addEventListener(name.slice(2).toLowerCase(), value);
    else if (value === true) element.setAttribute(name, '');
    else element.setAttribute(name, String(value));
  }
  for (const child of children) {
    if (child === undefined || child === false) continue;
    element.append(child);
  }
  return element;
}

/** A codicon (Monaco's icon font, bundled with it). */
export function icon(name: string): HTMLElement {
  return h('span', { class: `codicon codicon-${name}`, 'aria-hidden': 'true' });
}

/** The last part of a path, whichever separator it uses. */
export function fileName(path: string): string {
  return path.split(/[/\\]/).pop() || path;
}

/** "Ctrl+S" or "⌘S", by platform. */
export function shortcut(keys: string, platform: string): string {
  if (platform !== 'darwin') return keys;
  return keys.replace('CmdOrCtrl+', '⌘').replace('Ctrl+', '⌃').replace('Alt+', '⌥').replace('Shift+', '⇧');
}
