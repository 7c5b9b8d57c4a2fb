/**
 * The corpus pair (English news article with page clutter, its Thai
 * translation) aligned by hand from the gold alignment in the team brief, with
 * statuses, confidences, notes and tags set so that every export column and
 * every report feature has something to show. Loaded through the project's own
 * loader, so paragraphs are what the app sees.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { loadDocument } from '../../shared/document/load.ts';
import { parseLinks, type Alignment, type Link } from '../../shared/model/alignment.ts';
import type { BitextDocument } from '../../shared/model/document.ts';

/** The gold alignment of the corpus pair (0-based paragraph indices among non-empty lines). */
export const goldLinks =
  '0-∅ 1-∅ 2-∅ 3-∅ 4-∅ 5-∅ 6-∅ 7-∅ 8-∅ 9-∅ 10-∅ 11-0 12-1 13-2 14-∅ 15-3 16-4 17,19-5 18-∅ 20,21-6 22-∅ 23-7 24-8 25-9 ' +
  '26-∅ 27-∅ 28-∅ 29-∅ 30-∅ 31-∅ 32-∅ 33-∅ 34-∅ 35-∅ 36-∅ 37-∅';

/** Path of a corpus file. */
export function corpusPath(name: string): string {
  return fileURLToPath(new URL(`../../corpus/${name}`, import.meta.url));
}

/** A corpus document, loaded as the app loads it. */
export async function corpusDocument(name: string): Promise<BitextDocument> {
  const path = corpusPath(name);
  return loadDocument(new Uint8Array(await readFile(path)), path);
}

/**
 * Review data laid over the gold links, by the link's first source paragraph:
 * a mix of statuses and confidences as after a partial review.
 */
const review: Record<number, Partial<Pick<Link, 'status' | 'confidence' | 'note' | 'tags'>>> = {
  0: { confidence: 0.97, tags: ['clutter'] },
  1: { confidence: 0.97, tags: ['clutter'] },
  6: { confidence: 0.71, note: 'Photo caption: not translated.', tags: ['caption'] },
  8: { confidence: 0.88, tags: ['headline'] },
  11: { status: 'confirmed', confidence: 0.94 },
  12: { status: 'confirmed', confidence: 0.91 },
  13: { status: 'confirmed', confidence: 0.86, note: 'Thai adds "อย่างไรก็ตาม" (however).' },
  14: { confidence: 0.64, note: 'Caption between paragraphs.', tags: ['caption'] },
  15: { confidence: 0.82 },
  16: { status: 'confirmed', confidence: 0.9, tags: ['names'] },
  17: { confidence: 0.58, note: 'Merged: the translator skipped the headline between 17 and 19.', tags: ['merge'] },
  18: { confidence: 0.52, tags: ['headline'] },
  20: { confidence: 0.62, tags: ['merge'] },
  22: { confidence: 0.69, tags: ['caption'] },
  23: { status: 'confirmed', confidence: 0.89 },
  24: { confidence: 0.77, tags: ['numbers'] },
  25: { confidence: 0.41, note: 'Check the ending: the Thai stops early?' },
};

/** The corpus pair aligned by the gold links, with the review data above. */
export async function corpusAlignment(): Promise<Alignment> {
  const [source, target] = await Promise.all([
    corpusDocument('nato-asia-2023.en.original-with-page-clutter.txt'),
    corpusDocument('nato-asia-2023.th.translation.txt'),
  ]);
  const links: Link[] = parseLinks(goldLinks).map((shape) => {
    const extra = review[shape.source[0] ?? -1] ?? {};
    return { ...shape, score: 0, confidence: 0.8, status: 'auto', ...extra };
  });
  return {
    schemaVersion: 3,
    tool: { name: 'Bitext Workbench', version: '0.1.0' },
    created: '2024-03-01T09:30:00.000Z',
    modified: '2024-03-02T16:05:42.000Z',
    source,
    target,
    links,
  };
}

/** A document made of `paragraphs` (one per line, offsets exact), for small unit tests. */
export function makeDocument(
  paragraphs: readonly string[],
  language: { bcp47: string; iso6393: string; script: string },
  path = `/tmp/${language.bcp47}.txt`,
): BitextDocument {
  let text = '';
  const ranges: { start: number; end: number }[] = [];
  for (const paragraph of paragraphs) {
    ranges.push({ start: text.length, end: text.length + paragraph.length });
    text += `${paragraph}\n`;
  }
  return {
    path,
    sha256: '0'.repeat(64),
    encoding: { name: 'utf-8', bom: false, forced: false },
    language: { detected: language },
    text,
    paragraphs: ranges,
  };
}

/** English and Thai language tags for {@link makeDocument}. */
export const english = { bcp47: 'en', iso6393: 'eng', script: 'Latn' } as const;
export const thai = { bcp47: 'th', iso6393: 'tha', script: 'Thai' } as const;

/** An alignment of two small documents with the given links (all fields of a link may be set). */
export function makeAlignment(
  source: BitextDocument,
  target: BitextDocument,
  links: readonly (Partial<Link> & Pick<Link, 'source' | 'target'>)[],
): Alignment {
  return {
    schemaVersion: 3,
    tool: { name: 'Bitext Workbench', version: '0.1.0' },
    created: '2024-01-02T03:04:05.000Z',
    modified: '2024-01-02T03:04:05.000Z',
    source,
    target,
    links: links.map((link) => ({ score: 0, confidence: 0.9, status: 'auto' as const, ...link })),
  };
}
