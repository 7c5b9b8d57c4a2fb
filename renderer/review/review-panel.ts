/**
 * The review panel under the editors: the link list (filterable by status,
 * sortable weakest first, one row per link with its status, paragraphs,
 * confidence, both texts and its flags), the progress of the review, and the
 * link at the caret in detail: its mismatch flags, its note and its tags.
 *
 * The list is a focusable grid. With the focus there the keyboard is in review
 * mode: the controller (review-controller.ts) maps single keys to commands.
 * Rows are virtual (only those in view exist), so a list of 5,000 links costs
 * what a list of 30 does.
 */
import type { Alignment, Link } from '../../shared/model/alignment.ts';
import { paragraphText } from '../../shared/model/document.ts';
import { knownTags, normaliseTags } from '../../shared/edits/tags.ts';
import { confidenceBand, describeLink } from '../state/alignment-index.ts';
import type { WorkbenchState } from '../state/workbench-state.ts';
import { h, icon } from '../ui/dom.ts';
import {
  filterCounts,
  filterLabels,
  isMarked,
  isOneSided,
  noMarks,
  reviewFilters,
  reviewProgress,
  reviewRows,
  type ReviewFilter,
  type ReviewSort,
} from './review-model.ts';

/** A mismatch flag of one link, as the panel shows it. */
export interface LinkFlag {
  readonly kind: string;
  readonly message: string;
}

/** What the panel reports. */
export interface ReviewPanelEvents {
  /** A row was clicked: make its link the current one (the keyboard goes to the grid). */
  onSelect(link: number): void;
  /** A row was double-clicked: edit its text. */
  onActivate(link: number): void;
  /** A key was pressed in the grid; true when it was a command (then the panel does nothing else with it). */
  onGridKey(event: KeyboardEvent): boolean;
  /** The grid gained or lost the keyboard. */
  onModeChange(mode: 'review' | 'editor'): void;
  onFilter(filter: ReviewFilter): void;
  onSort(sort: ReviewSort): void;
  onNote(link: number, note: string): void;
  onTags(link: number, tags: readonly string[]): void;
  /** A command button (status, merge…) was pressed. */
  onCommand(id: string): void;
  /** Leave the note or tag field for the grid. */
  onFieldDone(): void;
  /** The keys of a command, as the user reads them (for tooltips). */
  keyLabel(command: string): string;
  /** The panel's height changed (the editors must lay out again). */
  onResize(): void;
}

/** Height of one row, in CSS pixels (the list is virtual: every row has this height). */
export const rowHeight = 26;

const overscan = 8;

const statusLabels: Readonly<Record<Link['status'], string>> = { auto: 'Auto', confirmed: 'Confirmed', rejected: 'Rejected' };
const statusIcons: Readonly<Record<Link['status'], string>> = { auto: 'circle-large-outline', confirmed: 'pass-filled', rejected: 'error' };

/** Paragraph texts of one side of a link, white space folded, for a row (at most `max` characters). */
function snippet(alignment: Alignment, side: 'source' | 'target', link: Link, max = 240): string {
  const parts: string[] = [];
  let length = 0;
  for (const paragraph of link[side]) {
    const text = paragraphText(alignment[side], paragraph).replace(/\s+/g, ' ').trim();
    parts.push(text);
    length += text.length;
    if (length > max) break;
  }
  const joined = parts.join(' ¶ ');
  return joined.length > max ? `${joined.slice(0, max - 1)}…` : joined;
}

/** The panel. */
export class ReviewPanel {
  private readonly header: HTMLElement;
  private readonly grid: HTMLElement;
  private readonly viewport: HTMLElement;
  /** The viewport's scrollTop and height as last seen (scroll events, a resize observer, our own scrolls). */
  private viewScroll = 0;
  /** The rows in the page, by link index, with what they were drawn from. */
  private drawnRows = new Map<number, { readonly element: HTMLElement; readonly key: readonly unknown[] }>();
  private viewHeight = 0;
  private readonly spacer: HTMLElement;
  private readonly details: HTMLElement;
  private readonly chips = new Map<ReviewFilter, HTMLButtonElement>();
  private readonly sortSelect: HTMLSelectElement;
  private readonly progressMeter: HTMLElement;
  private readonly progressText: HTMLElement;
  private readonly modePill: HTMLElement;
  private readonly marksInfo: HTMLElement;
  private rows: number[] = [];
  private rowsKey: unknown[] = [];
  private drawnRange = '';
  private state: WorkbenchState | undefined;
  /**
   * Flags by link value, not index: an edit renumbers links but keeps the
   * values of those it did not touch, so their flags stay right until the
   * next computation, and a link an edit made has none yet rather than a
   * neighbour's.
   */
  private flags = new WeakMap<Link, LinkFlag[]>();
  private flagged = new Set<number>();
  private flaggedFor: { links: readonly Link[]; flags: WeakMap<Link, LinkFlag[]> } | undefined;
  private current = -1;
  private detailsKey: unknown[] = [];
  private noteField: HTMLTextAreaElement | undefined;
  private tagField: HTMLInputElement | undefined;

