/**
 * The classic baseline: Gale and Church's (1993) length-only aligner with its
 * published fixed parameters (c = 1, s² = 6.8, their shape priors) and no
 * evidence but character counts. Full O(n·m) dynamic programme: it is a
 * yardstick for the benchmark table, not something the workbench runs on long
 * documents.
 */
import type { Link } from '../model/alignment.ts';

/** Gale and Church's parameters. */
export interface GaleChurchParameters {
  /** Expected target characters per source character. */
  readonly ratio: number;
  /** Variance per character. */
  readonly variance: number;
  /** Prior of each shape, keyed `sourceCount:targetCount`. */
  readonly priors: Readonly<Record<string, number>>;
}

/** The published parameters (as in NLTK's implementation). */
export const galeChurchParameters: GaleChurchParameters = {
  ratio: 1,
  variance: 6.8,
  priors: { '1:1': 0.89, '1:0': 0.0099, '0:1': 0.0099, '2:1': 0.089, '1:2': 0.089, '2:2': 0.011 },
};

const steps: readonly (readonly [number, number])[] = [
  [1, 1],
  [1, 0],
  [0, 1],
  [2, 1],
  [1, 2],
  [2, 2],
];

/**
 * log(1 − Φ(x)) for x ≥ 0, via the complementary error function (Numerical
 * Recipes' erfcc, relative error < 1.2e-7), in log form so far tails do not
 * underflow to log(0).
 */
export function logNormalTail(x: number): number {
  const z = x / Math.SQRT2;
  const t = 1 / (1 + 0.5 * z);
  const polynomial =
    -z * z -
    1.26551223 +
    t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))))));
  return Math.log(t) + polynomial - Math.LN2;
}

function codePointLength(text: string): number {
  let count = 0;
  for (const _ of text.trim()) count++;
  return count;
}

/**
 * Aligns by length alone. Links carry `score` = −cost (log probability of the
 * link) and `confidence` = the two-sided probability of a length misfit at
 * least as large, 2·(1 − Φ(|δ|)), which is all the model knows.
 */
export function galeChurchAlign(sourceTexts: readonly string[], targetTexts: readonly string[], parameters: GaleChurchParameters = galeChurchParameters): Link[] {
  const sourceLengths = sourceTexts.map(codePointLength);
  const targetLengths = targetTexts.map(codePointLength);
  const n = sourceLengths.length;
  const m = targetLengths.length;
  const width = m + 1;
  const cost = new Float64Array((n + 1) * width).fill(Infinity);
  const back = new Int8Array((n + 1) * width).fill(-1);
  const misfit = (sourceLength: number, targetLength: number) => {
    const mean = (sourceLength + targetLength / parameters.ratio) / 2;
    const delta = (sourceLength * parameters.ratio - targetLength) / Math.sqrt(mean * parameters.variance);
    return Math.abs(delta);
  };
  cost[0] = 0;
  for (let i = 0; i <= n; i++) {
    for (let j = 0; j <= m; j++) {
      if (i === 0 && j === 0) continue;
      steps.forEach(([di, dj], shape) => {
        if (i < di || j < dj) return;
        const previous = cost[(i - di) * width + j - dj]!;
        if (previous === Infinity) return;
        let sourceLength = 0;
        let targetLength = 0;
        for (let k = 1; k <= di; k++) sourceLength += sourceLengths[i - k]!;
        for (let k = 1; k <= dj; k++) targetLength += targetLengths[j - k]!;
        const stepCost = -(Math.LN2 + logNormalTail(misfit(sourceLength, targetLength)) + Math.log(parameters.priors[`${di}:${dj}`]!));
        if (previous + stepCost < cost[i * width + j]!) {
          cost[i * width + j] = previous + stepCost;
          back[i * width + j] = shape;
        }
      });
    }
  }
  const links: Link[] = [];
  for (let i = n, j = m; i > 0 || j > 0; ) {
    const shape = back[i * width + j]!;
    const [di, dj] = steps[shape]!;
    const source = Array.from({ length: di }, (_, k) => i - di + k);
    const target = Array.from({ length: dj }, (_, k) => j - dj + k);
    let sourceLength = 0;
    let targetLength = 0;
    for (const index of source) sourceLength += sourceLengths[index]!;
    for (const index of target) targetLength += targetLengths[index]!;
    const tail = logNormalTail(misfit(sourceLength, targetLength));
    links.push({
      source,
      target,
      score: -(cost[i * width + j]! - cost[(i - di) * width + j - dj]!),
      confidence: Math.min(1, Math.exp(Math.LN2 + tail)),
      status: 'auto',
    });
    i -= di;
    j -= dj;
  }
  return links.reverse();
}
