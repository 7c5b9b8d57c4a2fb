/**
 * The sentence panel: the sentence pairs inside the link under the caret, as
 * the sentence aligner finds them (shared/align/link-sentences.ts) or as a
 * reviewer fixed them, and as `Export… → one pair per sentence` writes them.
 *
 * The reviewer fixes them with the paragraph review's keys (sentence-commands.ts):
 * click a pair or press Shift+F6, then C confirms, R rejects, M merges with the
 * next pair, S splits, X unlinks, U makes the picked sentence untranslated,
 * K/J move a sentence across the pair's boundary, Space and L link marked
 * pairs, A drops the fix (computed again); ↑ ↓ choose a pair, ← → a sentence
 * in it; Enter or Esc go back to the text. Every fix is an edit of the one
 * undo history, and the link then stores its sentence pairs in the file.
 *
 * Computed pairs are computed on the next frame after the link or the
 * alignment changes, and only while the panel is shown, from the links around
 * the one under the caret, so the cost does not grow with the document.
 */
import './sentence-panel.css';
import type { Alignment } from '../../shared/model/alignment.ts';
import type { AlignmentEdit } from '../../shared/edits/operations.ts';
import { paragraphText } from '../../shared/model/document.ts';
import { sentencesOfLink } from '../../shared/align/link-sentences.ts';
import type { LinkSentences, SentenceRef } from '../../shared/align/sentence-align.ts';
import type { CommandId } from '../commands/command-table.ts';
import type { SegmentationRules } from '../../shared/text/sentences.ts';
import { confidenceBand, describeLink } from '../state/alignment-index.ts';
import { h, icon } from '../ui/dom.ts';
import { planSentenceCommand, type SentenceAt } from './sentence-commands.ts';

/** What the panel tells its owner. */
export interface SentencePanelEvents {
  /** The user closed the panel. */
  onClose(): void;
  /** The review command a key stands for (review mode's keys, with the user's remappings). */
  commandFor(event: KeyboardEvent): CommandId | undefined;
  /** Applies an edit through the undo history; false when it was refused (the owner has said why). */
  onEdit(edit: AlignmentEdit): boolean;
  /** Runs a command that is not the panel's own (undo, redo, the shortcut sheet). */
  onCommand(command: CommandId): void;
  /** The keyboard goes back to the text. */
  onLeave(): void;
  /** Says something briefly (why a key did nothing). */
  hint(message: string): void;
}

/** The panel, built into `element` (hidden until {@link SentencePanel.setVisible}). */
export class SentencePanel {
  private readonly list: HTMLElement;
  private readonly caption: HTMLElement;
  private alignment: Alignment | undefined;
  private link = -1;
  /** What the shown list was made from, to skip recomputing when nothing changed. */
  private drawn: { alignment: Alignment | undefined; link: number; selected: number; marks: readonly number[]; sentence: SentenceAt | undefined } | undefined;
  private block: LinkSentences | undefined;
  private selected = 0;
  private marks: readonly number[] = [];
  private sentence: SentenceAt | undefined;
  private visible = false;
  private frame = 0;
  private rules: SegmentationRules | undefined;

  constructor(
    private readonly element: HTMLElement,
    private readonly events: SentencePanelEvents,
  ) {
    this.caption = h('span', { class: 'panel-caption', 'data-testid': 'sentence-caption' });
    this.list = h('div', {
      class: 'sentence-list',
      'data-testid': 'sentence-list',
      role: 'listbox',
      tabindex: '0',
      'aria-label': 'Sentence pairs: C confirm, M merge, S split, X unlink, U untranslated, K and J move a sentence, A recompute',
    });
    this.list.addEventListener('keydown', (event) => this.onKey(event));
    this.list.addEventListener('mousedown', (event) => {
      const row = event.target instanceof Element ? event.target.closest<HTMLElement>('.sentence-row') : null;
      if (!row) return;
      this.select(Number(row.dataset.pair));
    });
    element.replaceChildren(
      h(
        'div',
        { class: 'panel-header' },
        icon('list-flat'),
        h('span', { class: 'panel-title' }, 'Sentences'),
        this.caption,
        h('span', { class: 'fill' }),
        h('span', { class: 'sentence-keys' }, 'Shift+F6 or click, then C M S X U K J · A recompute'),
        h(
          'button',
          { type: 'button', class: 'tool icon-only', title: 'Close the sentence pairs', 'aria-label': 'Close the sentence pairs', onclick: () => this.events.onClose() },
          icon('close'),
        ),
      ),
      this.list,
    );
  }

  /** Shows or hides the panel; a shown panel lists the pairs of the latest link. */
  setVisible(visible: boolean): void {
    this.visible = visible;
    this.element.hidden = !visible;
    if (visible) this.schedule();
  }

  /** Whether the panel is shown. */
  isVisible(): boolean {
    return this.visible;
  }

  /** Gives the keyboard to the list of pairs (drawn first if need be). */
  focus(): void {
    this.draw();
    this.list.focus();
  }

  /** Takes the SRX rules computed sentence pairs are cut by (undefined: the built-in segmenter). */
  setRules(rules: SegmentationRules | undefined): void {
    this.rules = rules;
    this.drawn = undefined;
    if (this.visible) this.schedule();
  }

