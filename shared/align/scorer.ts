/**
 * Scores a candidate link: the log-odds that its paragraphs are translations
 * of each other rather than unrelated, plus the log prior of its shape.
 *
 * Evidence adds up as independent log-likelihood ratios: lengths (see
 * length-model.ts) and, for every anchor key, whether the other side has it
 * too. A key shared by both sides is worth log(keep / chance), where chance is
 * how often a random paragraph (or group) of the other side has the key, so a
 * name found in one paragraph of each document weighs far more than "Japan"
 * found in every one. A key one side has and the other lacks costs
 * log((1 − keep) / (1 − chance)). Links with an empty side (1:0, 0:1) carry
 * their prior and the paragraph's own unlinked evidence (unlinked-length.ts,
 * orphan anchors): there is no counterpart to compare.
 *
 * This is the search's inner loop, so it precomputes what it can: per-key
 * rewards and costs for groups of one to three paragraphs, the logarithms of
 * target group lengths, and the length model's constants.
 */
import type { PairEvidence, SideEvidence } from './evidence.ts';
import type { LengthModel } from './length-model.ts';
import { shapeTable, shapes } from './shapes.ts';

/** Groups on one side hold at most this many paragraphs. */
const largestGroup = 3;
/**
 * Length evidence (nats) at which a link counts as a gross misfit: its score is
 * clamped here and its anchors are not even looked at. e^-60 is far below
 * anything that could win or carry posterior mass.
 */
const grossMisfit = -60;
/** Grid of the length mixture table: steps of 0.005 in half the squared misfit, up to where the narrow part is below e^-40. */
const mixtureStep = 0.005;
const mixtureSteps = 9000;
/** Keys whose every reward and cost is smaller than this (nats) are left out of scoring: they only cost time. */
const negligible = 0.02;

/** The parameters the scorer weighs evidence with. */
export interface ScoringModel {
  readonly length: LengthModel;
  /** Log prior probability of each shape, in the order of `shapes`. */
  readonly logPriors: Float64Array;
  readonly lengthWeight: number;
  readonly anchorWeight: number;
  /** Cap on the reward of one shared key, in nats. */
  readonly maximumReward: number;
  /** Per paragraph, log-odds of being unlinked (unlinked-length.ts, orphan anchors); added to 1:0 and 0:1 steps. */
  readonly unlinkedSource?: Float64Array;
  readonly unlinkedTarget?: Float64Array;
  /**
   * Per paragraph, log-odds added when a link joins it to an earlier paragraph
   * of its side (link-doubts.ts: a heading opens what follows it, so it is not
   * joined to the text before it); 0 for most.
   */
  readonly joinSource?: Float64Array;
  readonly joinTarget?: Float64Array;
}

/** Key lists of one side with negligible keys removed. */
interface KeyLists {
  readonly start: Int32Array;
  readonly keys: Int32Array;
}

/**
 * One bit per key, the same for a key on either side: two paragraphs whose
 * signatures share no bit share no key (the converse need not hold).
 */
function keySignature(key: number): number {
  return 1 << (Math.imul(key, 0x9e3779b1) >>> 27);
}

/**
 * The groups of one side a link can take, by the offsets of their members from
 * its first paragraph: one paragraph, two, three, and the first and third
 * (a skip). Every shape's group on either side is one of these.
 */
const groupOffsets: readonly (readonly number[])[] = [[0], [0, 1], [0, 1, 2], [0, 2]];
const groupKinds = groupOffsets.length;

/** The group kind (index in {@link groupOffsets}) of members at `offsets`, or -1 for none. */
function groupKind(offsets: readonly number[]): number {
  return groupOffsets.findIndex((group) => group.length === offsets.length && group.every((offset, index) => offset === offsets[index]));
}

/** Per shape, the kind of its source group and of its target group. */
const sourceGroupKind = Int32Array.from(shapes, (shape) => groupKind(shape.sourceMembers));
const targetGroupKind = Int32Array.from(shapes, (shape) => groupKind(shape.targetMembers));

