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

/** Options for {@link pairDocuments}. */
export interface PairingOptions {
  /** Candidates scoring below this are not proposed. Default 0.5. */
  readonly threshold?: number;
}

/** A link counts as aligned text for the pairing at this confidence or above. */
export const confidentLink = 0.5;

/**
 * Scores every pair of documents in different languages and proposes pairs:
 * best score first, each document in at most one proposal, none below the threshold.
 */
export function pairDocuments(documents: readonly PairingDocument[], options: PairingOptions = {}): { candidates: PairCandidate[]; proposals: PairCandidate[] } {
  const threshold = options.threshold ?? 0.5;
  const anchorSets = documents.map((document) => anchorTokens(document));
  const candidates: PairCandidate[] = [];
  for (let i = 0; i < documents.length; i++) {
    for (let j = 0; j < documents.length; j++) {
      const source = documents[i]!;
      const target = documents[j]!;
      if (i === j || source.language === target.language || source.language === 'und' || target.language === 'und') continue;
      // Each unordered pair once, longer document as the source (the original is usually the longer).
      if (totalLength(source) < totalLength(target) || (totalLength(source) === totalLength(target) && i > j)) continue;
      candidates.push(scorePair(source, target, anchorSets[i]!, anchorSets[j]!));
    }
  }
  candidates.sort((a, b) => b.score - a.score || a.source.localeCompare(b.source) || a.target.localeCompare(b.target));
  const taken = new Set<string>();
  const proposals = candidates.filter((candidate) => {
    if (candidate.score < threshold || taken.has(candidate.source) || taken.has(candidate.target)) return false;
    taken.add(candidate.source);
    taken.add(candidate.target);
    return true;
  });
  return { candidates, proposals };
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
