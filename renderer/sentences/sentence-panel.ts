/**
 * The sentence panel: the sentence pairs inside the link under the caret, as
 * the sentence aligner finds them (shared/align/link-sentences.ts) and as
 * `Export… → one pair per sentence` writes them. Read-only: the reviewer fixes
 * links at paragraph level, and the sentence pairs follow.
 *
 * The pairs are computed on the next frame after the link or the alignment
 * changes, and only while the panel is shown, from the links around the one
 * under the caret, so the cost does not grow with the document.
 */
import type { Alignment } from '../../shared/model/alignment.ts';
import { paragraphText } from '../../shared/model/document.ts';
import { sentencesOfLink } from '../../shared/align/link-sentences.ts';
import type { LinkSentences, SentenceRef } from '../../shared/align/sentence-align.ts';
import { confidenceBand, describeLink } from '../state/alignment-index.ts';
import { h, icon } from '../ui/dom.ts';

/** What the panel tells its owner. */
export interface SentencePanelEvents {
  /** The user closed the panel. */
  onClose(): void;
}

/** The panel, built into `element` (hidden until {@link SentencePanel.setVisible}). */
export class SentencePanel {
  private readonly list: HTMLElement;
  private readonly caption: HTMLElement;
  private alignment: Alignment | undefined;
  private link = -1;
  /** What the shown list was made from, to skip recomputing when neither changed. */
  private drawn: { alignment: Alignment | undefined; link: number } | undefined;
  private visible = false;
  private frame = 0;

  constructor(
    private readonly element: HTMLElement,
    events: SentencePanelEvents,
  ) {
    this.caption = h('span', { class: 'panel-caption', 'data-testid': 'sentence-caption' });
    this.list = h('div', { class: 'sentence-list', 'data-testid': 'sentence-list' });
    element.replaceChildren(
      h(
        'div',
        { class: 'panel-header' },
        icon('list-flat'),
        h('span', { class: 'panel-title' }, 'Sentences'),
        this.caption,
        h('span', { class: 'fill' }),
        h(
          'button',
          { type: 'button', class: 'tool icon-only', title: 'Close the sentence pairs', 'aria-label': 'Close the sentence pairs', onclick: () => events.onClose() },
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

  /** Takes the current alignment and the link under the caret (-1: none). */
  update(alignment: Alignment | undefined, link: number): void {
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

  private draw(): void {
    const { alignment, link } = this;
    if (!this.visible || (this.drawn && this.drawn.alignment === alignment && this.drawn.link === link)) return;
    this.drawn = { alignment, link };
    const chosen = alignment?.links[link];
    if (!alignment || !chosen) {
      this.caption.textContent = '';
      this.list.replaceChildren(h('p', { class: 'panel-empty' }, 'Put the caret in a linked paragraph to see its sentence pairs.'));
      return;
    }
    const block = sentencesOfLink(alignment, link);
    this.caption.textContent = `link ${link + 1} · ¶ ${describeLink(chosen)}`;
    if (!block) {
      this.list.replaceChildren(h('p', { class: 'panel-empty' }, 'This paragraph has no counterpart, so it has no sentence pairs.'));
      return;
    }
    this.caption.textContent += ` · ${block.sourceSentences.length} × ${block.targetSentences.length} sentences · ${block.links.length} pairs`;
    this.list.replaceChildren(...block.links.map((sentenceLink, index) => this.row(alignment, block, index, sentenceLink)));
  }

  private row(alignment: Alignment, block: LinkSentences, index: number, sentenceLink: LinkSentences['links'][number]): HTMLElement {
    const text = (document: Alignment['source'], refs: readonly SentenceRef[], indices: readonly number[]) =>
      indices.map((at) => {
        const ref = refs[at]!;
        return paragraphText(document, ref.paragraph).slice(ref.start, ref.end);
      });
    const cell = (texts: string[], side: 'source' | 'target') =>
      h(
        'div',
        { class: `sentence-cell ${side}`, dir: 'auto' },
        ...(texts.length === 0 ? [h('span', { class: 'sentence-none' }, 'no counterpart')] : texts.map((sentence) => h('span', { class: 'sentence' }, sentence))),
      );
    const confidence = sentenceLink.confidence;
    return h(
      'div',
      { class: 'sentence-row', 'data-testid': 'sentence-row' },
      h('span', { class: 'sentence-number', title: `${sentenceLink.source.length}:${sentenceLink.target.length}` }, String(index + 1)),
      cell(text(alignment.source, block.sourceSentences, sentenceLink.source), 'source'),
      cell(text(alignment.target, block.targetSentences, sentenceLink.target), 'target'),
      h('span', { class: `sentence-confidence confidence-${confidenceBand(confidence)}`, title: 'Confidence of this sentence pair inside its link' }, confidence.toFixed(2)),
    );
  }
}