/**
 * Per group of one side (`(paragraph * 4 + kind)`, kinds as in
 * {@link groupOffsets}, members past the side's end left out): the OR of its
 * keys' {@link keySignature}s, and the sum of their `cost`s, each key once,
 * for each size of the other side's group (`misses[group * 3 + size - 1]`):
 * the group's anchor evidence against any group that shares no key with it.
 */
interface GroupTables {
  readonly hasKeys: Uint8Array;
  readonly signature: Int32Array;
  readonly misses: Float64Array;
}

function groupTables(lists: KeyLists, count: number, cost: Float64Array): GroupTables {
  const hasKeys = new Uint8Array(count);
  const signature = new Int32Array(count * groupKinds);
  const misses = new Float64Array(count * groupKinds * largestGroup);
  // Single paragraphs first: a group whose members' signatures do not overlap repeats no key, and sums theirs.
  for (let paragraph = 0; paragraph < count; paragraph++) {
    const single = paragraph * groupKinds;
    let own = 0;
    let one = 0;
    let two = 0;
    let three = 0;
    for (let at = lists.start[paragraph]!; at < lists.start[paragraph + 1]!; at++) {
      const key = lists.keys[at]!;
      own |= keySignature(key);
      one += cost[key * largestGroup]!;
      two += cost[key * largestGroup + 1]!;
      three += cost[key * largestGroup + 2]!;
    }
    hasKeys[paragraph] = lists.start[paragraph + 1]! > lists.start[paragraph]! ? 1 : 0;
    signature[single] = own;
    misses[single * largestGroup] = one;
    misses[single * largestGroup + 1] = two;
    misses[single * largestGroup + 2] = three;
  }
  for (let paragraph = 0; paragraph < count; paragraph++) {
    for (let kind = 1; kind < groupKinds; kind++) {
      const group = paragraph * groupKinds + kind;
      const members = groupOffsets[kind]!;
      let union = 0;
      let overlap = 0;
      for (let index = 0; index < members.length && paragraph + members[index]! < count; index++) {
        const own = signature[(paragraph + members[index]!) * groupKinds]!;
        overlap |= union & own;
        union |= own;
      }
      signature[group] = union;
      if (union === 0) continue;
      for (let index = 0; index < members.length && paragraph + members[index]! < count; index++) {
        const member = paragraph + members[index]!;
        if (overlap === 0) {
          for (let size = 0; size < largestGroup; size++) misses[group * largestGroup + size]! += misses[member * groupKinds * largestGroup + size]!;
          continue;
        }
        // Members may share a key: each counts once.
        for (let at = lists.start[member]!; at < lists.start[member + 1]!; at++) {
          const key = lists.keys[at]!;
          if (heldBefore(lists, paragraph, members, index, key)) continue;
          for (let size = 0; size < largestGroup; size++) misses[group * largestGroup + size]! += cost[key * largestGroup + size]!;
        }
      }
    }
  }
  return { hasKeys, signature, misses };
}

/** Whether a member of the group before member number `index` has `key` (lists are short: a look at each). */
function heldBefore(lists: KeyLists, paragraph: number, members: readonly number[], index: number, key: number): boolean {
  for (let earlier = 0; earlier < index; earlier++) {
    const member = paragraph + members[earlier]!;
    for (let at = lists.start[member]!; at < lists.start[member + 1]!; at++) if (lists.keys[at] === key) return true;
  }
  return false;
}

function filterKeys(side: SideEvidence, useful: Uint8Array): KeyLists {
  const start = new Int32Array(side.count + 1);
  const kept: number[] = [];
  for (let paragraph = 0; paragraph < side.count; paragraph++) {
    start[paragraph] = kept.length;
    for (let at = side.keyStart[paragraph]!; at < side.keyStart[paragraph + 1]!; at++) if (useful[side.keys[at]!]) kept.push(side.keys[at]!);
  }
  start[side.count] = kept.length;
  return { start, keys: Int32Array.from(kept) };
}

/**
 * What the scorer needs of a pair's evidence that no model changes: the
 * anchor rewards and costs per key, the key lists without negligible keys,
 * and the logarithms of target group lengths. Built once per evidence and
 * reward cap, and shared by the scorers of every pass over it.
 */
