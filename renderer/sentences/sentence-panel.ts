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
 * in it; Enter or Esc go back to the text. Where the segmenter cut a sentence
 * wrongly, Shift+S shows a cut in the picked sentence (where the reviewer
 * clicked in it, else near its middle) that ← → move by word and Shift+← →
 * by letter, and Enter cuts there; Shift+M joins the picked sentence with the
 * next one of its side. Every fix is an edit of the one undo history, and
 * the link then stores its sentence pairs in the file. The keys the panel
 * names are read from the keymap, so a remapped key is named as remapped.
 *
 * Computed pairs are computed on the next frame after the link or the
 * alignment changes, and only while the panel is shown, from the links around
 * the one under the caret, so the cost does not grow with the document.
 */
import './sentence-panel.css';
import type { Alignment, SegmentationRecord } from '../../shared/model/alignment.ts';
import type { AlignmentEdit } from '../../shared/edits/operations.ts';
import { paragraphText } from '../../shared/model/document.ts';
import { sentencesOfLink } from '../../shared/align/link-sentences.ts';
import type { LinkSentences, SentenceRef } from '../../shared/align/sentence-align.ts';
import type { CommandId } from '../commands/command-table.ts';
import type { SegmentationRules } from '../../shared/text/sentences.ts';
import { confidenceBand, describeLink } from '../state/alignment-index.ts';
import { h, icon } from '../ui/dom.ts';
import { planCut, planSentenceCommand, type SentenceAt, type SentenceContext } from './sentence-commands.ts';
import { cutPositions, nearestPosition, stepPosition } from './sentence-cut.ts';

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
  /** The key a review command has now, as the user reads it (`C`, `Shift+S`), for the panel's key help. */
  keyLabel(command: CommandId): string;
}

/** A cut being placed in a sentence: where Enter will cut it (an offset in its paragraph's text). */
interface PendingCut {
  readonly sentence: SentenceAt;
  readonly at: number;
}

