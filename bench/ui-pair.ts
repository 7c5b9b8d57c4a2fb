/**
 * The pair the UI benchmarks open (bench/ui.ts, bench/open-trace.ts): the
 * English–Thai declaration repeated and perturbed (bench/udhr-cases.ts) to
 * some `paragraphs` a side, one paragraph a line, written into `workspace` as
 * big.en.txt and big.th.txt with its alignment saved as big.bitext.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { saveAlignment } from '../electron/services/alignment-store.ts';
import { readDocument } from '../electron/services/documents.ts';
import { alignDocuments } from '../shared/pipeline.ts';
import { syntheticCase } from './udhr-cases.ts';

/** Paths of the written pair, its paragraph counts, and how long aligning it in Node took (not part of any UI figure). */
export interface UiPair {
  readonly source: string;
  readonly target: string;
  readonly sourceParagraphs: number;
  readonly targetParagraphs: number;
  readonly alignMs: number;
}

export async function writeUiPair(workspace: string, paragraphs: number): Promise<UiPair> {
  const pair = syntheticCase(paragraphs, 'tha');
  const source = join(workspace, 'big.en.txt');
  const target = join(workspace, 'big.th.txt');
  writeFileSync(source, `${pair.source.texts.join('\n')}\n`);
  writeFileSync(target, `${pair.target.texts.join('\n')}\n`);
  const documents = [await readDocument(source), await readDocument(target)] as const;
  const started = performance.now();
  const alignment = alignDocuments(...documents);
  const alignMs = performance.now() - started;
  await saveAlignment(join(workspace, 'big.bitext'), alignment);
  return { source, target, sourceParagraphs: documents[0].paragraphs.length, targetParagraphs: documents[1].paragraphs.length, alignMs };
}
