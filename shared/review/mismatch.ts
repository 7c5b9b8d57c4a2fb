/**
 * Mismatch flags: links whose numbers, Latin-script names, URLs, e-mail
 * addresses or quotations differ between the two sides, with what differs. A
 * figure on one side and missing on the other is exactly what a reviewer must
 * see; most of the work here is not crying wolf about the rest.
 *
 * What is compared, and why (checked on the corpus pair, see the tests):
 * - Numbers, by value (`๘๐`, `80` and `80 per cent`/`ร้อยละ 80` all meet as
 *   `80`). A year also matches itself in the Thai Buddhist Era (2023 ↔ 2566).
 * - URLs and e-mail addresses, exactly (lower-cased).
 * - Quotations, by presence only: their words are in two languages, and a
 *   translation often merges two quotations into one, so only "the original
 *   quotes someone and the translation has no quotation at all" (or the
 *   reverse) is flagged.
 * - Latin-script names. A name on the side written in another script (a
 *   Latin name kept in a Thai text) must be on the other side. A name on a
 *   Latin-script side is expected on the other side only when the
 *   translation keeps that name in Latin in at least half of the links whose
 *   original has it ({@link defaultMinKeptShare}): Thai keeps `Stoltenberg`
 *   in Latin (4 links of 4 in the corpus) but mostly writes `Nato` as `นาโต`
 *   (1 of 4), transliterates `Tokyo`, and no translation keeps the
 *   capitalised titles of English (`Secretary General`). A name mentioned
 *   once gives no such evidence and is not flagged.
 * - Names the platform knows in every language (`Japan` ↔ `ญี่ปุ่น`) are not
 *   compared: news translation swaps a capital for its country ("Tokyo and
 *   Seoul" ↔ "Japan and South Korea") too often for that to mean anything.
 */
import type { Alignment, Side } from '../model/alignment.ts';
import { effectiveLanguage, paragraphText } from '../model/document.ts';
import type { Anchor } from '../align/anchors.ts';
import { extractAnchors } from '../align/anchors.ts';
import { languageProfile } from '../align/language-profile.ts';

/** What differs. */
export type MismatchKind = 'number' | 'name' | 'url' | 'email' | 'quote';

/** Values one side of a link has and the other lacks. */
export interface Mismatch {
  readonly kind: MismatchKind;
  /** The side that has the values; the other side lacks them. */
  readonly side: Side;
  /** As the anchors give them: numbers canonical (`1000`, `2.5`), names and quotations lower-cased. */
  readonly values: readonly string[];
}

/** The mismatches of one link. */
export interface LinkMismatches {
  /** Index of the link in the alignment. */
  readonly link: number;
  readonly mismatches: readonly Mismatch[];
}

/** Finds the anchors of a paragraph in a language (ISO 639-3); `extractAnchors` unless a test gives another. */
export type AnchorExtractor = (text: string, language: string) => readonly Anchor[];

/** The paragraphs of the two sides of one link. A side with no paragraphs is not compared. */
export interface LinkTexts {
  readonly source: readonly string[];
  readonly target: readonly string[];
}

/** Options of {@link findMismatches}. */
export interface MismatchOptions {
  /** ISO 639-3 code of the source language (`eng`), or `und`. */
  readonly sourceLanguage: string;
  readonly targetLanguage: string;
  /** Default `extractAnchors` from `shared/align/anchors.ts`. */
  readonly extract?: AnchorExtractor;
  /** Share of links in which the other side keeps a name in Latin for its absence to be flagged. Default {@link defaultMinKeptShare}. */
  readonly minKeptShare?: number;
}

/** Default {@link MismatchOptions.minKeptShare}: the translation keeps the name at least as often as not. */
export const defaultMinKeptShare = 0.5;

/** What one side of one link offers for comparison. */
interface SideFacts {
  readonly empty: boolean;
  readonly numbers: readonly string[];
  readonly urls: readonly string[];
  readonly emails: readonly string[];
  readonly quotes: readonly string[];
  readonly names: readonly string[];
  /** Lower-cased Latin words of the text, to tell whether a name is there even where no anchor was made (a sentence's first word). */
  readonly latinWords: ReadonlySet<string>;
}

/**
 * The mismatches of each pair in `links`, in the same order (an empty list
 * where nothing differs). Names are judged against the whole of `links`, the
 * document's evidence of which names the translation keeps in Latin script.
 */