/** The panel, built into `element` (hidden until {@link SentencePanel.setVisible}). */
export class SentencePanel {
  private readonly list: HTMLElement;
  private readonly caption: HTMLElement;
  private readonly help: HTMLElement;
  private readonly keys: HTMLElement;
  /** The cut being placed (Shift+S), if any. */
  private cut: PendingCut | undefined;
  /** Where the reviewer last clicked inside the picked sentence: where Shift+S puts the cut first. */
  private clicked: PendingCut | undefined;
  private alignment: Alignment | undefined;
  private link = -1;
  /** What the shown list was made from, to skip recomputing when nothing changed. */
  private drawn:
    | { alignment: Alignment | undefined; link: number; selected: number; marks: readonly number[]; sentence: SentenceAt | undefined; cut: PendingCut | undefined }
    | undefined;
  private block: LinkSentences | undefined;
  private selected = 0;
  private marks: readonly number[] = [];
  private sentence: SentenceAt | undefined;
  private visible = false;
  private frame = 0;
  private rules: SegmentationRules | undefined;
  private rulesRecord: SegmentationRecord | undefined;

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
      'aria-label': 'Sentence pairs',
    });
    this.help = h('p', { class: 'sentence-help', 'data-testid': 'sentence-help', 'aria-live': 'polite' });
    this.list.addEventListener('keydown', (event) => this.onKey(event));
    this.list.addEventListener('mousedown', (event) => this.onMouseDown(event));
    element.replaceChildren(
      h(
        'div',
        { class: 'panel-header' },
        icon('list-flat'),
        h('span', { class: 'panel-title' }, 'Sentences'),
        this.caption,
        h('span', { class: 'fill' }),
        (this.keys = h('span', { class: 'sentence-keys', 'data-testid': 'sentence-keys' })),
        h(
          'button',
          { type: 'button', class: 'tool icon-only', title: 'Close the sentence pairs', 'aria-label': 'Close the sentence pairs', onclick: () => this.events.onClose() },
          icon('close'),
        ),
      ),
      this.list,
      this.help,
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

  /** Takes the SRX rules computed sentence pairs are cut by and their record (undefined: the built-in segmenter). */
  setRules(rules: SegmentationRules | undefined, record: SegmentationRecord | undefined): void {
    this.rules = rules;
    this.rulesRecord = record;
    this.drawn = undefined;
    if (this.visible) this.schedule();
  }

  /** Takes the current alignment and the link under the caret (-1: none). */
  update(alignment: Alignment | undefined, link: number): void {
    if (link !== this.link) {
      this.selected = 0;
      this.marks = [];
      this.sentence = undefined;
      this.clicked = undefined;
    }
    // A cut placed, or a point clicked, in the old sentences means nothing in new ones (an undo, typing in the text).
    if (alignment !== this.alignment || link !== this.link) {
      this.cut = undefined;
      this.clicked = undefined;
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
    this.cut = undefined;
    this.draw();
    this.list.querySelector('.sentence-row.selected')?.scrollIntoView({ block: 'nearest' });
  }

  private context(): SentenceContext | undefined {
    if (!this.alignment || !this.block) return undefined;
    return {
      link: this.link,
      block: this.block,
      stored: this.alignment.links[this.link]?.sentences !== undefined,
      selected: this.selected,
      ...(this.sentence ? { sentence: this.sentence } : {}),
      marks: this.marks,
      now: new Date().toISOString(),
      ...(this.rulesRecord ? { rules: this.rulesRecord } : {}),
    };
  }

  /** A click on a row selects its pair; on a sentence's text, picks that sentence and remembers the point for a cut. */
  private onMouseDown(event: MouseEvent): void {
    const target = event.target instanceof Element ? event.target : null;
    const row = target?.closest<HTMLElement>('.sentence-row');
    if (!row) return;
    const pair = Number(row.dataset.pair);
    const sentenceElement = target?.closest<HTMLElement>('.sentence[data-index]');
    if (!sentenceElement || !this.alignment || !this.block) {
      this.clicked = undefined;
      return this.select(pair);
    }
    const sentence: SentenceAt = { side: sentenceElement.dataset.side === 'target' ? 'target' : 'source', index: Number(sentenceElement.dataset.index) };
    const offset = textOffsetAt(sentenceElement, event.clientX, event.clientY);
    const at = offset === undefined ? undefined : this.snapCut(sentence, offset);
    const cutting = this.cut !== undefined;
    this.clicked = at === undefined ? undefined : { sentence, at };
    this.select(pair, sentence);
    // While a cut is shown, a click moves it there.
    if (cutting && this.clicked) {
      this.cut = this.clicked;
      this.draw();
    }
  }

  private onKey(event: KeyboardEvent): void {
    if (this.cut && this.onCutKey(event)) {
      event.preventDefault();
      event.stopPropagation();
      return;
    }
    const command = this.events.commandFor(event);
    const context = this.context();
    if (!command || !context) return;
    event.preventDefault();
    event.stopPropagation();
    this.follow(planSentenceCommand(command, context), command);
  }

  /** Keys while a cut is shown: the arrows move it, Enter (or the cut key again) cuts, Esc takes it away. False: not a cut key. */
  private onCutKey(event: KeyboardEvent): boolean {
    const cut = this.cut!;
    const command = this.events.commandFor(event);
    if (event.key === 'Escape') {
      this.cut = undefined;
      this.draw();
      return true;
    }
    if (event.key === 'Enter' || command === 'split-sentence') {
      const context = this.context();
      this.cut = undefined;
      if (context) this.follow(planCut(context, cut.sentence, cut.at), 'split-sentence');
      else this.draw();
      return true;
    }
    const positions = this.positionsOf(cut.sentence, event.shiftKey ? 'grapheme' : 'word');
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : event.key === 'Home' ? -Infinity : event.key === 'End' ? Infinity : 0;
    if (step === 0 || event.ctrlKey || event.altKey || event.metaKey) {
      // Any other key leaves the cut and does what it does.
      this.cut = undefined;
      this.draw();
      return false;
    }
    const at = stepPosition(positions, cut.at, step);
    if (at !== undefined) {
      this.cut = { sentence: cut.sentence, at };
      this.draw();
    }
    return true;
  }

  /** Carries out what `command` planned. */
  private follow(plan: ReturnType<typeof planSentenceCommand>, command: CommandId): void {
    switch (plan.kind) {
      case 'edit':
        if (this.events.onEdit(plan.edit)) {
          this.selected = plan.select;
          this.sentence = plan.sentence;
          this.clicked = undefined;
          if (plan.clearMarks) this.marks = [];
          this.draw();
          this.list.querySelector('.sentence-row.selected')?.scrollIntoView({ block: 'nearest' });
        }
        return;
      case 'cut': {
        const clicked = this.clicked;
        const same = clicked && clicked.sentence.side === plan.sentence.side && clicked.sentence.index === plan.sentence.index;
        // Near the middle, between words; a sentence of one long word (a name, an unknown compound) between letters.
        const words = this.positionsOf(plan.sentence, 'word');
        const positions = words.length > 0 ? words : this.positionsOf(plan.sentence, 'grapheme');
        const at = same ? clicked.at : nearestPosition(positions, this.middleOf(plan.sentence));
        if (at === undefined) return this.events.hint('That sentence is a single letter: there is nowhere to cut it.');
        this.sentence = plan.sentence;
        this.cut = { sentence: plan.sentence, at };
        return this.draw();
      }
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

  /** The sentence's span and text, and its document's language. */
  private sentenceOf(sentence: SentenceAt): { start: number; text: string; language: string } | undefined {
    const alignment = this.alignment;
    const ref = this.block?.[sentence.side === 'source' ? 'sourceSentences' : 'targetSentences'][sentence.index];
    if (!alignment || !ref) return undefined;
    const document = alignment[sentence.side];
    return {
      start: ref.start,
      text: paragraphText(document, ref.paragraph).slice(ref.start, ref.end),
      language: document.language.override?.bcp47 ?? document.language.detected.bcp47,
    };
  }

  /** Where the sentence may be cut (offsets in its paragraph's text), by word or by letter. */
  private positionsOf(sentence: SentenceAt, unit: 'word' | 'grapheme'): readonly number[] {
    const found = this.sentenceOf(sentence);
    return found ? cutPositions(found.text, found.language, unit).map((offset) => found.start + offset) : [];
  }

  private middleOf(sentence: SentenceAt): number {
    const found = this.sentenceOf(sentence);
    return found ? found.start + found.text.length / 2 : 0;
  }

  /** A clicked offset in the sentence (from its start) as the nearest place a cut may go, in paragraph offsets. */
  private snapCut(sentence: SentenceAt, offset: number): number | undefined {
    const found = this.sentenceOf(sentence);
    if (!found) return undefined;
    return nearestPosition(this.positionsOf(sentence, 'grapheme'), found.start + offset);
  }

  /** The key help under the list: what each key does, as mapped now; while a cut is shown, the cut's keys. */
  private drawHelp(): void {
    const key = (command: CommandId) => this.events.keyLabel(command);
    this.help.classList.toggle('cutting', this.cut !== undefined);
    if (this.cut) {
      const side = this.cut.sentence.side === 'source' ? 'original' : 'translation';
      this.help.textContent = `Cutting ${side} sentence ${this.cut.sentence.index + 1}: ← → move the cut by word, Shift+← → by letter, Home/End, or click in the sentence · Enter cuts (both parts stay in the pair; then ${key('shift-up')} moves the first part to the pair above, ${key('shift-down')} the second to the pair below) · Esc cancels`;
      return;
    }
    this.help.textContent = [
      `↑ ↓ pair, ← → sentence`,
      `${key('confirm-next')} confirm`,
      `${key('reject')} reject`,
      `${key('merge-next')} merge with next pair`,
      `${key('split')} split pair`,
      `${key('unlink')} unlink`,
      `${key('mark-untranslated')} sentence untranslated`,
      `${key('shift-up')}/${key('shift-down')} move sentence to pair above/below`,
      `${key('split-sentence')} cut sentence`,
      `${key('join-sentence')} join with next sentence`,
      `${key('toggle-mark')} mark, ${key('link-marked')} link marked`,
      `${key('realign')} recompute`,
      `${key('undo')} undo`,
      `Enter back to the text`,
    ].join(' · ');
  }

  private draw(): void {
    const { alignment, link, selected, marks, sentence, cut } = this;
    if (!this.visible) return;
    const drawn = this.drawn;
    if (drawn && drawn.alignment === alignment && drawn.link === link && drawn.selected === selected && drawn.marks === marks && drawn.sentence === sentence && drawn.cut === cut) {
      return;
    }
    const sameBlock = drawn && drawn.alignment === alignment && drawn.link === link;
    this.drawn = { alignment, link, selected, marks, sentence, cut };
    this.drawHelp();
    const chosen = alignment?.links[link];
    // Pairs the aligner stored (`bitext align --sentences`) are all `auto`; a reviewer's fix confirms or rejects one.
    const stored = chosen?.sentences;
    this.caption.classList.toggle('stored', stored !== undefined && stored.pairs.some((pair) => pair.status !== 'auto'));
    this.caption.classList.toggle('stored-by-aligner', stored !== undefined && stored.pairs.every((pair) => pair.status === 'auto'));
    if (!alignment || !chosen) {
      this.block = undefined;
      this.caption.textContent = '';
      this.list.replaceChildren(h('p', { class: 'panel-empty' }, 'Put the caret in a linked paragraph to see its sentence pairs.'));
      return;
    }
    const block = sameBlock ? this.block : sentencesOfLink(alignment, link, this.rules);
    this.block = block;
    this.caption.textContent = `link ${link + 1} · ¶ ${describeLink(chosen)}`;
    this.keys.textContent = `${this.events.keyLabel('focus-sentences')} or a click gives the pairs the keys below`;
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
              const isPicked = picked?.side === side && picked.index === at;
              const cut = isPicked && this.cut?.sentence.side === side && this.cut.sentence.index === at ? this.cut.at - ref.start : undefined;
              const attributes = { class: isPicked ? `sentence picked${cut !== undefined ? ' cutting' : ''}` : 'sentence', 'data-side': side, 'data-index': String(at) };
              if (cut === undefined) return h('span', attributes, text);
              // The cut as a bar between the two parts (not text: a copy of the sentence stays the sentence).
              return h('span', attributes, text.slice(0, cut), h('span', { class: 'sentence-cut', 'data-testid': 'sentence-cut', 'aria-label': 'cut here' }), text.slice(cut));
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

/** The offset in `element`'s text (its text nodes in order) of the point the pointer is at, or undefined. */
function textOffsetAt(element: HTMLElement, x: number, y: number): number | undefined {
  const range = document.caretRangeFromPoint?.(x, y);
  if (!range || !element.contains(range.startContainer)) return undefined;
  let offset = 0;
  const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node === range.startContainer) return offset + range.startOffset;
    offset += node.textContent?.length ?? 0;
  }
  return undefined;
}
