/**
 * What each paragraph looks like in its editor, as Monaco decorations:
 * - linked paragraphs share a colour band (a bar in the gutter and a faint
 *   background), hues alternating from link to link so neighbours differ;
 * - untranslated paragraphs (1:0 and 0:1) are grey and hatched;
 * - paragraphs in another language than their document get a wavy underline,
 *   a hover that says so (`paragraph.language.mismatch`) and a mark in the scrollbar;
 * - paragraphs a reader marked (page furniture, footnotes, text boxes) start
 *   with a small label, and a hover says what the mark means;
 * - the link under the caret is highlighted on both sides.
 * Pure: builds plain decoration descriptions from the alignment and the lines.
 */
import type { Alignment, Link, Side } from '../../shared/model/alignment.ts';
import type { BitextDocument, ParagraphMark } from '../../shared/model/document.ts';
import type { LineRange } from './level.ts';
import { confidenceBand, isPaired } from '../state/alignment-index.ts';

/** How many hues the bands cycle through. */
export const bandHues = 3;

/** A decoration in the editor's terms, without Monaco's classes (monaco types are structural). */
export interface Decoration {
  readonly range: { readonly startLineNumber: number; readonly startColumn: number; readonly endLineNumber: number; readonly endColumn: number };
  readonly options: {
    readonly isWholeLine?: boolean;
    readonly className?: string;
    readonly linesDecorationsClassName?: string;
    readonly inlineClassName?: string;
    readonly hoverMessage?: { readonly value: string };
    /** Text shown before the range that is not part of the document (Monaco's injected text): a label. */
    readonly before?: { readonly content: string; readonly inlineClassName: string };
    readonly overviewRuler?: { readonly color: string; readonly position: 1 | 2 | 4 | 7 };
    readonly stickiness?: 1;
  };
}

/** Where the overview ruler (the scrollbar) marks things: Monaco's OverviewRulerLane. */
const lane = { left: 1, right: 4 } as const;

/** An editor position from a text offset (Monaco's `model.getPositionAt`). */
export type PositionAt = (offset: number) => { readonly lineNumber: number; readonly column: number };

/** Display names of languages, for hovers (`eng` → `English`). */
export type LanguageName = (iso6393: string) => string;

/** Options of {@link paragraphDecorations}. */
export interface DecorationOptions {
  readonly side: Side;
  readonly lines: readonly LineRange[];
  readonly positionAt: PositionAt;
  readonly languageName: LanguageName;
  /** Show untranslated paragraphs' text muted. */
  readonly muteUntranslated: boolean;
}

function wholeLines(lines: LineRange): Decoration['range'] {
  return { startLineNumber: lines.first, startColumn: 1, endLineNumber: lines.last, endColumn: 1 };
}

/**
 * The decorations that depend only on the alignment, in groups: one per link
 * (its bands and link-start mark, or its untranslated marks) and one per
 * paragraph in another language. A group's key names what it belongs to by
 * paragraphs, not by link index, so an edit that renumbers the links after it
 * leaves their groups as they were and the view replaces only the groups whose
 * content changed.
 */
export interface DecorationGroup {
  readonly key: string;
  /** Changes whenever what the group draws changes (lines, hue, band, classes); cheap to compare. */
  readonly signature: string;
  /** The group's decorations, built only when the view needs them (most groups are unchanged from one layout to the next). */
  build(): Decoration[];
}

/** The decorations that depend only on the alignment: bands, untranslated marks, language marks. */
export function paragraphDecorations(alignment: Alignment, options: DecorationOptions): Decoration[] {
  return paragraphDecorationGroups(alignment, options).flatMap((group) => group.build());
}

/**
 * {@link paragraphDecorations} in groups. Hues: a paired link prefers the hue
 * of its first original paragraph's number and takes the next one when its
 * neighbour above has that hue, so neighbours differ and a merge or split
 * recolours only the links next to it.
 */
