/**
 * The toolbar: what the desktop menu offers, for both hosts (the browser has
 * no menu bar of ours), plus the document's name and whether it has unsaved
 * changes.
 */
import type { RecentEntry } from '../../shared/api.ts';
import { fileName, h, icon, shortcut } from './dom.ts';

/** The toolbar's commands. */
export interface ToolbarActions {
  openSource(): void;
  openTarget(): void;
  openAlignment(): void;
  recentEntries(): Promise<readonly RecentEntry[]>;
  openRecent(entry: RecentEntry): void;
  save(): void;
  saveAs(): void;
  undo(): void;
  redo(): void;
  find(): void;
  jumpToPartner(): void;
  /** Open a folder in the corpus view. */
  openFolder(): void;
  exportAlignment(): void;
  exportReport(): void;
  /** Show or hide the dot plot panel. */
  toggleDotPlot(): void;
  /** Show or hide the sentence pairs of the link under the caret. */
  toggleSentences(): void;
  /** Open the Review menu (review commands and their keys) under `anchor`. */
  reviewMenu(anchor: HTMLElement): void;
  viewOptions(): void;
  about(): void;
}

/** The parts of the toolbar that change. */
export interface Toolbar {
  /** Shows the document name and the unsaved-changes mark. */
  setTitle(name: string, path: string | undefined, dirty: boolean): void;
  /** Enables the commands that need an open alignment. */
  setEnabled(hasSession: boolean): void;
  /** Shows whether the dot plot panel is open (the toggle button looks pressed). */
  setDotPlotShown(shown: boolean): void;
  /** Shows whether the sentence panel is open. */
  setSentencesShown(shown: boolean): void;
}

/** Builds the toolbar into `element`. */
export function createToolbar(element: HTMLElement, actions: ToolbarActions, platform: string): Toolbar {
  const key = (keys: string) => shortcut(keys, platform);
  const button = (
    name: string,
    label: string | undefined,
    title: string,
    onClick: (event: MouseEvent) => void,
    options: { testid?: string; primary?: boolean } = {},
  ) =>
    h(
      'button',
      {
        class: `tool${label ? '' : ' icon-only'}${options.primary ? ' primary' : ''}`,
        type: 'button',
        title,
        'aria-label': label ?? title,
        'data-testid': options.testid,
        onclick: (event) => onClick(event as MouseEvent),
      },
      icon(name),
      label ? h('span', {}, label) : undefined,
    );

  const title = h('span', { class: 'doc-title', 'data-testid': 'title' });
  const needsSession: HTMLButtonElement[] = [];
  const session = (element: HTMLButtonElement) => {
    needsSession.push(element);
    return element;
  };

  const dotPlot = session(
    button('graph-scatter', undefined, `Dot plot (${key('CmdOrCtrl+Alt+D')})`, () => actions.toggleDotPlot(), { testid: 'toggle-dot-plot' }),
  );
  dotPlot.setAttribute('aria-pressed', 'false');
  const sentences = session(
    button('list-flat', undefined, 'Sentence pairs of the link under the caret', () => actions.toggleSentences(), { testid: 'toggle-sentences' }),
  );
  sentences.setAttribute('aria-pressed', 'false');

  const recent = button('history', undefined, 'Open recent', (event) => {
    void showRecentMenu(event.currentTarget as HTMLElement, actions);
  });

  element.replaceChildren(
    h('span', { class: 'brand' }, brandMark(), h('span', { class: 'brand-name' }, 'Bitext Workbench'), title),
    h('span', { class: 'spacer' }),
    button('file-text', 'Original…', `Open original… (${key('CmdOrCtrl+O')})`, () => actions.openSource(), { testid: 'open-source' }),
    button('globe', 'Translation…', `Open translation… (${key('CmdOrCtrl+Shift+O')})`, () => actions.openTarget(), { testid: 'open-target' }),
    button('folder-opened', 'Alignment…', `Open alignment… (${key('CmdOrCtrl+Alt+O')})`, () => actions.openAlignment(), { testid: 'open-alignment' }),
    recent,
    button('folder-library', undefined, 'Open a folder: find which documents are translations of which', () => actions.openFolder(), { testid: 'open-folder' }),
    h('span', { class: 'separator' }),
    session(button('save', 'Save', `Save (${key('CmdOrCtrl+S')})`, () => actions.save(), { testid: 'save', primary: true })),
    session(button('save-as', undefined, `Save as… (${key('CmdOrCtrl+Shift+S')})`, () => actions.saveAs(), { testid: 'save-as' })),
    session(button('export', 'Export…', `Export to TMX, XLIFF, Excel, CSV, TSV or JSON Lines… (${key('CmdOrCtrl+E')})`, () => actions.exportAlignment(), { testid: 'export' })),
    session(button('output', undefined, 'Review report… (one HTML page to review or print)', () => actions.exportReport(), { testid: 'export-report' })),
    h('span', { class: 'separator' }),
    session(button('discard', undefined, `Undo (${key('CmdOrCtrl+Z')})`, () => actions.undo())),
    session(button('redo', undefined, `Redo (${key(platform === 'darwin' ? 'CmdOrCtrl+Shift+Z' : 'Ctrl+Y')})`, () => actions.redo())),
    session(button('search', undefined, `Find (${key('CmdOrCtrl+F')})`, () => actions.find())),
    session(button('arrow-swap', 'Partner', `Jump to the partner paragraph (${key('Ctrl+Alt+J')})`, () => actions.jumpToPartner(), { testid: 'jump' })),
    session(button('checklist', 'Review', 'Review commands and their keys (F6: review mode, F1: all keys)', (event) => actions.reviewMenu(event.currentTarget as HTMLElement), { testid: 'review-menu' })),
    dotPlot,
    sentences,
    h('span', { class: 'separator' }),
    button('settings', undefined, 'View options', () => actions.viewOptions(), { testid: 'view-options' }),
    button('info', undefined, 'About Bitext Workbench', () => actions.about()),
  );

  return {
    setTitle(name, path, dirty) {
      title.replaceChildren(
        name,
        dirty ? h('span', { class: 'dirty', title: 'Unsaved changes' }, '•') : '',
        path ? '' : h('span', { class: 'unsaved' }, 'not saved yet'),
      );
      title.title = path ?? 'Not saved yet';
      title.dataset.dirty = String(dirty);
    },
    setEnabled(hasSession) {
      for (const element of needsSession) element.disabled = !hasSession;
    },
    setDotPlotShown(shown) {
      dotPlot.setAttribute('aria-pressed', String(shown));
      dotPlot.classList.toggle('pressed', shown);
    },
    setSentencesShown(shown) {
      sentences.setAttribute('aria-pressed', String(shown));
      sentences.classList.toggle('pressed', shown);
    },
  };
}

