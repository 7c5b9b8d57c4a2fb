/**
 * The data flow from two loaded documents to an alignment: per-paragraph
 * language detection among the pair's languages, then the aligner.
 */
import type { Alignment, Link, Side } from './model/alignment.ts';
import type { BitextDocument, LanguageTag } from './model/document.ts';
import { effectiveLanguage } from './model/document.ts';
import { foldWhitespace } from './text/paragraphs.ts';
import { withParagraphLanguages } from './document/load.ts';
import { alignParagraphs, type AlignOptions, type AlignSide } from './align/align.ts';
import { toolInfo } from './version.ts';

/** Options for {@link alignDocuments}. */
export interface PipelineOptions extends AlignOptions {
  /** ISO 8601 time to record as created/modified; default: now. */
  readonly now?: string;
}

/** The paragraph texts of a document as the aligner reads them (white space folded), with its language. */
export function alignSide(document: BitextDocument): AlignSide {
  return {
    texts: document.paragraphs.map((paragraph) => foldWhitespace(document.text.slice(paragraph.start, paragraph.end))),
    language: effectiveLanguage(document.language).iso6393,
  };
}

/** The two documents, each with its paragraphs' languages detected among the pair's two languages. */
export function detectPairLanguages(source: BitextDocument, target: BitextDocument): [BitextDocument, BitextDocument] {
  const pair = [effectiveLanguage(source.language).iso6393, effectiveLanguage(target.language).iso6393];
  return [withParagraphLanguages(source, pair), withParagraphLanguages(target, pair)];
}

/** Aligns two documents paragraph by paragraph and returns the whole alignment. */
export function alignDocuments(source: BitextDocument, target: BitextDocument, options: PipelineOptions = {}): Alignment {
  const [sourceDocument, targetDocument] = detectPairLanguages(source, target);
  // In sortLinks order already: the aligner gives the canonical order every edit leaves.
  const links: Link[] = alignParagraphs(alignSide(sourceDocument), alignSide(targetDocument), options);
  const now = options.now ?? new Date().toISOString();
  return { schemaVersion: 1, tool: toolInfo, created: now, modified: now, source: sourceDocument, target: targetDocument, links };
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