  constructor(
    private readonly root: HTMLElement,
    private readonly events: ReviewPanelEvents,
  ) {
    this.modePill = h('span', { class: 'mode-pill', 'data-testid': 'review-mode' });
    for (const filter of reviewFilters) {
      const chip = h(
        'button',
        {
          type: 'button',
          class: 'filter-chip',
          role: 'radio',
          'data-filter': filter,
          'data-testid': `filter-${filter}`,
          onclick: () => events.onFilter(filter),
        },
        h('span', { class: 'label' }, filterLabels[filter]),
        h('span', { class: 'count' }),
      );
      this.chips.set(filter, chip);
    }
    this.sortSelect = h(
      'select',
      { 'aria-label': 'Sort the links', 'data-testid': 'review-sort', onchange: () => events.onSort(this.sortSelect.value as ReviewSort) },
      h('option', { value: 'document' }, 'Document order'),
      h('option', { value: 'weakest' }, 'Weakest first'),
    );
    this.progressMeter = h('span', {});
    this.progressText = h('span', { class: 'progress-text', 'data-testid': 'review-progress' });
    this.marksInfo = h('span', { class: 'marks-info', 'data-testid': 'review-marks' });
    this.header = h(
      'header',
      { class: 'review-header' },
      h('span', { class: 'review-title' }, icon('checklist'), 'Review'),
      this.modePill,
      h('span', { class: 'filter-chips', role: 'radiogroup', 'aria-label': 'Show links' }, ...this.chips.values()),
      h('label', { class: 'sort' }, icon('sort-precedence'), this.sortSelect),
      this.marksInfo,
      h('span', { class: 'fill' }),
      h('span', { class: 'review-progress', title: 'Confirmed links' }, h('span', { class: 'meter wide' }, this.progressMeter), this.progressText),
      h(
        'button',
        { type: 'button', class: 'tool icon-only', title: 'Keyboard shortcuts (?)', 'aria-label': 'Keyboard shortcuts', 'data-testid': 'shortcuts', onclick: () => events.onCommand('show-shortcuts') },
        icon('keyboard'),
      ),
      h(
        'button',
        { type: 'button', class: 'tool icon-only', title: 'Hide the review panel', 'aria-label': 'Hide the review panel', onclick: () => events.onCommand('toggle-review-panel') },
        icon('chevron-down'),
      ),
    );

    this.spacer = h('div', { class: 'review-spacer' });
    this.viewport = h('div', { class: 'review-viewport' }, this.spacer);
    this.grid = h(
      'div',
      {
        class: 'review-grid',
        tabindex: 0,
        role: 'grid',
        'aria-label': 'Links (review mode: single keys act on the selected link; ? lists them)',
        'aria-rowcount': 0,
        'data-testid': 'review-grid',
      },
      h(
        'div',
        { class: 'review-columns', role: 'row' },
        h('span', { class: 'cell-mark', role: 'columnheader' }),
        h('span', { class: 'cell-index', role: 'columnheader' }, '#'),
        h('span', { class: 'cell-status', role: 'columnheader' }, 'Status'),
        h('span', { class: 'cell-paragraphs', role: 'columnheader', title: 'Paragraphs: original ↔ translation' }, '¶'),
        h('span', { class: 'cell-confidence', role: 'columnheader' }, 'Conf.'),
        h('span', { class: 'cell-text', role: 'columnheader' }, 'Original'),
        h('span', { class: 'cell-text', role: 'columnheader' }, 'Translation'),
        h('span', { class: 'cell-markers', role: 'columnheader' }, 'Flags'),
      ),
      this.viewport,
    );
    this.details = h('aside', { class: 'review-details', 'aria-label': 'The selected link', 'data-testid': 'review-details' });
    const resize = h('div', { class: 'review-resize', title: 'Drag to resize', 'aria-hidden': 'true' });
    root.replaceChildren(resize, this.header, h('div', { class: 'review-body' }, this.grid, this.details));

    // The viewport's scroll position and height are kept here, not read back from the DOM on every key:
    // a read after the key's DOM writes forces a synchronous layout of the whole page (Monaco included).
    this.viewport.addEventListener('scroll', () => {
      this.viewScroll = this.viewport.scrollTop;
      this.drawRows();
    });
    this.grid.addEventListener('keydown', (event) => {
      if (event.target !== this.grid) return;
      if (events.onGridKey(event)) {
        event.preventDefault();
        event.stopPropagation();
      }
    });
    this.grid.addEventListener('focus', () => events.onModeChange('review'));
    this.grid.addEventListener('blur', () => events.onModeChange('editor'));
    this.viewport.addEventListener('mousedown', (event) => {
      const row = (event.target as Element).closest<HTMLElement>('.review-row');
      if (!row) return;
      event.preventDefault(); // Keep the focus on the grid, not the row.
      this.grid.focus();
      events.onSelect(Number(row.dataset.link));
    });
    this.viewport.addEventListener('dblclick', (event) => {
      const row = (event.target as Element).closest<HTMLElement>('.review-row');
      if (row) events.onActivate(Number(row.dataset.link));
    });
    new ResizeObserver((entries) => {
      this.viewHeight = entries.at(-1)?.contentRect.height ?? this.viewport.clientHeight;
      this.viewScroll = this.viewport.scrollTop;
      this.drawRows(true);
    }).observe(this.viewport);
  }

