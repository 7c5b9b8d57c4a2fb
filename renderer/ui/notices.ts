/**
 * Messages for the user, bottom right: errors stay until dismissed, warnings
 * too, information fades after a few seconds.
 */
import type { Notice } from '../state/workbench-state.ts';
import { h, icon } from './dom.ts';

/** How long information notices stay, in milliseconds. */
export const infoLifetime = 4000;

/** Renders `notices`; `dismiss` removes one (called by its close button, or by the timer for information). */
export function renderNotices(element: HTMLElement, notices: readonly Notice[], dismiss: (id: number) => void): void {
  const shown = new Map<number, Element>();
  for (const child of Array.from(element.children)) shown.set(Number((child as HTMLElement).dataset.id), child);
  const wanted = new Set(notices.map((notice) => notice.id));
  for (const [id, child] of shown) if (!wanted.has(id)) child.remove();
  for (const notice of notices) {
    if (shown.has(notice.id)) continue;
    const node = h(
      'div',
      { class: `notice ${notice.kind}`, 'data-id': notice.id, role: notice.kind === 'error' ? 'alert' : 'status' },
      h('span', { class: 'message' }, notice.message),
      h('button', { type: 'button', title: 'Dismiss', 'aria-label': 'Dismiss', onclick: () => dismiss(notice.id) }, icon('close')),
    );
    element.append(node);
    if (notice.kind === 'info') setTimeout(() => dismiss(notice.id), infoLifetime);
  }
}
