/**
 * What each paragraph looks like in its editor, as Monaco decorations:
 * - linked paragraphs share a colour band (a bar in the gutter and a faint
 *   background), hues alternating from link to link so neighbours differ;
 * - untranslated paragraphs (1:0 and 0:1) are grey and hatched;
 * - paragraphs in another language than their document get a wavy underline,
 *   a hover that says so (`paragraph.language.mismatch`) and a mark in the scrollbar;
 * - the link under the caret is highlighted on both sides.
 * Pure: builds plain decoration descriptions from the alignment and the lines.
 */
import type { Alignment, Side } from '../../shared/model/alignment.ts';
import type { BitextDocument } from '../../shared/model/document.ts';
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

/** The decorations that depend only on the alignment: bands, untranslated marks, language marks. */
export function paragraphDecorations(alignment: Alignment, options: DecorationOptions): Decoration[] {
  const { side, lines } = options;
  const document = alignment[side];
  const decorations: Decoration[] = [];
  let paired = 0;
  alignment.links.forEach((link, index) => {
    const paragraphs = link[side];
    if (paragraphs.length === 0) return;
    if (isPaired(link)) {
      const hue = paired++ % bandHues;
      const confidence = confidenceBand(link.confidence);
      paragraphs.forEach((paragraph, position) => {
        const range = lines[paragraph];
        if (!range) return;
        decorations.push({
          range: wholeLines(range),
          options: {
            isWholeLine: true,
            className: `bitext-band bitext-hue-${hue}`,
            linesDecorationsClassName: `bitext-bar bitext-hue-${hue} bitext-status-${link.status}`,
          },
        });
        if (position === 0) {
          // Marks where each link starts, for the level check of the end-to-end tests and for styling.
          decorations.push({
            range: wholeLines({ first: range.first, last: range.first }),
            options: { isWholeLine: true, className: `bitext-link-start bitext-ls-${index} bitext-confidence-${confidence}` },
          });
        }
      });
    } else {
      for (const paragraph of paragraphs) {
        const range = lines[paragraph];
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
    }
  });

  document.paragraphs.forEach((paragraph, index) => {
    const language = paragraph.language;
    if (!language?.mismatch) return;
    const documentLanguage = options.languageName((document.language.override ?? document.language.detected).iso6393);
    const message =
      language.iso6393 === 'und'
        ? `Language uncertain: this paragraph does not read clearly as ${documentLanguage} (paragraph.language.mismatch)`
        : `This paragraph reads as ${options.languageName(language.iso6393)}, but the document is ${documentLanguage} (paragraph.language.mismatch)`;
    decorations.push(
      textRange(document, index, options.positionAt, {
        inlineClassName: 'bitext-language-mismatch',
        hoverMessage: { value: message },
        overviewRuler: { color: '#d97706', position: lane.right },
      }),
    );
  });
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
