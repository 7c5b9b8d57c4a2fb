/**
 * The data flow from two loaded documents to an alignment: per-paragraph
 * language detection among the pair's languages, then the aligner.
 */
import { alignmentSchemaVersion, type Alignment, type Link, type Side } from './model/alignment.ts';
import type { BitextDocument, LanguageTag } from './model/document.ts';
import { effectiveLanguage } from './model/document.ts';
import { paragraphTexts, withParagraphLanguages } from './document/load.ts';
import { alignParagraphs, type AlignOptions, type AlignSide } from './align/align.ts';
import { toolInfo } from './version.ts';

/** Options for {@link alignDocuments}. */
export interface PipelineOptions extends AlignOptions {
  /** ISO 8601 time to record as created/modified; default: now. */
  readonly now?: string;
}

/** The paragraph texts of a document as the aligner reads them (white space folded), with its language and its readers' marks. */
export function alignSide(document: BitextDocument, texts: readonly string[] = paragraphTexts(document)): AlignSide {
  const marked = document.paragraphs.some((paragraph) => paragraph.mark);
  return { texts, language: effectiveLanguage(document.language).iso6393, ...(marked ? { marks: document.paragraphs.map((paragraph) => paragraph.mark) } : {}) };
}

/**
 * The two documents, each with its paragraphs' languages detected among the
 * pair's two languages; `texts`, when the caller has them, are their {@link paragraphTexts}.
 */
export function detectPairLanguages(
  source: BitextDocument,
  target: BitextDocument,
  texts: readonly [readonly string[], readonly string[]] = [paragraphTexts(source), paragraphTexts(target)],
): [BitextDocument, BitextDocument] {
  const pair = pairLanguages(source, target);
  return [withParagraphLanguages(source, pair, texts[0]), withParagraphLanguages(target, pair, texts[1])];
}

/** The languages (ISO 639-3) each paragraph of the pair is detected among: the two documents'. */
export function pairLanguages(source: BitextDocument, target: BitextDocument): string[] {
  return [effectiveLanguage(source.language).iso6393, effectiveLanguage(target.language).iso6393];
}

/** Aligns two documents paragraph by paragraph and returns the whole alignment. */
export function alignDocuments(source: BitextDocument, target: BitextDocument, options: PipelineOptions = {}): Alignment {
  // Folded once: detection and the aligner read the same texts.
  const texts = [paragraphTexts(source), paragraphTexts(target)] as const;
  const [sourceDocument, targetDocument] = detectPairLanguages(source, target, texts);
  // In sortLinks order already: the aligner gives the canonical order every edit leaves.
  const links: Link[] = alignParagraphs(alignSide(sourceDocument, texts[0]), alignSide(targetDocument, texts[1]), options);
  return newAlignment(sourceDocument, targetDocument, links, options.now ?? new Date().toISOString());
}

/** A new alignment of two documents with `links`, created and modified `now`. */
export function newAlignment(source: BitextDocument, target: BitextDocument, links: Link[], now: string): Alignment {
  return { schemaVersion: alignmentSchemaVersion, tool: toolInfo, created: now, modified: now, source, target, links };
}

/**
 * The alignment with one document's language overridden by the user (or the
 * override removed, with `undefined`), paragraph languages detected again.
 */
export function withDocumentLanguage(alignment: Alignment, side: Side, override: LanguageTag | undefined, now: string): Alignment {
  const document = alignment[side];
  const language = override ? { detected: document.language.detected, override } : { detected: document.language.detected };
  const changed = { ...alignment, [side]: { ...document, language }, modified: now };
  const [source, target] = detectPairLanguages(changed.source, changed.target);
  return { ...changed, source, target };
}