interface EvidenceTables {
  readonly maximumReward: number;
  /** `reward[key * 9 + (sourceCount - 1) * 3 + (targetCount - 1)]`. */
  readonly reward: Float64Array;
  /** Cost of a key in the source group missing from a target group of 1–3 paragraphs: `missInTarget[key * 3 + targetCount - 1]`. */
  readonly missInTarget: Float64Array;
  readonly missInSource: Float64Array;
  readonly sourceKeys: KeyLists;
  readonly targetKeys: KeyLists;
  /** Whether each paragraph has any key left after filtering: most have none, and then anchors need no work. */
  readonly sourceHasKeys: Uint8Array;
  readonly targetHasKeys: Uint8Array;
  readonly anyKeys: boolean;
  /** Per group of each side: its keys' signature, and the sum of their costs when the other side lacks them all (see {@link GroupTables}). */
  readonly sourceSignature: Int32Array;
  readonly targetSignature: Int32Array;
  readonly sourceMisses: Float64Array;
  readonly targetMisses: Float64Array;
  /** Log length of the target group starting at j: one paragraph, two, three, and j with j + 2. */
  readonly logTarget: readonly [Float64Array, Float64Array, Float64Array, Float64Array];
  /** Length of each group of each side (`paragraph * 4 + kind`, kinds as in {@link groupOffsets}), summed in member order. */
  readonly sourceGroupLengths: Float64Array;
  readonly targetGroupLengths: Float64Array;
}

function groupLengths(lengths: Float64Array): Float64Array {
  const count = lengths.length;
  const sums = new Float64Array(count * groupKinds);
  for (let paragraph = 0; paragraph < count; paragraph++) {
    for (let kind = 0; kind < groupKinds; kind++) {
      const members = groupOffsets[kind]!;
      let sum = 0;
      for (let index = 0; index < members.length && paragraph + members[index]! < count; index++) sum += lengths[paragraph + members[index]!]!;
      sums[paragraph * groupKinds + kind] = sum;
    }
  }
  return sums;
}

/** Log length of the target group starting at each paragraph: `first` plus the paragraphs at the given offsets (0 past the end). */
function logGroupLengths(lengths: Float64Array, offsets: readonly number[]): Float64Array {
  const logs = new Float64Array(lengths.length);
  for (let paragraph = 0; paragraph < lengths.length; paragraph++) {
    let length = lengths[paragraph]!;
    for (let index = 0; index < offsets.length; index++) length += lengths[paragraph + offsets[index]!] ?? 0;
    logs[paragraph] = Math.log(length);
  }
  return logs;
}

function buildTables(evidence: PairEvidence, maximumReward: number): EvidenceTables {
  const keys = evidence.keyCount;
  const reward = new Float64Array(keys * largestGroup * largestGroup);
  const missInTarget = new Float64Array(keys * largestGroup);
  const missInSource = new Float64Array(keys * largestGroup);
  const useful = new Uint8Array(keys);
  const sourceTotal = Math.max(evidence.sourceTotal, 1);
  const targetTotal = Math.max(evidence.targetTotal, 1);
  for (let key = 0; key < keys; key++) {
    const keepForward = evidence.keepSourceToTarget[key]!;
    const keepBackward = evidence.keepTargetToSource[key]!;
    let largest = 0;
    for (let size = 1; size <= largestGroup; size++) {
      const chanceInTarget = Math.min(0.99, (size * evidence.targetFrequency[key]!) / targetTotal);
      const chanceInSource = Math.min(0.99, (size * evidence.sourceFrequency[key]!) / sourceTotal);
      const forward = Math.min(0, Math.log((1 - Math.min(keepForward, 0.999)) / (1 - chanceInTarget)));
      const backward = Math.min(0, Math.log((1 - Math.min(keepBackward, 0.999)) / (1 - chanceInSource)));
      missInTarget[key * largestGroup + size - 1] = forward;
      missInSource[key * largestGroup + size - 1] = backward;
      largest = Math.max(largest, -forward, -backward);
    }
    for (let sourceSize = 1; sourceSize <= largestGroup; sourceSize++) {
      for (let targetSize = 1; targetSize <= largestGroup; targetSize++) {
        const chanceInTarget = Math.min(0.99, (targetSize * evidence.targetFrequency[key]!) / targetTotal);
        const chanceInSource = Math.min(0.99, (sourceSize * evidence.sourceFrequency[key]!) / sourceTotal);
        const value = 0.5 * (Math.log(keepForward / chanceInTarget) + Math.log(keepBackward / chanceInSource));
        const capped = Math.min(Math.max(value, 0), maximumReward);
        reward[key * 9 + (sourceSize - 1) * 3 + targetSize - 1] = capped;
        largest = Math.max(largest, capped);
      }
    }
    useful[key] = largest >= negligible ? 1 : 0;
  }
  const sourceKeys = filterKeys(evidence.source, useful);
  const targetKeys = filterKeys(evidence.target, useful);
  const lengths = evidence.target.lengths;
  const source = groupTables(sourceKeys, evidence.source.count, missInTarget);
  const target = groupTables(targetKeys, evidence.target.count, missInSource);
  return {
    maximumReward,
    reward,
    missInTarget,
    missInSource,
    sourceKeys,
    targetKeys,
    sourceHasKeys: source.hasKeys,
    targetHasKeys: target.hasKeys,
    anyKeys: sourceKeys.keys.length > 0 && targetKeys.keys.length > 0,
    sourceSignature: source.signature,
    targetSignature: target.signature,
    sourceMisses: source.misses,
    targetMisses: target.misses,
    logTarget: [logGroupLengths(lengths, []), logGroupLengths(lengths, [1]), logGroupLengths(lengths, [1, 2]), logGroupLengths(lengths, [2])],
    sourceGroupLengths: groupLengths(evidence.source.lengths),
    targetGroupLengths: groupLengths(lengths),
  };
}

