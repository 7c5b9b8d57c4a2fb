/**
 * `bitext pair FOLDER`: lists the folder's documents with their languages and
 * proposes which are translations of which, with the evidence for each score.
 */
import { basename } from 'node:path';
import { listFolder } from '../services/folder.ts';
import { alignSide } from '../../shared/pipeline.ts';
import { pairDocuments, type OriginalEvidence, type PairCandidate, type PairProposal } from '../../shared/corpus/pairing.ts';
import { BitextError } from '../../shared/errors.ts';
import { iso6393FromUser } from '../../shared/corpus/language-code.ts';
import { effectiveLanguage } from '../../shared/model/document.ts';
import { expectPositionals, parse } from './args.ts';
import { commandInfo } from './commands.ts';

const { usage } = commandInfo.pair;


/** Runs `bitext pair`. */
export async function run(args: string[]): Promise<number> {
  const { values, positionals } = parse(args, {
    json: { type: 'boolean', default: false },
    threshold: { type: 'string', default: '0.5' },
    'source-lang': { type: 'string' },
    help: { type: 'boolean', short: 'h', default: false },
  });
  if (values.help) {
    process.stdout.write(`Usage: ${usage}\n`);
    return 0;
  }
  expectPositionals(positionals, 1, 1, usage);
  const threshold = Number(values.threshold);
  const { documents, skipped } = await listFolder(positionals[0]!);
  const { candidates, proposals } = pairDocuments(
    documents.map((document) => ({ id: document.path, ...alignSide(document) })),
    { threshold, ...sourceLanguageOption(values['source-lang']) },
  );
  if (values.json) {
    const listed = documents.map((document) => ({
      path: document.path,
      language: effectiveLanguage(document.language),
      encoding: document.encoding.name,
      size: document.size,
      paragraphs: document.paragraphs.length,
    }));
    process.stdout.write(`${JSON.stringify({ documents: listed, skipped, proposals, candidates }, null, 2)}\n`);
    return 0;
  }
  const lines = ['Documents:'];
  for (const document of documents) {
    const language = effectiveLanguage(document.language);
    lines.push(`  ${language.bcp47.padEnd(4)} ${String(document.size).padStart(8)} B ${String(document.paragraphs.length).padStart(5)} ¶  ${basename(document.path)}`);
  }
  for (const { path, reason } of skipped) lines.push(`  skipped ${basename(path)}: ${reason}`);
  lines.push('', proposals.length > 0 ? 'Proposed pairs (original → translation):' : `No pair scores ${threshold} or more.`);
  for (const pair of proposals) {
    lines.push(`  ${pair.score.toFixed(2)}  ${basename(pair.source)} → ${basename(pair.target)}  (anchors ${percent(pair.anchorContainment)}, aligned ${percent(pair.alignedShare)})`);
  }
  for (const [original, by] of originals(proposals)) lines.push(`  ${basename(original)} is the original: ${by}`);
  const rejected = candidates.filter((candidate) => !proposals.some((proposal) => samePair(proposal, candidate)));
  if (rejected.length > 0) {
    lines.push('', 'Other candidates:');
    for (const pair of rejected) lines.push(`  ${pair.score.toFixed(2)}  ${basename(pair.source)} ⇄ ${basename(pair.target)}`);
  }
  process.stdout.write(`${lines.join('\n')}\n`);
  return 0;
}

/** `--source-lang` as the pairing takes it (ISO 639-3; a BCP-47 primary tag such as `en` is accepted too). */
export function sourceLanguageOption(value: string | undefined): { sourceLanguage?: string } {
  if (value === undefined) return {};
  const code = iso6393FromUser(value);
  if (code === undefined) throw new BitextError('invalid-argument', `--source-lang takes a language code (ISO 639-3 such as eng, or BCP-47 such as en), got "${value}"`);
  return { sourceLanguage: code };
}

/** Each original of the proposals once, with the evidence that made it the original, in words. */
export function originals(proposals: readonly PairProposal[]): Map<string, string> {
  const result = new Map<string, string>();
  for (const proposal of proposals) {
    if (result.has(proposal.source)) continue;
    const translations = proposals.filter((other) => other.source === proposal.source).length;
    result.set(proposal.source, evidenceWords[proposal.originalBy] + (translations > 1 ? ` (${translations} translations)` : ''));
  }
  return result;
}

const evidenceWords: Record<OriginalEvidence, string> = {
  'source-lang': 'in the language given with --source-lang',
  hub: 'the others are translated from its language',
  longer: 'the longer document (no other evidence; --source-lang decides)',
};

function samePair(a: PairCandidate, b: PairCandidate): boolean {
  return (a.source === b.source && a.target === b.target) || (a.source === b.target && a.target === b.source);
}

function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}