  /** Gives the grid the keyboard (review mode). */
  focusGrid(): void {
    this.grid.focus();
  }

  /** True when the grid has the keyboard. */
  hasFocus(): boolean {
    return document.activeElement === this.grid;
  }

  /** Puts the cursor in the note of the current link. */
  focusNote(): void {
    this.noteField?.focus();
  }

  /** Puts the cursor in the tag field. */
  focusTags(): void {
    this.tagField?.focus();
  }

  /** The link indices listed, in order (for navigation). */
  listedRows(): readonly number[] {
    return this.rows;
  }

  /** The indices of links with mismatch flags. */
  flaggedLinks(): ReadonlySet<number> {
    return this.flagged;
  }

  /** Takes new mismatch flags, by link value (computed off the keystroke path by the controller), and redraws. */
  setFlags(flags: WeakMap<Link, LinkFlag[]>): void {
    this.flags = flags;
    this.flaggedFor = undefined;
    this.rowsKey = [];
    this.detailsKey = [];
    if (this.state) this.render(this.state);
  }

  /** Draws what changed. */
  render(state: WorkbenchState): void {
    this.state = state;
    const alignment = state.session?.alignment;
    const review = state.review;
    this.root.hidden = !review.panelVisible;
    this.root.dataset.mode = review.mode;
    this.modePill.textContent = review.mode === 'review' ? 'Review mode' : 'Text mode';
    this.modePill.title =
      review.mode === 'review'
        ? 'Single keys act on the selected link: C confirm, R reject, M merge, S split, U untranslated… (? lists them, Esc back to the text)'
        : `Keys type text. ${this.events.keyLabel('focus-review')} (or Esc) switches to review mode, where single keys act on links.`;
    this.modePill.classList.toggle('active', review.mode === 'review');
    if (!alignment) {
      this.rows = [];
      this.spacer.style.height = '0px';
      this.drawRows(true);
      this.details.replaceChildren(h('p', { class: 'empty' }, 'No alignment open.'));
      return;
    }
    const changed = new Set(review.changed);
    if (this.flaggedFor?.links !== alignment.links || this.flaggedFor.flags !== this.flags) {
      this.flaggedFor = { links: alignment.links, flags: this.flags };
      this.flagged = new Set(alignment.links.flatMap((link, index) => (this.flags.has(link) ? [index] : [])));
    }
    const key = [alignment.links, review.filter, review.sort, this.flagged, review.changed];
    if (key.some((part, index) => part !== this.rowsKey[index])) {
      this.rowsKey = key;
      this.rows = reviewRows(alignment, review.filter, review.sort, this.flagged, changed);
      this.spacer.style.height = `${this.rows.length * rowHeight}px`;
      this.grid.setAttribute('aria-rowcount', String(this.rows.length));
      const counts = filterCounts(alignment, this.flagged, changed);
      for (const [filter, chip] of this.chips) {
        chip.querySelector('.count')!.textContent = String(counts[filter]);
        chip.setAttribute('aria-checked', String(filter === review.filter));
        chip.classList.toggle('selected', filter === review.filter);
        chip.hidden = filter === 'changed' && counts.changed === 0 && review.filter !== 'changed';
      }
      this.sortSelect.value = review.sort;
      const progress = reviewProgress(alignment.links);
      this.progressMeter.style.width = `${progress.percent}%`;
      this.progressText.replaceChildren(h('strong', {}, `${progress.percent}%`), ` confirmed · ${progress.confirmed} of ${progress.total}`);
      this.progressText.title = `${progress.confirmed} confirmed, ${progress.rejected} rejected, ${progress.auto} to review`;
      this.drawnRange = '';
    }
    const marks = review.marks;
    this.marksInfo.hidden = noMarks(marks);
    if (!noMarks(marks)) {
      const count = marks.source.length + marks.target.length;
      this.marksInfo.replaceChildren(
        icon('pinned'),
        `${count} paragraph${count === 1 ? '' : 's'} marked · `,
        h('kbd', {}, this.events.keyLabel('link-marked')),
        ' link · ',
        h('kbd', {}, this.events.keyLabel('link-with-skip')),
        ' with skip · ',
        h('kbd', {}, this.events.keyLabel('clear-marks')),
        ' clear',
      );
    }
    const current = state.caret?.link ?? -1;
    const currentChanged = current !== this.current;
    this.current = current;
    this.drawRows(currentChanged || this.drawnRange === '');
    if (currentChanged) this.scrollToCurrent();
    this.renderDetails(alignment, current);
  }

