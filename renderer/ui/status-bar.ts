/**
 * The status bar: the alignment at a glance (links, share confirmed,
 * untranslated paragraphs on each side), then the link under the caret.
 */
import type { Alignment } from '../../shared/model/alignment.ts';
import { alignmentStats, confidenceBand, describeLink } from '../state/alignment-index.ts';
import { displayNumber } from '../../shared/review/progress.ts';
import type { Caret } from '../state/workbench-state.ts';
import { h } from './dom.ts';

/** Renders the status bar. */
export function renderStatusBar(element: HTMLElement, alignment: Alignment | undefined, caret: Caret | undefined, hostLabel: string): void {
  if (!alignment) {
    element.replaceChildren(h('span', {}, 'No alignment open'), h('span', { class: 'fill' }), h('span', {}, hostLabel));
    return;
  }
  const stats = alignmentStats(alignment);
  const items: (Node | string)[] = [
    h('span', { class: 'status-item', 'data-testid': 'status-links' }, h('strong', {}, String(stats.links)), ` links · ${stats.paired} paired`),
    h(
      'span',
      { class: 'status-item', title: `${stats.confirmed} of ${stats.links} links confirmed`, 'data-testid': 'status-confirmed' },
      h('span', { class: 'meter' }, h('span', { style: `width:${stats.confirmedPercent}%` })),
      h('strong', {}, `${stats.confirmedPercent}%`),
      ' confirmed',
    ),
    h(
      'span',
      { class: 'status-item', title: 'Paragraphs in no link with the other side', 'data-testid': 'status-untranslated' },
      h('span', { class: 'swatch untranslated' }),
      'Untranslated: ',
      h('strong', {}, String(stats.untranslatedSource)),
      ' original · ',
      h('strong', {}, String(stats.untranslatedTarget)),
      ' translation',
    ),
  ];
  const link = caret && caret.link >= 0 ? alignment.links[caret.link] : undefined;
  const right: (Node | string)[] = [];
  if (link && caret) {
    const band = confidenceBand(link.confidence);
    right.push(
      h(
        'span',
        { class: 'status-item', 'data-testid': 'status-link' },
        h('span', { class: `swatch ${link.source.length > 0 && link.target.length > 0 ? band : 'untranslated'}` }),
        `Link ${displayNumber(caret.link)} · ¶ ${describeLink(link)}`,
        link.source.length > 0 && link.target.length > 0 ? ` · confidence ${link.confidence.toFixed(2)} · ${link.status}` : ' · untranslated',
      ),
    );
  } else if (caret && caret.paragraph < 0) {
    right.push(h('span', { class: 'status-item' }, 'Between paragraphs'));
  }
  // Where the caret is, in the numbering the whole workbench uses: paragraphs from 1 (not the editor's line,
  // which counts the lines of wrapped and multi-line paragraphs and is no number a reviewer meets elsewhere).
  if (caret && caret.paragraph >= 0) {
    right.push(h('span', { class: 'status-item', 'data-testid': 'status-paragraph' }, `${caret.side === 'source' ? 'Original' : 'Translation'} ¶ ${displayNumber(caret.paragraph)}`));
  }
  element.replaceChildren(...items, h('span', { class: 'fill' }), ...right, h('span', { class: 'status-item' }, hostLabel));
}
