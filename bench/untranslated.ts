/**
 * Where untranslated paragraphs go: per case, the share of the paragraphs the
 * gold leaves unlinked that the aligner leaves unlinked too (U), and with `-v`
 * each one it linked instead, with the link it went into and the gold links
 * that link touches (paragraphs counted from 1) (a caption glued onto a merge, a caption and a dropped
 * paragraph linked to each other).
 *
 *   node --import tsx bench/untranslated.ts [SEEDS] [-v]
 *
 * SEEDS is a comma-separated list of UDHR perturbation seeds (default 1, the
 * tuning seed); 0 is the corpus pair.
 */
import { alignParagraphs } from '../shared/align/align.ts';
import { scoreAlignment, type AlignmentScores } from '../shared/align/metrics.ts';
import { parseLinks, type Link } from '../shared/model/alignment.ts';
import { corpusCase, type BitextCase } from './cases.ts';
import { udhrCases } from './udhr-cases.ts';

type Linkish = Pick<Link, 'source' | 'target'>;

/** A link as a reader counts paragraphs, from 1 (`6,7-7`). */
const compact = (link: Linkish) => `${link.source.map((index) => index + 1).join(',') || '∅'}-${link.target.map((index) => index + 1).join(',') || '∅'}`;

/** Lines naming each paragraph the gold leaves unlinked and `links` links. */
function gluedParagraphs(bitext: BitextCase, gold: readonly Linkish[], links: readonly Link[]): string[] {
  const lines: string[] = [];
  for (const untranslated of gold) {
    if (untranslated.source.length > 0 && untranslated.target.length > 0) continue;
    const side = untranslated.source.length > 0 ? 'source' : 'target';
    const paragraph = untranslated[side][0]!;
    const link = links.find((candidate) => candidate[side].includes(paragraph))!;
    if (link.source.length === 0 || link.target.length === 0) continue;
    const text = bitext[side].texts[paragraph]!;
    const touched = gold.filter((other) => link.source.some((index) => other.source.includes(index)) || link.target.some((index) => other.target.includes(index)));
    lines.push(`   ${side} ${paragraph + 1} (${text.length} characters) "${text.slice(0, 60)}" in ${compact(link)} (confidence ${link.confidence}); gold ${touched.map(compact).join(' ')}`);
  }
  return lines;
}

const verbose = process.argv.includes('-v');
const seeds = (process.argv.slice(2).find((argument) => !argument.startsWith('-')) ?? '1').split(',').map(Number);
for (const seed of seeds) {
  const scores: AlignmentScores[] = [];
  for (const bitext of seed === 0 ? [corpusCase()] : udhrCases(seed)) {
    const gold = parseLinks(bitext.gold);
    const links = alignParagraphs(bitext.source, bitext.target);
    const score = scoreAlignment(links, gold);
    scores.push(score);
    console.log(
      `${bitext.name} seed ${seed}: F1 ${score.f1.toFixed(3)} P ${score.precision.toFixed(3)} U ${score.untranslatedShare.toFixed(2)} (${score.untranslatedUnlinked}/${score.untranslated})`,
    );
    if (verbose) for (const line of gluedParagraphs(bitext, gold, links)) console.log(line);
  }
  const mean = (pick: (score: AlignmentScores) => number) => (scores.reduce((sum, score) => sum + pick(score), 0) / scores.length).toFixed(4);
  const minimum = Math.min(...scores.map((score) => score.f1)).toFixed(3);
  console.log(`seed ${seed}: mean F1 ${mean((score) => score.f1)}, least F1 ${minimum}, U ${mean((score) => score.untranslatedShare)}, P ${mean((score) => score.precision)}`);
}