  private scrollToCurrent(): void {
    const position = this.rows.indexOf(this.current);
    if (position < 0) return;
    const top = position * rowHeight;
    const scrollTo = top < this.viewScroll ? top : top + rowHeight > this.viewScroll + this.viewHeight ? top + rowHeight - this.viewHeight : undefined;
    if (scrollTo !== undefined) {
      this.viewScroll = Math.max(0, scrollTo);
      this.viewport.scrollTop = this.viewScroll;
    }
    this.drawRows(true);
  }

  private drawRows(force = false): void {
    const alignment = this.state?.session?.alignment;
    const first = Math.max(0, Math.floor(this.viewScroll / rowHeight) - overscan);
    const last = Math.min(this.rows.length, Math.ceil((this.viewScroll + this.viewHeight) / rowHeight) + overscan);
    const range = `${first}:${last}:${this.current}:${this.state?.review.marks.source.length}:${this.state?.review.marks.target.length}`;
    if (!force && range === this.drawnRange) return;
    this.drawnRange = range;
    if (!alignment) {
      this.spacer.replaceChildren();
      this.drawnRows = new Map();
      return;
    }
    const marks = this.state!.review.marks;
    // Rows whose link, place and marks are as drawn stay in the page: a key that changes one link
    // redraws one or two rows, not the forty in view (each new row is style and layout work).
    const drawn = new Map<number, { readonly element: HTMLElement; readonly key: readonly unknown[] }>();
    for (let position = first; position < last; position++) {
      const index = this.rows[position]!;
      const link = alignment.links[index]!;
      const marked = isMarked(link, marks);
      const key = [link, position, index === this.current, marked, this.flags.get(link), alignment.source, alignment.target];
      const old = this.drawnRows.get(index);
      if (old && old.key.every((part, at) => part === key[at])) {
        drawn.set(index, old);
        this.drawnRows.delete(index);
      } else {
        drawn.set(index, { element: this.row(alignment, index, position, marked), key });
      }
    }
    for (const { element } of this.drawnRows.values()) element.remove();
    for (const { element } of drawn.values()) if (element.parentNode !== this.spacer) this.spacer.append(element);
    this.drawnRows = drawn;
    this.grid.setAttribute('aria-activedescendant', this.current >= 0 && this.rows.includes(this.current) ? `review-row-${this.current}` : '');
  }