function brandMark(): SVGSVGElement {
  // Two columns of paragraphs joined by a link: the workbench in 18 pixels.
  const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  svg.setAttribute('viewBox', '0 0 18 18');
  svg.setAttribute('class', 'brand-mark');
  svg.setAttribute('aria-hidden', 'true');
  const parts: [string, Record<string, string>][] = [
    ['rect', { x: '1', y: '2', width: '5', height: '4', rx: '1', fill: 'var(--hue-0)' }],
    ['rect', { x: '1', y: '8', width: '5', height: '8', rx: '1', fill: 'var(--hue-1)' }],
    ['rect', { x: '12', y: '2', width: '5', height: '6', rx: '1', fill: 'var(--hue-0)' }],
    ['rect', { x: '12', y: '10', width: '5', height: '6', rx: '1', fill: 'var(--hue-1)' }],
    ['path', { d: 'M6 4 C9 4 9 5 12 5 M6 12 C9 12 9 13 12 13', stroke: 'var(--confidence-high)', 'stroke-width': '1.4', fill: 'none' }],
  ];
  for (const [tag, attributes] of parts) {
    const node = document.createElementNS('http://www.w3.org/2000/svg', tag);
    for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
    svg.append(node);
  }
  return svg;
}

async function showRecentMenu(anchor: HTMLElement, actions: ToolbarActions): Promise<void> {
  document.querySelector('.menu')?.remove();
  const menu = h('div', { class: 'menu', role: 'menu' });
  const rect = anchor.getBoundingClientRect();
  menu.style.top = `${rect.bottom + 4}px`;
  menu.style.left = `${Math.max(8, rect.left - 120)}px`;
  menu.append(h('div', { class: 'menu-empty' }, 'Loading…'));
  document.body.append(menu);
  const close = (event?: Event) => {
    if (event && menu.contains(event.target as Node)) return;
    menu.remove();
    document.removeEventListener('mousedown', close, true);
    document.removeEventListener('keydown', escape, true);
  };
  const escape = (event: KeyboardEvent) => {
    if (event.key === 'Escape') close();
  };
  document.addEventListener('mousedown', close, true);
  document.addEventListener('keydown', escape, true);

  let entries: readonly RecentEntry[] = [];
  try {
    entries = await actions.recentEntries();
  } catch {
    entries = [];
  }
  if (entries.length === 0) {
    menu.replaceChildren(h('div', { class: 'menu-empty' }, 'No recent files'));
    return;
  }
  menu.replaceChildren(
    ...entries.map((entry) =>
      h(
        'button',
        {
          type: 'button',
          role: 'menuitem',
          title: entry.kind === 'alignment' ? entry.path : `${entry.source}\n${entry.target}`,
          onclick: () => {
            close();
            actions.openRecent(entry);
          },
        },
        entry.kind === 'alignment' ? fileName(entry.path) : `${fileName(entry.source)} ↔ ${fileName(entry.target)}`,
        h('span', { class: 'menu-detail' }, entry.kind === 'alignment' ? 'alignment' : 'pair'),
      ),
    ),
  );
}