/** The tables of the evidence a scorer was last made for, per evidence: each pass makes a scorer of its own over the same evidence. */
const tablesOf = new WeakMap<PairEvidence, EvidenceTables>();

function evidenceTables(evidence: PairEvidence, maximumReward: number): EvidenceTables {
  const known = tablesOf.get(evidence);
  if (known && known.maximumReward === maximumReward) return known;
  const tables = buildTables(evidence, maximumReward);
  tablesOf.set(evidence, tables);
  return tables;
}

/** Scores links of a pair; reusable across calls, not across threads. */
export class LinkScorer {
  private readonly model: ScoringModel;
  private readonly sourceLengths: Float64Array;
  private readonly targetLengths: Float64Array;
  // The evidence's tables (see EvidenceTables), as fields: the inner loop reads them without another load.
  private readonly reward: Float64Array;
  private readonly missInTarget: Float64Array;
  private readonly missInSource: Float64Array;
  private readonly sourceKeys: KeyLists;
  private readonly targetKeys: KeyLists;
  private readonly sourceHasKeys: Uint8Array;
  private readonly targetHasKeys: Uint8Array;
  private readonly anyKeys: boolean;
  private readonly sourceSignature: Int32Array;
  private readonly targetSignature: Int32Array;
  private readonly sourceMisses: Float64Array;
  private readonly targetMisses: Float64Array;
  private readonly lengthWeight: number;
  private readonly anchorWeight: number;
  private readonly seen: Int32Array;
  private readonly inTarget: Int32Array;
  private epoch = 0;
  private readonly sourceMembers = new Int32Array(largestGroup);
  private readonly targetMembers = new Int32Array(largestGroup);
  private readonly logTarget: readonly [Float64Array, Float64Array, Float64Array, Float64Array];
  private readonly sourceGroupLengths: Float64Array;
  private readonly targetGroupLengths: Float64Array;
  // Length model constants.
  private readonly ratio: number;
  private readonly perCharacter: number;
  private readonly relative: number;
  private readonly groupRelative: number;
  private readonly wideBase: number;
  private readonly wideInverseSquare: number;
  /** log1p(K·e^(−c·h)) on a grid of h (see `lengthScore`), so the inner loop needs no exponential. */
  private readonly mixtureTable: Float64Array;
  private readonly mixtureDecay: number;
  private readonly nullMean: readonly number[];
  private readonly nullInverseDeviation: number;
  private readonly nullBase: number;