  private row(alignment: Alignment, index: number, position: number, marked: boolean): HTMLElement {
    const link = alignment.links[index]!;
    const oneSided = isOneSided(link);
    const band = oneSided ? 'untranslated' : confidenceBand(link.confidence);
    const flags = this.flags.get(link) ?? [];
    const markers: (Node | string)[] = [];
    if (flags.length > 0) markers.push(h('span', { class: 'marker flag', title: flags.map((flag) => flag.message).join('\n') }, icon('warning'), String(flags.length)));
    if (link.note) markers.push(h('span', { class: 'marker note', title: link.note }, icon('note')));
    if (link.tags && link.tags.length > 0) markers.push(h('span', { class: 'marker tags', title: link.tags.join(', ') }, icon('tag'), String(link.tags.length)));
    const sourceText = link.source.length > 0 ? snippet(alignment, 'source', link) : '';
    const targetText = link.target.length > 0 ? snippet(alignment, 'target', link) : '';
    return h(
      'div',
      {
        class: `review-row status-${link.status}${index === this.current ? ' current' : ''}${marked ? ' marked' : ''}${oneSided ? ' one-sided' : ''}`,
        role: 'row',
        id: `review-row-${index}`,
        'aria-selected': String(index === this.current),
        'aria-rowindex': position + 1,
        'data-link': index,
        'data-status': link.status,
        style: `top:${position * rowHeight}px`,
      },
      h('span', { role: 'gridcell', class: 'cell-mark', title: marked ? 'Marked for linking' : '' }, marked ? icon('pinned') : ''),
      h('span', { role: 'gridcell', class: 'cell-index' }, String(index + 1)),
      h('span', { role: 'gridcell', class: `cell-status ${link.status}` }, icon(statusIcons[link.status]), statusLabels[link.status]),
      h('span', { role: 'gridcell', class: 'cell-paragraphs' }, describeLink(link)),
      h(
        'span',
        { class: `cell-confidence ${band}`, title: oneSided ? 'One-sided link' : `Confidence ${link.confidence.toFixed(2)}` },
        h('span', { role: 'gridcell', class: 'bar' }, h('span', { style: `width:${Math.round(link.confidence * 100)}%` })),
        link.confidence.toFixed(2),
      ),
      h('span', { role: 'gridcell', class: 'cell-text', lang: alignment.source.language.detected.bcp47 }, sourceText || h('em', {}, link.source.length === 0 ? 'added in the translation' : '')),
      h('span', { role: 'gridcell', class: 'cell-text', lang: alignment.target.language.detected.bcp47 }, targetText || h('em', {}, 'not translated')),
      h('span', { role: 'gridcell', class: 'cell-markers' }, ...markers),
    );
  }