export function findMismatches(links: readonly LinkTexts[], options: MismatchOptions): Mismatch[][] {
  const extract = options.extract ?? extractAnchors;
  const facts = links.map((link) => ({
    source: sideFacts(link.source, options.sourceLanguage, extract),
    target: sideFacts(link.target, options.targetLanguage, extract),
  }));
  const minKeptShare = options.minKeptShare ?? defaultMinKeptShare;
  const compared = facts.filter((pair) => !pair.source.empty && !pair.target.empty);
  /** Whether the `other` side keeps the name (its words) in Latin in enough of the links where `side` has it. */
  const keptUsually = (side: Side, words: readonly string[]): boolean => {
    const other = side === 'source' ? 'target' : 'source';
    let has = 0;
    let kept = 0;
    for (const pair of compared) {
      if (!words.every((word) => pair[side].latinWords.has(word))) continue;
      has++;
      if (words.every((word) => pair[other].latinWords.has(word))) kept++;
    }
    return has > 0 && kept >= minKeptShare * has;
  };
  // Whether Latin is each side's own script: from its language, or from its text when the language is `und`.
  const latinSide = {
    source: !languageProfile(options.sourceLanguage, links.flatMap((link) => link.source).join('\n')).latinIsForeign,
    target: !languageProfile(options.targetLanguage, links.flatMap((link) => link.target).join('\n')).latinIsForeign,
  };
  return facts.map((pair) => {
    if (pair.source.empty || pair.target.empty) return [];
    const found: Mismatch[] = [];
    for (const side of ['source', 'target'] as const) {
      const here = pair[side];
      const other = side === 'source' ? 'target' : 'source';
      const there = pair[other];
      const add = (kind: MismatchKind, values: readonly string[]) => {
        if (values.length > 0) found.push({ kind, side, values });
      };
      add('number', here.numbers.filter((value) => !hasNumber(there.numbers, value)));
      add('url', here.urls.filter((value) => !there.urls.includes(value)));
      add('email', here.emails.filter((value) => !there.emails.includes(value)));
      add('quote', there.quotes.length === 0 ? here.quotes : []);
      add(
        'name',
        here.names.filter((name) => {
          const words = nameWords(name);
          if (words.length === 0 || words.every((word) => there.latinWords.has(word))) return false;
          // Expected on the other side when it came from a text in another script, or when the
          // other side usually writes this name in Latin.
          return !latinSide[side] || keptUsually(side, words);
        }),
      );
    }
    return found.sort((a, b) => kindOrder.indexOf(a.kind) - kindOrder.indexOf(b.kind) || (a.side === 'source' ? -1 : 1));
  });
}

/** The order flags are listed in: what matters most to a reviewer first. */
const kindOrder: readonly MismatchKind[] = ['number', 'name', 'quote', 'url', 'email'];

/**
 * The mismatches of every link of `alignment` that has any, comparing the
 * documents' languages (the user's override wins over the detected one).
 */
export function findAlignmentMismatches(
  alignment: Alignment,
  options: { readonly extract?: AnchorExtractor } = {},
): LinkMismatches[] {
  const texts = alignment.links.map((link) => ({
    source: link.source.map((index) => paragraphText(alignment.source, index)),
    target: link.target.map((index) => paragraphText(alignment.target, index)),
  }));
  const found = findMismatches(texts, {
    sourceLanguage: effectiveLanguage(alignment.source.language).iso6393,
    targetLanguage: effectiveLanguage(alignment.target.language).iso6393,
    ...(options.extract ? { extract: options.extract } : {}),
  });
  return found.flatMap((mismatches, link) => (mismatches.length > 0 ? [{ link, mismatches }] : []));
}

/** One line for the review panel: `number 80: in the source, not in the target`. */
export function describeMismatch(mismatch: Mismatch): string {
  const other = mismatch.side === 'source' ? 'target' : 'source';
  const values = mismatch.values.map((value) => (mismatch.kind === 'quote' ? `“${shorten(value, 40)}”` : value));
  const noun = mismatch.values.length === 1 ? mismatch.kind : `${mismatch.kind}s`;
  return `${noun} ${values.join(', ')}: in the ${mismatch.side}, not in the ${other}`;
}

function shorten(text: string, length: number): string {
  return text.length <= length ? text : `${text.slice(0, length - 1)}…`;
}

function sideFacts(paragraphs: readonly string[], language: string, extract: AnchorExtractor): SideFacts {
  const anchors = paragraphs.flatMap((text) => extract(text, language));
  const values = (kind: Anchor['kind']) => [...new Set(anchors.filter((anchor) => anchor.kind === kind).map((anchor) => anchor.value))];
  return {
    empty: paragraphs.length === 0,
    numbers: values('number'),
    urls: values('url'),
    emails: values('email'),
    quotes: values('quote'),
    names: values('name'),
    latinWords: new Set(paragraphs.flatMap(latinWords)),
  };
}

/** Thai texts count years from 543 BC: 2023 is 2566. */
const buddhistEraOffset = 543;

/** True when `values` has `value`, or the same year in the other era. */
function hasNumber(values: readonly string[], value: string): boolean {
  if (values.includes(value)) return true;
  if (!/^\d{4}$/u.test(value)) return false;
  const year = Number(value);
  return values.includes(String(year + buddhistEraOffset)) || values.includes(String(year - buddhistEraOffset));
}

const latinWordPattern = /[\p{Script=Latin}\d][\p{Script=Latin}\p{M}\d'’]*/gu;

/** Lower-cased Latin words, hyphenated ones in parts, an English possessive dropped (`Stoltenberg’s` → `stoltenberg`). */
function latinWords(text: string): string[] {
  return (text.match(latinWordPattern) ?? []).map((word) => word.toLowerCase().replace(/['’]s$/u, '').replace(/['’]+$/u, ''));
}

/** The words of a name anchor, split the way {@link latinWords} splits text. */
function nameWords(name: string): string[] {
  return latinWords(name).filter((word) => /\p{L}/u.test(word));
}

/** The alignment's mismatches as flat flags, one per missing kind of value per link, as the report and the review panel list them. */
export function mismatchFlags(alignment: Alignment): { link: number; kind: string; message: string }[] {
  return findAlignmentMismatches(alignment).flatMap(({ link, mismatches }) =>
    mismatches.map((mismatch) => ({ link, kind: mismatch.kind, message: describeMismatch(mismatch) })),
  );
}
