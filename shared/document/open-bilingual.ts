/**
 * A bilingual file (XLIFF, TMX) opened as an alignment: its two sides as
 * documents, both with the file's path and hash, and one link a unit with the
 * status the file records (shared/document/readers/bilingual.ts).
 */
import { alignmentSchemaVersion, type Alignment, type Link, type Side } from '../model/alignment.ts';
import type { BitextDocument, DecodedEncoding } from '../model/document.ts';
import { decodeBytes } from '../text/decode.ts';
import { detectDocumentLanguage } from '../language/detect.ts';
import { detectPairLanguages } from '../pipeline.ts';
import { toolInfo } from '../version.ts';
import { readBilingual, type BilingualRead } from './readers/bilingual.ts';
import { detectFormat } from './readers/detect-format.ts';
import { sha256Hex, withLanguageHint } from './load.ts';

/** Whether the bytes are a bilingual file that opens as a pair on its own. */
export function isBilingualFile(bytes: Uint8Array, path: string): boolean {
  try {
    const format = detectFormat(bytes, path);
    return format === 'xliff' || format === 'tmx';
  } catch {
    return false;
  }
}

/**
 * The alignment a bilingual file holds. `now` is recorded as created and modified.
 *
 * @throws BitextError `undecodable` when the file is not XLIFF or TMX, or has no units.
 */
export async function openBilingualFile(bytes: Uint8Array, path: string, now: string): Promise<Alignment> {
  const decoded = decodeBytes(bytes, path);
  const read = readBilingual(decoded.text, path);
  const sha256 = await sha256Hex(bytes);
  const side = async (which: Side): Promise<BitextDocument> => documentOf(read, which, path, sha256, decoded.encoding);
  const [source, target] = detectPairLanguages(await side('source'), await side('target'));
  // A unit is a translation the file's author (or CAT tool) made: certain as a link, whatever its status.
  const links: Link[] = read.units.map((unit) => ({ source: [...unit.source], target: [...unit.target], score: 0, confidence: 1, status: unit.status }));
  return { schemaVersion: alignmentSchemaVersion, tool: toolInfo, created: now, modified: now, source, target, links };
}

async function documentOf(read: BilingualRead, side: Side, path: string, sha256: string, encoding: DecodedEncoding): Promise<BitextDocument> {
  const { text, paragraphs, language } = read[side];
  return {
    path,
    sha256,
    format: read.format,
    textSha256: await sha256Hex(new TextEncoder().encode(text)),
    encoding,
    language: { detected: withLanguageHint(detectDocumentLanguage(text), language) },
    text,
    paragraphs: paragraphs.map((paragraph) => ({ start: paragraph.start, end: paragraph.end })),
  };
}