  constructor(evidence: PairEvidence, model: ScoringModel) {
    this.model = model;
    this.sourceLengths = evidence.source.lengths;
    this.targetLengths = evidence.target.lengths;
    const tables = evidenceTables(evidence, model.maximumReward);
    this.reward = tables.reward;
    this.missInTarget = tables.missInTarget;
    this.missInSource = tables.missInSource;
    this.sourceKeys = tables.sourceKeys;
    this.targetKeys = tables.targetKeys;
    this.sourceHasKeys = tables.sourceHasKeys;
    this.targetHasKeys = tables.targetHasKeys;
    this.anyKeys = tables.anyKeys;
    this.sourceSignature = tables.sourceSignature;
    this.targetSignature = tables.targetSignature;
    this.sourceMisses = tables.sourceMisses;
    this.targetMisses = tables.targetMisses;
    this.logTarget = tables.logTarget;
    this.sourceGroupLengths = tables.sourceGroupLengths;
    this.targetGroupLengths = tables.targetGroupLengths;
    this.seen = new Int32Array(evidence.keyCount);
    this.inTarget = new Int32Array(evidence.keyCount);
    this.lengthWeight = model.lengthWeight;
    this.anchorWeight = model.anchorWeight;

    const length = model.length;
    this.ratio = length.ratio;
    this.perCharacter = length.variance;
    this.relative = length.relativeSpread * length.ratio;
    this.groupRelative = this.relative * length.groupSpread;
    this.wideBase = Math.log(length.outlierShare / length.outlierScale);
    this.wideInverseSquare = 1 / (length.outlierScale * length.outlierScale);
    // log(n·e^−h + w·e^−h/W²) = log w − h/W² + log1p((n/w)·e^−(1−1/W²)h), with n, w the components' weights over their spreads.
    const boost = ((1 - length.outlierShare) * length.outlierScale) / length.outlierShare;
    this.mixtureDecay = 1 - this.wideInverseSquare;
    this.mixtureTable = new Float64Array(mixtureSteps + 2);
    for (let step = 0; step < mixtureSteps + 2; step++) this.mixtureTable[step] = Math.log1p(boost * Math.exp(-this.mixtureDecay * step * mixtureStep));
    this.nullMean = [0, 1, 2, 3].map((groupSize) => length.targetLogMean + Math.log(Math.max(groupSize, 1)));
    this.nullInverseDeviation = 1 / length.targetLogDeviation;
    this.nullBase = Math.log(length.targetLogDeviation);
  }

  /** The model the scorer weighs with. */
  get scoring(): ScoringModel {
    return this.model;
  }

  /** Whether anchors count at all: both sides have a key worth weighing. */
  get weighsAnchors(): boolean {
    return this.anyKeys;
  }

