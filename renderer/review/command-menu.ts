/**
 * The Review menu of the toolbar: the review commands with their keys, as the
 * desktop's Review menu lists them (the browser host has no menu bar). Keys
 * come from the keymap, so a remapped key shows as remapped.
 */
import { reviewMenuCommands } from '../../shared/api.ts';
import { h } from '../ui/dom.ts';

/** One entry of the menu. */
export interface CommandMenuItem {
  readonly command: string;
  readonly label: string;
  /** The key as the user reads it, or '' for none. */
  readonly key: string;
}

/** The entries, in the desktop menu's order, with a separator before the groups it separates. */
export function reviewMenuItems(keyLabel: (command: string) => string): (CommandMenuItem | 'separator')[] {
  const groups = new Set(['merge-next', 'edit-note', 'next-unconfirmed', 'focus-review']);
  return reviewMenuCommands.flatMap(({ command, label }, index) => [
    ...(groups.has(command) && index > 0 ? ['separator' as const] : []),
    { command, label, key: keyLabel(command) },
  ]);
}

/** Opens the menu under `anchor`; `run` gets the chosen command. Esc or a click elsewhere closes it. */
export function showCommandMenu(anchor: HTMLElement, items: readonly (CommandMenuItem | 'separator')[], run: (command: string) => void): void {
  document.querySelector('.menu')?.remove();
  const menu = h('div', { class: 'menu command-menu', role: 'menu', 'data-testid': 'review-menu-list' });
  const rect = anchor.getBoundingClientRect();
  menu.style.top = `${rect.bottom + 4}px`;
  menu.style.left = `${Math.max(8, Math.min(window.innerWidth - 340, rect.left - 60))}px`;
  const close = (event?: Event) => {
    if (event && menu.contains(event.target as Node)) return;
    menu.remove();
    document.removeEventListener('mousedown', close, true);
    document.removeEventListener('keydown', escape, true);
  };
  const escape = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.stopPropagation();
      close();
    }
  };
  menu.append(
    ...items.map((item) =>
      item === 'separator'
        ? h('div', { class: 'menu-separator', role: 'separator' })
        : h(
            'button',
            {
              type: 'button',
              role: 'menuitem',
              'data-command': item.command,
              onclick: () => {
                close();
                run(item.command);
              },
            },
            item.label,
            h('span', { class: 'menu-detail' }, item.key),
          ),
    ),
  );
  document.body.append(menu);
  document.addEventListener('mousedown', close, true);
  document.addEventListener('keydown', escape, true);
  menu.querySelector<HTMLButtonElement>('button')?.focus();
}