  private renderDetails(alignment: Alignment, index: number): void {
    const link = alignment.links[index];
    const key = [link, index, link ? this.flags.get(link) : undefined, alignment.links];
    if (key.every((part, position) => part === this.detailsKey[position])) return;
    const editingNote = this.noteField !== undefined && document.activeElement === this.noteField && this.noteField.dataset.link === String(index);
    const editingTag = this.tagField !== undefined && document.activeElement === this.tagField && this.tagField.dataset.link === String(index);
    this.detailsKey = key;
    if (!link) {
      this.noteField = undefined;
      this.tagField = undefined;
      this.details.replaceChildren(
        h('p', { class: 'empty' }, 'Put the caret in a paragraph, or pick a link in the list.'),
        h('p', { class: 'empty hint' }, 'Press ', h('kbd', {}, this.events.keyLabel('focus-review')), ' for review mode, ', h('kbd', {}, '?'), ' for all keys.'),
      );
      return;
    }
    const key1 = (command: string) => this.events.keyLabel(command);
    const action = (command: string, name: string, label: string, testid: string, short = true) =>
      h(
        'button',
        {
          type: 'button',
          class: `tool${short ? '' : ' icon-only'}`,
          title: `${label} (${key1(command)})`,
          'aria-label': label,
          'data-testid': testid,
          onclick: () => this.events.onCommand(command),
        },
        icon(name),
        short ? h('span', {}, label) : undefined,
      );
    const flags = this.flags.get(link) ?? [];
    // The note: kept as typed while it has the focus (the store's copy follows each keystroke).
    const note = editingNote && this.noteField ? this.noteField : h('textarea', {
      class: 'note',
      rows: 2,
      placeholder: `A note on this link, for the translator or the next reviewer… (${key1('edit-note')})`,
      'aria-label': 'Note',
      'data-testid': 'note',
      'data-link': index,
    });
    if (!editingNote) note.value = link.note ?? '';
    note.oninput = () => this.events.onNote(index, note.value);
    note.onkeydown = (event) => {
      if (event.key === 'Escape') {
        event.preventDefault();
        this.events.onFieldDone();
      }
    };
    this.noteField = note;

    const tags = link.tags ?? [];
    const toggle = (tag: string) => this.events.onTags(index, tags.includes(tag) ? tags.filter((other) => other !== tag) : normaliseTags([...tags, tag]));
    const known = knownTags.map((tag, position) =>
      h(
        'button',
        {
          type: 'button',
          class: `tag-chip${tags.includes(tag) ? ' on' : ''}`,
          'aria-pressed': String(tags.includes(tag)),
          title: `${tags.includes(tag) ? 'Remove' : 'Add'} “${tag}” (${key1(`toggle-tag-${position + 1}`)} in review mode)`,
          'data-testid': `tag-${tag}`,
          onclick: () => toggle(tag),
        },
        h('kbd', {}, String(position + 1)),
        tag,
      ),
    );
    const own = tags
      .filter((tag) => !(knownTags as readonly string[]).includes(tag))
      .map((tag) =>
        h(
          'span',
          { class: 'tag-chip on own', 'data-testid': `tag-${tag}` },
          tag,
          h('button', { type: 'button', class: 'remove', title: `Remove “${tag}”`, 'aria-label': `Remove tag ${tag}`, onclick: () => toggle(tag) }, icon('close')),
        ),
      );
    const used = [...new Set(alignment.links.flatMap((other) => other.tags ?? []))].filter((tag) => !(knownTags as readonly string[]).includes(tag));
    const listId = 'review-tag-suggestions';
    const tagInput =
      editingTag && this.tagField
        ? this.tagField
        : h('input', { type: 'text', class: 'tag-input', placeholder: `Add a tag… (${key1('edit-tags')})`, list: listId, 'aria-label': 'Add a tag', 'data-testid': 'tag-input', 'data-link': index });
    tagInput.onkeydown = (event) => {
      if (event.key === 'Enter') {
        event.preventDefault();
        const value = tagInput.value.trim();
        if (value.length > 0) this.events.onTags(index, normaliseTags([...tags, ...value.split(',')]));
        tagInput.value = '';
      } else if (event.key === 'Escape') {
        event.preventDefault();
        tagInput.value = '';
        this.events.onFieldDone();
      }
    };
    this.tagField = tagInput;

    this.details.replaceChildren(
      h(
        'div',
        { class: 'details-title' },
        h('strong', {}, `Link ${index + 1}`),
        h('span', { class: 'details-paragraphs' }, `¶ ${describeLink(link)}`),
        h('span', { class: `status-pill ${link.status}` }, icon(statusIcons[link.status]), statusLabels[link.status]),
        h('span', { class: 'fill' }),
        isOneSided(link)
          ? h('span', { class: 'details-confidence' }, link.source.length === 0 ? 'added in the translation' : 'not translated')
          : h('span', { class: `details-confidence ${confidenceBand(link.confidence)}` }, `confidence ${link.confidence.toFixed(2)}`),
      ),
      h(
        'div',
        { class: 'details-actions' },
        action('confirm-next', 'check', 'Confirm', 'action-confirm'),
        action('reject', 'close', 'Reject', 'action-reject'),
        h('span', { class: 'separator' }),
        action('merge-next', 'fold-down', 'Merge with next link', 'action-merge', false),
        action('split', 'split-vertical', 'Split link', 'action-split', false),
        action('unlink', 'debug-disconnect', 'Unlink', 'action-unlink', false),
        action('mark-untranslated', 'circle-slash', 'Mark paragraph untranslated', 'action-untranslated', false),
        action('shift-up', 'arrow-up', 'Move paragraph to previous link', 'action-shift-up', false),
        action('shift-down', 'arrow-down', 'Move paragraph to next link', 'action-shift-down', false),
        action('realign', 'sync', 'Re-align between confirmed links', 'action-realign', false),
      ),
      flags.length > 0
        ? h(
            'ul',
            { class: 'flags', 'data-testid': 'flags', 'aria-label': 'What differs between the sides' },
            ...flags.map((flag) => h('li', { class: `flag ${flag.kind}` }, icon('warning'), h('span', {}, flag.message))),
          )
        : h('p', { class: 'no-flags' }, icon('pass'), 'Numbers, names, URLs and quotations agree.'),
      h('label', { class: 'details-label' }, 'Note'),
      note,
      h('label', { class: 'details-label' }, 'Tags'),
      h('div', { class: 'tags' }, ...known, ...own),
      h('div', { class: 'tag-add' }, tagInput, h('datalist', { id: listId }, ...used.map((tag) => h('option', { value: tag })))),
    );
    if (editingNote) note.focus();
    if (editingTag) tagInput.focus();
  }
}
