/**
 * Which documents of a folder are translations of which. Uses the aligner's own
 * evidence: the anchors two documents share (numbers, Latin-script names, URLs,
 * names the platform knows in both languages) and how much of the shorter
 * document the aligner links with confidence.
 */
import { alignParagraphs, type AlignSide } from '../align/align.ts';
import { extractAnchors, type Anchor } from '../align/anchors.ts';
import { knownNameGroups } from '../align/known-names.ts';
import { paragraphLength } from '../align/length-model.ts';
import { detectParagraphLanguage } from '../language/detect.ts';

/** A document as the pairing reads it. */
export interface PairingDocument extends AlignSide {
  /** Shown in results; any string that names the document. */
  readonly id: string;
}

/** The evidence that two documents are translations of each other, and the score made of it. */
export interface PairCandidate {
  readonly source: string;
  readonly target: string;
  /** In [0, 1]: the geometric mean of `anchorContainment` and `alignedShare`. */
  readonly score: number;
  /** Share of the anchors of the document with fewer of them that the other document also has. */
  readonly anchorContainment: number;
  /** Share of the shorter document's text that the aligner links with confidence of at least {@link confidentLink}. */
  readonly alignedShare: number;
  readonly sharedAnchors: readonly string[];
}

/** Why a proposal's source was taken for the original. */
export type OriginalEvidence =
  /** It is in the language the user named as the originals' (`--source-lang`). */
  | 'source-lang'
  /** The other documents of its group pair with it more than with each other: their language is translated from its. */
  | 'hub'
  /** No other evidence: the longer document (an original is usually the longer). */
  | 'longer';

/** A proposed pair, oriented original → translation, with why that side is the original. */
export interface PairProposal extends PairCandidate {
  readonly originalBy: OriginalEvidence;
}

/** Options for {@link pairDocuments}. */
export interface PairingOptions {
  /** Candidates scoring below this are not proposed. Default 0.5. */
  readonly threshold?: number;
  /** ISO 639-3 code of the originals' language, when the user knows it: a document in it is the original of its pairs. */
  readonly sourceLanguage?: string;
}

/** A link counts as aligned text for the pairing at this confidence or above. */
export const confidentLink = 0.5;

/**
 * Scores every pair of documents in different languages and proposes pairs,
 * best score first, none below the threshold. One original may have several
 * translations, but a translation has one original and is never the original
 * of another pair: two translations of the same text score high together, and
 * that is not a pair to align.
 *
 * Which side is the original is decided from evidence, strongest first: the
 * language named in `sourceLanguage`; then the hub, the document whose
 * language the others are translated from (its partners hold leftovers in its
 * language — untranslated captions, headlines, names — more than it holds in
 * theirs), then the one with candidates in more languages at or above the threshold; then
 * the longer document.
 */
export function pairDocuments(documents: readonly PairingDocument[], options: PairingOptions = {}): { candidates: PairCandidate[]; proposals: PairProposal[] } {
  const threshold = options.threshold ?? 0.5;
  const anchorSets = documents.map((document) => anchorTokens(document));
  const candidates: PairCandidate[] = [];
  for (let i = 0; i < documents.length; i++) {
    for (let j = 0; j < documents.length; j++) {
      const source = documents[i]!;
      const target = documents[j]!;
      if (i === j || source.language === target.language || source.language === 'und' || target.language === 'und') continue;
      // Each unordered pair once, scored with the longer document as the source; the proposals orient it by evidence.
      if (totalLength(source) < totalLength(target) || (totalLength(source) === totalLength(target) && i > j)) continue;
      candidates.push(scorePair(source, target, anchorSets[i]!, anchorSets[j]!));
    }
  }
  candidates.sort((a, b) => b.score - a.score || a.source.localeCompare(b.source) || a.target.localeCompare(b.target));
  return { candidates, proposals: propose(documents, candidates, threshold, options.sourceLanguage) };
}

/** What makes a document the original of its group, compared in this order (see {@link pairDocuments}). */
interface OriginalWeight {
  readonly sourceLanguage: boolean;
  /** Partners that hold more paragraphs in this document's language than it holds in theirs. */
  readonly leftovers: number;
  /**
   * Languages among its candidates at or above the threshold: an original is
   * translated into several languages, while several partners in one language
   * are versions of one text (the same document as DOCX and PDF), not evidence.
   */
  readonly degree: number;
  readonly length: number;
}

