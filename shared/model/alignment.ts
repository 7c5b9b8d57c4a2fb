/**
 * The alignment: two documents and the links between their paragraphs.
 * Plain readonly data; every change is a pure function returning a new value.
 */
import type { BitextDocument } from './document.ts';

/** A link's review status. */
export type LinkStatus = 'auto' | 'confirmed' | 'rejected';

/** The link statuses, in the order a reviewer sees them. */
export const linkStatuses: readonly LinkStatus[] = ['auto', 'confirmed', 'rejected'];

/**
 * A link between paragraphs of the source and the target.
 *
 * `source` and `target` are sorted lists of paragraph indices. They need not be
 * contiguous: a group may skip a paragraph that stays out of it (a headline
 * between two paragraphs that the translation merged). One side may be empty:
 * `source: [3], target: []` says source paragraph 3 is untranslated (1:0).
 */
export interface Link {
  readonly source: readonly number[];
  readonly target: readonly number[];
  /** The aligner's raw score for this link (log-odds; higher is better). 0 for links a user made. */
  readonly score: number;
  /** How sure the aligner is, in [0, 1]; low confidence is where a reviewer should look. 1 for links a user made. */
  readonly confidence: number;
  readonly status: LinkStatus;
  readonly note?: string;
  readonly tags?: readonly string[];
  /**
   * The link's sentence pairs as a reviewer fixed them. Absent (the usual
   * case): they are computed on demand from the paragraphs (shared/align/
   * link-sentences.ts). Present only once a reviewer edited them, and dropped
   * by any edit that changes the link's paragraphs or their text beyond what
   * a rebase can follow (shared/edits/sentence-edits.ts).
   */
  readonly sentences?: StoredSentences;
}

/** One sentence of a link: the paragraph it is in (index in its document) and its `[start, end)` in that paragraph's text. */
export interface SentenceRef {
  readonly paragraph: number;
  readonly start: number;
  readonly end: number;
}

/** A link between sentences of one paragraph link: indices into its `source` / `target` sentence lists. */
export interface SentencePair {
  readonly source: readonly number[];
  readonly target: readonly number[];
  /** As a paragraph link's: the aligner's estimate, 1 for a pair the reviewer made, 0 for one left over by an edit. */
  readonly confidence: number;
  readonly status: LinkStatus;
}

/**
 * The sentence pairs of a link, stored. The sentence spans are kept with the
 * pairs, so that a later change of segmentation rules (an SRX file) never
 * reinterprets a reviewer's fix. Pairs are in document order, each side's
 * indices consecutive, and together they hold every sentence once.
 */
export interface StoredSentences {
  readonly source: readonly SentenceRef[];
  readonly target: readonly SentenceRef[];
  readonly pairs: readonly SentencePair[];
  /**
   * The rules that first cut these sentences (a reviewer's cuts and joins
   * come on top). Absent in files of schema version 2, which did not record
   * them.
   */
  readonly rules?: SegmentationRecord;
}

/**
 * Which sentence rules cut a text: the workbench's built-in segmenter, or an
 * SRX file, named as the user chose it and pinned by the SHA-256 of its text
 * (UTF-8, without a byte-order mark), so another file of the same name is
 * told apart.
 */
export type SegmentationRecord =
  | { readonly kind: 'built-in' }
  | { readonly kind: 'srx'; readonly name: string; readonly sha256: string };

/** The tool that wrote an alignment file. */
export interface ToolInfo {
  readonly name: string;
  readonly version: string;
}

/**
 * The alignment file schema version the model follows (2: links may store
 * their sentence pairs; 3: with the rules that cut them, and the rules
 * `bitext align --srx` cut sentences by).
 */
export const alignmentSchemaVersion = 3;

/** An alignment of two documents. */
export interface Alignment {
  /** Version of the alignment file schema this value follows. */
  readonly schemaVersion: typeof alignmentSchemaVersion;
  readonly tool: ToolInfo;
  /** ISO 8601 UTC times. */
  readonly created: string;
  readonly modified: string;
  /**
   * The sentence rules the aligner cut sentences by, when they were an SRX
   * file (`bitext align --srx`) or the aligner stored sentence pairs
   * (`bitext align --sentences`). Absent otherwise.
   */
  readonly segmentation?: SegmentationRecord;
  readonly source: BitextDocument;
  readonly target: BitextDocument;
  /** Links in document order. */
  readonly links: readonly Link[];
}

/** Which side of the pair: the original or the translation. */
export type Side = 'source' | 'target';

/** The kind of a link, by how many paragraphs each side has: `1:1`, `2:1`, `1:0`… */
export function linkShape(link: Pick<Link, 'source' | 'target'>): string {
  return `${link.source.length}:${link.target.length}`;
}

/** True when one side of the link is empty: a paragraph left untranslated (or added by the translator). */
export function isUntranslated(link: Pick<Link, 'source' | 'target'>): boolean {
  return link.source.length === 0 || link.target.length === 0;
}

/**
 * Writes links as a compact string a reader can check by eye:
 * `0-∅ 11-0 17,19-5` (source indices, a dash, target indices; `∅` for an empty side).
 */
export function formatLinks(links: readonly Pick<Link, 'source' | 'target'>[]): string {
  const side = (indices: readonly number[]) => (indices.length === 0 ? '∅' : indices.join(','));
  return links.map((link) => `${side(link.source)}-${side(link.target)}`).join(' ');
}

/** Reads the compact form written by {@link formatLinks}. */
export function parseLinks(compact: string): { source: number[]; target: number[] }[] {
  const side = (part: string) => (part === '∅' ? [] : part.split(',').map((n) => Number.parseInt(n, 10)));
  return compact
    .trim()
    .split(/\s+/)
    .filter((token) => token.length > 0)
    .map((token) => {
      const [source = '', target = ''] = token.split('-');
      return { source: side(source), target: side(target) };
    });
}