  /** Score of shape number `shape` (of `shapes`) starting at source paragraph `sourceStart` and target paragraph `targetStart`. */
  score(shape: number, sourceStart: number, targetStart: number): number {
    const prior = this.model.logPriors[shape]!;
    if (shape === 0) return prior + this.oneToOne(sourceStart, targetStart);
    const sourceCount = shapeTable.sourceCount[shape]!;
    const targetCount = shapeTable.targetCount[shape]!;
    if (sourceCount === 0) return prior + (this.model.unlinkedTarget?.[targetStart] ?? 0);
    if (targetCount === 0) return prior + (this.model.unlinkedSource?.[sourceStart] ?? 0);
    let unlinked = 0;
    const skippedSource = shapeTable.skippedSource[shape]!;
    const skippedTarget = shapeTable.skippedTarget[shape]!;
    if (skippedSource >= 0) unlinked += this.model.unlinkedSource?.[sourceStart + skippedSource] ?? 0;
    if (skippedTarget >= 0) unlinked += this.model.unlinkedTarget?.[targetStart + skippedTarget] ?? 0;
    const { joinSource, joinTarget } = this.model;
    if (joinSource) for (let index = 1; index < sourceCount; index++) unlinked += joinSource[sourceStart + shapeTable.sourceOffsets[shape * 3 + index]!]!;
    if (joinTarget) for (let index = 1; index < targetCount; index++) unlinked += joinTarget[targetStart + shapeTable.targetOffsets[shape * 3 + index]!]!;
    // The groups' lengths, key signatures and misses were summed beforehand (EvidenceTables): most links need no member list.
    const sourceGroup = sourceStart * groupKinds + sourceGroupKind[shape]!;
    const targetGroup = targetStart * groupKinds + targetGroupKind[shape]!;
    const logTargetLength = this.logTarget[skippedTarget >= 0 ? 3 : targetCount - 1]![targetStart]!;
    const group = sourceCount + targetCount > 2;
    const length = this.lengthScore(this.sourceGroupLengths[sourceGroup]!, this.targetGroupLengths[targetGroup]!, targetCount, logTargetLength, group);
    // A gross misfit stays one whatever anchors add (each is capped): skip them.
    if (length <= grossMisfit || !this.anyKeys) return prior + unlinked + this.lengthWeight * length;
    let anchors: number;
    if ((this.sourceSignature[sourceGroup]! & this.targetSignature[targetGroup]!) === 0) {
      // Sharing no key, every key is a miss: the groups' sums.
      anchors = this.sourceMisses[sourceGroup * largestGroup + targetCount - 1]! + this.targetMisses[targetGroup * largestGroup + sourceCount - 1]!;
    } else {
      for (let index = 0; index < sourceCount; index++) this.sourceMembers[index] = sourceStart + shapeTable.sourceOffsets[shape * 3 + index]!;
      for (let index = 0; index < targetCount; index++) this.targetMembers[index] = targetStart + shapeTable.targetOffsets[shape * 3 + index]!;
      anchors = this.anchorScore(sourceCount, targetCount);
    }
    return prior + unlinked + (this.lengthWeight * length + this.anchorWeight * anchors);
  }

  /** Evidence (without prior) for linking the given paragraphs (absolute indices, at most three a side). */
  linkEvidence(source: readonly number[], target: readonly number[]): number {
    source.forEach((paragraph, index) => (this.sourceMembers[index] = paragraph));
    target.forEach((paragraph, index) => (this.targetMembers[index] = paragraph));
    let targetLength = 0;
    for (const paragraph of target) targetLength += this.targetLengths[paragraph]!;
    return this.evidenceScore(source.length, target.length, Math.log(targetLength));
  }

  /** Evidence of the link of the members set, weighing its keys one by one. */
  private evidenceScore(sourceCount: number, targetCount: number, logTargetLength: number): number {
    let sourceLength = 0;
    let targetLength = 0;
    for (let index = 0; index < sourceCount; index++) sourceLength += this.sourceLengths[this.sourceMembers[index]!]!;
    for (let index = 0; index < targetCount; index++) targetLength += this.targetLengths[this.targetMembers[index]!]!;
    const length = this.lengthScore(sourceLength, targetLength, targetCount, logTargetLength, sourceCount + targetCount > 2);
    // A gross misfit stays one whatever anchors add (each is capped): skip them.
    if (length <= grossMisfit || !this.anyKeys) return this.lengthWeight * length;
    return this.lengthWeight * length + this.anchorWeight * this.anchorScore(sourceCount, targetCount);
  }

  /** Evidence of a 1:1 link, the commonest step, without the group machinery: a merge of two sorted key lists when they may share a key. */
  private oneToOne(source: number, target: number): number {
    let score = this.lengthWeight * this.lengthScore(this.sourceLengths[source]!, this.targetLengths[target]!, 1, this.logTarget[0][target]!);
    if ((this.sourceHasKeys[source]! | this.targetHasKeys[target]!) === 0) return score;
    // Sharing no key (see anchorScore), every key is a miss.
    if ((this.sourceSignature[source * groupKinds]! & this.targetSignature[target * groupKinds]!) === 0) {
      return score + this.anchorWeight * (this.sourceMisses[source * groupKinds * largestGroup]! + this.targetMisses[target * groupKinds * largestGroup]!);
    }
    const sourceKeys = this.sourceKeys;
    const targetKeys = this.targetKeys;
    let a = sourceKeys.start[source]!;
    const aEnd = sourceKeys.start[source + 1]!;
    let b = targetKeys.start[target]!;
    const bEnd = targetKeys.start[target + 1]!;
    if (a === aEnd && b === bEnd) return score;
    let anchors = 0;
    while (a < aEnd || b < bEnd) {
      const left = a < aEnd ? sourceKeys.keys[a]! : Number.MAX_SAFE_INTEGER;
      const right = b < bEnd ? targetKeys.keys[b]! : Number.MAX_SAFE_INTEGER;
      if (left === right) {
        anchors += this.reward[left * 9]!;
        a++;
        b++;
      } else if (left < right) {
        anchors += this.missInTarget[left * largestGroup]!;
        a++;
      } else {
        anchors += this.missInSource[right * largestGroup]!;
        b++;
      }
    }
    score += this.anchorWeight * anchors;
    return score;
  }