  /** Takes the current alignment and the link under the caret (-1: none). */
  update(alignment: Alignment | undefined, link: number): void {
    if (link !== this.link) {
      this.selected = 0;
      this.marks = [];
      this.sentence = undefined;
    }
    this.alignment = alignment;
    this.link = link;
    if (this.visible) this.schedule();
  }

  private schedule(): void {
    if (this.frame !== 0) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.draw();
    });
  }

  private select(pair: number, sentence?: SentenceAt): void {
    this.selected = pair;
    this.sentence = sentence;
    this.draw();
    this.list.querySelector('.sentence-row.selected')?.scrollIntoView({ block: 'nearest' });
  }

  private onKey(event: KeyboardEvent): void {
    const command = this.events.commandFor(event);
    if (!command || !this.alignment || !this.block) return;
    event.preventDefault();
    event.stopPropagation();
    const plan = planSentenceCommand(command, {
      link: this.link,
      block: this.block,
      stored: this.alignment.links[this.link]?.sentences !== undefined,
      selected: this.selected,
      ...(this.sentence ? { sentence: this.sentence } : {}),
      marks: this.marks,
      now: new Date().toISOString(),
    });
    switch (plan.kind) {
      case 'edit':
        if (this.events.onEdit(plan.edit)) {
          this.selected = plan.select;
          this.sentence = undefined;
          if (plan.clearMarks) this.marks = [];
        }
        return;
      case 'select':
        return this.select(plan.pair, plan.sentence);
      case 'marks':
        this.marks = plan.marks;
        return this.draw();
      case 'refused':
        return this.events.hint(plan.reason);
      case 'leave':
        return this.events.onLeave();
      case 'pass':
        return this.events.onCommand(command);
    }
  }

  private draw(): void {
    const { alignment, link, selected, marks, sentence } = this;
    if (!this.visible) return;
    const drawn = this.drawn;
    if (drawn && drawn.alignment === alignment && drawn.link === link && drawn.selected === selected && drawn.marks === marks && drawn.sentence === sentence) return;
    const sameBlock = drawn && drawn.alignment === alignment && drawn.link === link;
    this.drawn = { alignment, link, selected, marks, sentence };
    const chosen = alignment?.links[link];
    this.caption.classList.toggle('stored', chosen?.sentences !== undefined);
    if (!alignment || !chosen) {
      this.block = undefined;
      this.caption.textContent = '';
      this.list.replaceChildren(h('p', { class: 'panel-empty' }, 'Put the caret in a linked paragraph to see its sentence pairs.'));
      return;
    }
    const block = sameBlock ? this.block : sentencesOfLink(alignment, link, this.rules);
    this.block = block;
    this.caption.textContent = `link ${link + 1} · ¶ ${describeLink(chosen)}`;
    if (!block) {
      this.list.replaceChildren(h('p', { class: 'panel-empty' }, 'This paragraph has no counterpart, so it has no sentence pairs.'));
      return;
    }
    if (this.selected >= block.links.length) this.selected = Math.max(0, block.links.length - 1);
    this.caption.textContent += ` · ${block.sourceSentences.length} × ${block.targetSentences.length} sentences · ${block.links.length} pairs`;
    this.list.setAttribute('aria-activedescendant', `sentence-pair-${this.selected + 1}`);
    this.list.replaceChildren(...block.links.map((sentenceLink, index) => this.row(alignment, block, index, sentenceLink)));
  }

  private row(alignment: Alignment, block: LinkSentences, index: number, sentenceLink: LinkSentences['links'][number]): HTMLElement {
    const picked = index === this.selected ? this.sentence : undefined;
    const cell = (side: 'source' | 'target', refs: readonly SentenceRef[], indices: readonly number[]) =>
      h(
        'div',
        { class: `sentence-cell ${side}`, dir: 'auto', lang: alignment[side].language.override?.bcp47 ?? alignment[side].language.detected.bcp47 },
        ...(indices.length === 0
          ? [h('span', { class: 'sentence-none' }, 'no counterpart')]
          : indices.map((at) => {
              const ref = refs[at]!;
              const text = paragraphText(alignment[side], ref.paragraph).slice(ref.start, ref.end);
              return h('span', { class: picked?.side === side && picked.index === at ? 'sentence picked' : 'sentence' }, text);
            })),
      );
    const confidence = sentenceLink.confidence;
    const status = sentenceLink.status ?? 'auto';
    const classes = ['sentence-row', `status-${status}`, index === this.selected ? 'selected' : '', this.marks.includes(index) ? 'marked' : ''].filter(Boolean).join(' ');
    return h(
      'div',
      {
        class: classes,
        id: `sentence-pair-${index + 1}`,
        role: 'option',
        'aria-selected': String(index === this.selected),
        'data-testid': 'sentence-row',
        'data-pair': String(index),
        'data-status': status,
      },
      h('span', { class: 'sentence-number', title: `${sentenceLink.source.length}:${sentenceLink.target.length}, ${status}` }, String(index + 1)),
      cell('source', block.sourceSentences, sentenceLink.source),
      cell('target', block.targetSentences, sentenceLink.target),
      h('span', { class: `sentence-confidence confidence-${confidenceBand(confidence)}`, title: 'Confidence of this sentence pair inside its link' }, confidence.toFixed(2)),
    );
  }
}