export function paragraphDecorationGroups(alignment: Alignment, options: DecorationOptions): DecorationGroup[] {
  const { side, lines } = options;
  const document = alignment[side];
  const groups: DecorationGroup[] = [];
  const linesOf = (paragraphs: readonly number[]) => paragraphs.map((paragraph) => (lines[paragraph] ? `${lines[paragraph].first}-${lines[paragraph].last}` : '')).join(',');
  let previousHue = -1;
  for (const link of alignment.links) {
    const paragraphs = link[side];
    if (paragraphs.length === 0) continue;
    const key = `link:${link.source.join(',')}-${link.target.join(',')}`;
    if (isPaired(link)) {
      const preferred = link.source[0]! % bandHues;
      const hue = preferred === previousHue ? (preferred + 1) % bandHues : preferred;
      previousHue = hue;
      const confidence = confidenceBand(link.confidence);
      groups.push({ key, signature: `${hue}${confidence}:${linesOf(paragraphs)}`, build: () => pairedDecorations(link, paragraphs, lines, hue, confidence) });
    } else {
      groups.push({ key, signature: `u${options.muteUntranslated ? 'm' : ''}:${linesOf(paragraphs)}`, build: () => untranslatedDecorations(document, paragraphs, options) });
    }
  }

  document.paragraphs.forEach((paragraph, index) => {
    const language = paragraph.language;
    if (!language?.mismatch) return;
    const documentLanguage = options.languageName((document.language.override ?? document.language.detected).iso6393);
    const message =
      language.iso6393 === 'und'
        ? `Language uncertain: this paragraph does not read clearly as ${documentLanguage} (paragraph.language.mismatch)`
        : `This paragraph reads as ${options.languageName(language.iso6393)}, but the document is ${documentLanguage} (paragraph.language.mismatch)`;
    groups.push({
      key: `language:${index}`,
      signature: `${paragraph.start}-${paragraph.end}:${linesOf([index])}:${message}`,
      build: () => [
        textRange(document, index, options.positionAt, {
          inlineClassName: 'bitext-language-mismatch',
          hoverMessage: { value: message },
          overviewRuler: { color: '#d97706', position: lane.right },
        }),
      ],
    });
  });
  document.paragraphs.forEach((paragraph, index) => {
    const mark = paragraph.mark;
    if (!mark) return;
    const { label, hover } = markLabels[mark];
    groups.push({
      key: `mark:${index}`,
      signature: `${mark}:${paragraph.start}-${paragraph.end}:${linesOf([index])}`,
      build: () => [
        textRange(document, index, options.positionAt, {
          before: { content: label, inlineClassName: `bitext-mark-label bitext-mark-${mark}` },
          hoverMessage: { value: `**${label[0]!.toUpperCase()}${label.slice(1)}** — ${hover}` },
        }),
      ],
    });
  });
  return groups;
}

/** The label each mark shows before its paragraph, and what its hover says. */
const markLabels: Readonly<Record<ParagraphMark, { readonly label: string; readonly hover: string }>> = {
  furniture: {
    label: 'page furniture',
    hover: 'navigation, header, footer or aside of the web page, not its article. Kept so nothing is hidden; the aligner leaves it unlinked more readily than body text.',
  },
  footnote: { label: 'footnote', hover: 'a footnote or endnote of the document, placed after the body text.' },
  'text-box': { label: 'text box', hover: 'the text of a text box or frame, placed after the paragraph that anchors it.' },
};

function pairedDecorations(link: Link, paragraphs: readonly number[], lines: readonly LineRange[], hue: number, confidence: string): Decoration[] {
  const decorations: Decoration[] = [];
  paragraphs.forEach((paragraph, position) => {
    const range = lines[paragraph];
    if (!range) return;
    decorations.push({
      range: wholeLines(range),
      options: { isWholeLine: true, className: `bitext-band bitext-hue-${hue}`, linesDecorationsClassName: `bitext-bar bitext-hue-${hue}` },
    });
    if (position === 0) {
      // Marks where each link starts (by its first original paragraph), for the level check of the end-to-end tests and for styling.
      decorations.push({
        range: wholeLines({ first: range.first, last: range.first }),
        options: { isWholeLine: true, className: `bitext-link-start bitext-ls-${link.source[0]} bitext-confidence-${confidence}` },
      });
    }
  });
  return decorations;
}

function untranslatedDecorations(document: BitextDocument, paragraphs: readonly number[], options: DecorationOptions): Decoration[] {
  const decorations: Decoration[] = [];
  for (const paragraph of paragraphs) {
    const range = options.lines[paragraph];
    if (!range) continue;
    decorations.push({
      range: wholeLines(range),
      options: {
        isWholeLine: true,
        className: 'bitext-untranslated',
        linesDecorationsClassName: 'bitext-bar bitext-bar-untranslated',
        overviewRuler: { color: '#9aa0a680', position: lane.left },
      },
    });
    if (options.muteUntranslated) decorations.push(textRange(document, paragraph, options.positionAt, { inlineClassName: 'bitext-muted' }));
  }
  return decorations;
}

/** Highlights of the link under the caret: its paragraphs on the caret's side (`active`) and on the other (`partner`). */
export function caretDecorations(alignment: Alignment, side: Side, link: number, caretSide: Side, lines: readonly LineRange[]): Decoration[] {
  const current = alignment.links[link];
  if (!current) return [];
  const className = side === caretSide ? 'bitext-active' : 'bitext-partner';
  return current[side].flatMap((paragraph) => {
    const range = lines[paragraph];
    return range ? [{ range: wholeLines(range), options: { isWholeLine: true, className, linesDecorationsClassName: `${className}-bar` } }] : [];
  });
}

function textRange(
  document: BitextDocument,
  paragraph: number,
  positionAt: PositionAt,
  options: Decoration['options'],
): Decoration {
  const { start, end } = document.paragraphs[paragraph]!;
  const from = positionAt(start);
  const to = positionAt(end);
  return {
    range: { startLineNumber: from.lineNumber, startColumn: from.column, endLineNumber: to.lineNumber, endColumn: to.column },
    options: { ...options, stickiness: 1 },
  };
}