function propose(documents: readonly PairingDocument[], candidates: readonly PairCandidate[], threshold: number, sourceLanguage: string | undefined): PairProposal[] {
  const byId = new Map(documents.map((document) => [document.id, document]));
  const strong = candidates.filter((candidate) => candidate.score >= threshold);
  const partners = new Map<string, Set<string>>();
  const leftovers = new Map<string, number>();
  for (const { source, target } of strong) {
    for (const [a, b] of [[source, target], [target, source]] as const) partners.set(a, (partners.get(a) ?? new Set()).add(b));
    const inSource = paragraphsIn(byId.get(target)!, byId.get(source)!.language);
    const inTarget = paragraphsIn(byId.get(source)!, byId.get(target)!.language);
    if (inSource !== inTarget) {
      const original = inSource > inTarget ? source : target;
      leftovers.set(original, (leftovers.get(original) ?? 0) + 1);
    }
  }
  const weight = (id: string): OriginalWeight => ({
    sourceLanguage: sourceLanguage !== undefined && byId.get(id)!.language === sourceLanguage,
    leftovers: leftovers.get(id) ?? 0,
    degree: new Set([...(partners.get(id) ?? [])].map((partner) => byId.get(partner)!.language)).size,
    length: totalLength(byId.get(id)!),
  });
  const role = new Map<string, 'original' | 'translation'>();
  const proposals: PairProposal[] = [];
  for (const candidate of strong) {
    const { source, target } = candidate;
    if (role.get(source) === 'translation' || role.get(target) === 'translation') continue;
    if (role.get(source) === 'original' && role.get(target) === 'original') continue;
    const [original, originalBy] = compareOriginals(weight(source), weight(target));
    const [first, second] = original === 'a' ? [source, target] : [target, source];
    // Two translations of one original score high together: not a pair to align.
    if (role.get(second) === 'original' || hasCommonOriginal(first, second, partners, weight)) continue;
    role.set(first, 'original');
    role.set(second, 'translation');
    proposals.push({ ...candidate, source: first, target: second, originalBy });
  }
  return proposals;
}

/** Whether a third document, more of an original than both, pairs with each of them. */
function hasCommonOriginal(a: string, b: string, partners: ReadonlyMap<string, ReadonlySet<string>>, weight: (id: string) => OriginalWeight): boolean {
  const ofB = partners.get(b) ?? new Set<string>();
  for (const other of partners.get(a) ?? []) {
    if (other === b || !ofB.has(other)) continue;
    if (compareOriginals(weight(other), weight(a))[0] === 'a' && compareOriginals(weight(other), weight(b))[0] === 'a') return true;
  }
  return false;
}

/** Which of two documents is more of an original, and by which evidence. */
function compareOriginals(a: OriginalWeight, b: OriginalWeight): ['a' | 'b', OriginalEvidence] {
  if (a.sourceLanguage !== b.sourceLanguage) return [a.sourceLanguage ? 'a' : 'b', 'source-lang'];
  if (a.leftovers !== b.leftovers) return [a.leftovers > b.leftovers ? 'a' : 'b', 'hub'];
  if (a.degree !== b.degree) return [a.degree > b.degree ? 'a' : 'b', 'hub'];
  return [a.length >= b.length ? 'a' : 'b', 'longer'];
}

/**
 * How many paragraphs of `document` are in `language` (judged between the two
 * languages): a translation keeps bits of its original's language — captions,
 * headlines, names left untranslated — far more often than the reverse.
 */
function paragraphsIn(document: PairingDocument, language: string): number {
  let count = 0;
  for (const text of document.texts) {
    const detected = detectParagraphLanguage(text, { documentLanguage: document.language, pairLanguages: [language, document.language] });
    if (detected.reason === 'detected' && detected.iso6393 === language) count++;
  }
  return count;
}

function scorePair(source: PairingDocument, target: PairingDocument, sourceAnchors: Set<string>, targetAnchors: Set<string>): PairCandidate {
  const groups = knownNameGroups(source.language, target.language);
  const canonical = (token: string) => (token.startsWith('known-name:') ? `known-name:${groups.get(token.slice(11)) ?? token.slice(11)}` : token);
  const sourceSet = new Set([...sourceAnchors].map(canonical));
  const targetSet = new Set([...targetAnchors].map(canonical));
  const [fewer, more] = sourceSet.size <= targetSet.size ? [sourceSet, targetSet] : [targetSet, sourceSet];
  const sharedAnchors = [...fewer].filter((token) => more.has(token)).sort();
  const anchorContainment = fewer.size === 0 ? 0 : sharedAnchors.length / fewer.size;

  const links = alignParagraphs(source, target);
  const shorter = totalLength(source) <= totalLength(target) ? 'source' : 'target';
  const side = shorter === 'source' ? source : target;
  let aligned = 0;
  for (const link of links) {
    if (link.source.length === 0 || link.target.length === 0 || link.confidence < confidentLink) continue;
    for (const index of link[shorter]) aligned += paragraphLength(side.texts[index]!);
  }
  const alignedShare = aligned / Math.max(1, totalLength(side));
  return {
    source: source.id,
    target: target.id,
    score: Math.sqrt(anchorContainment * alignedShare),
    anchorContainment,
    alignedShare,
    sharedAnchors,
  };
}

/**
 * A document's anchors as comparable tokens: `number:80`, `name:stoltenberg`
 * (names split into words, so `Jens Stoltenberg` meets `Stoltenberg`),
 * `known-name:region:JP`. Quotations are left out: their words are translated.
 */
function anchorTokens(document: PairingDocument): Set<string> {
  const tokens = new Set<string>();
  for (const text of document.texts) {
    for (const anchor of extractAnchors(text, document.language)) {
      for (const token of tokensOf(anchor)) tokens.add(token);
    }
  }
  return tokens;
}

function tokensOf(anchor: Anchor): string[] {
  switch (anchor.kind) {
    case 'name':
      return anchor.value.split(/[\s-]+/u).filter((word) => word.length >= 3).map((word) => `name:${word}`);
    case 'quote':
      return [];
    default:
      return [`${anchor.kind === 'percent' ? 'number' : anchor.kind}:${anchor.value}`];
  }
}

function totalLength(document: AlignSide): number {
  let length = 0;
  for (const text of document.texts) length += paragraphLength(text);
  return length;
}