  /** `lengthLogOdds` of length-model.ts, with the model's constants hoisted. */
  private lengthScore(sourceLength: number, targetLength: number, targetCount: number, logTargetLength: number, group = false): number {
    const mean = (sourceLength + targetLength / this.ratio) / 2;
    const relative = (group ? this.groupRelative : this.relative) * mean;
    const variance = this.perCharacter * mean + relative * relative;
    const misfit = targetLength - this.ratio * sourceLength;
    const halfDeltaSquared = (0.5 * misfit * misfit) / variance;
    // Beyond this even the wide component is negligible; the exact value would not change any decision or posterior.
    if (halfDeltaSquared * this.wideInverseSquare > -grossMisfit) return grossMisfit;
    let mixture = this.wideBase - halfDeltaSquared * this.wideInverseSquare;
    const position = halfDeltaSquared / mixtureStep;
    if (position < mixtureSteps) {
      // Linear interpolation in the table; beyond it the narrow component adds less than e^-40.
      const step = Math.floor(position);
      const fraction = position - step;
      mixture += this.mixtureTable[step]! * (1 - fraction) + this.mixtureTable[step + 1]! * fraction;
    }
    const z = (logTargetLength - this.nullMean[targetCount]!) * this.nullInverseDeviation;
    // linked − unrelated; the √(2π) terms cancel.
    return mixture - 0.5 * Math.log(variance) + 0.5 * z * z + logTargetLength + this.nullBase;
  }

  /**
   * Anchor evidence of a link (its members in `sourceMembers` and
   * `targetMembers`): each key either side has, once, rewarded when both
   * sides have it and costed when one lacks it. `score` comes here only for
   * links whose groups may share a key (their key signatures overlap); the
   * rest are a miss for every key, summed beforehand.
   */
  private anchorScore(sourceCount: number, targetCount: number): number {
    let any = 0;
    for (let index = 0; index < sourceCount; index++) any |= this.sourceHasKeys[this.sourceMembers[index]!]!;
    for (let index = 0; index < targetCount; index++) any |= this.targetHasKeys[this.targetMembers[index]!]!;
    if (any === 0) return 0;
    const source = this.sourceKeys;
    const target = this.targetKeys;
    const epoch = ++this.epoch;
    const seen = this.seen;
    const inTarget = this.inTarget;
    for (let index = 0; index < targetCount; index++) {
      const paragraph = this.targetMembers[index]!;
      for (let at = target.start[paragraph]!; at < target.start[paragraph + 1]!; at++) inTarget[target.keys[at]!] = epoch;
    }
    let score = 0;
    const rewardOffset = (sourceCount - 1) * 3 + targetCount - 1;
    for (let index = 0; index < sourceCount; index++) {
      const paragraph = this.sourceMembers[index]!;
      for (let at = source.start[paragraph]!; at < source.start[paragraph + 1]!; at++) {
        const key = source.keys[at]!;
        if (seen[key] === epoch) continue;
        seen[key] = epoch;
        score += inTarget[key] === epoch ? this.reward[key * 9 + rewardOffset]! : this.missInTarget[key * largestGroup + targetCount - 1]!;
      }
    }
    for (let index = 0; index < targetCount; index++) {
      const paragraph = this.targetMembers[index]!;
      for (let at = target.start[paragraph]!; at < target.start[paragraph + 1]!; at++) {
        const key = target.keys[at]!;
        if (seen[key] === epoch) continue;
        seen[key] = epoch;
        score += this.missInSource[key * largestGroup + sourceCount - 1]!;
      }
    }
    return score;
  }
}
