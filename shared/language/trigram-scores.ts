/**
 * franc's language scores, computed faster. franc (6.2) judges a text by the
 * script most of its characters are in and, for a script many languages share,
 * by the distance between the text's trigrams and each language's 300 most
 * common ones. Per paragraph it builds a dictionary of trigram strings, sorts
 * it, filters its whole language table by `only` and scans 30 regular
 * expressions: on a 30,000-verse Bible that was about 14 s of a 35 s run.
 *
 * Here the same models (franc's own `data` and `expressions`) are scored with
 * trigrams as numbers: the trigrams of the languages allowed get small integer
 * ids once per set of languages, a text's trigrams are counted in a reused
 * array, and the character → script decision is cached per code unit. The results equal `francAll`'s, scores and
 * order (tests/shared/language/trigram-scores.test.ts checks this on every
 * corpus and UDHR paragraph).
 */
import { data } from 'franc/data.js';
import { expressions } from 'franc/expressions.js';
// `\s`, which trigram-utils collapses, is the white space String.prototype.trim removes.
import { isWhiteSpace } from '../text/paragraphs.ts';

/** A language (ISO 639-3) and its score: 1 for the best, less for the others (franc's scale). */
export type LanguageScore = [language: string, score: number];

/** franc reads at most this many code units of a text. */
const maxLength = 2048;
/** franc's distance for a text trigram a language's model lacks. */
const maxDifference = 300;

const scriptNames = Object.keys(expressions);
// The masks below hold one bit per expression.
if (scriptNames.length > 31) throw new Error(`franc has ${scriptNames.length} script expressions; trigram-scores.ts handles 31`);
/**
 * Per UTF-16 code unit: a bit mask of the expressions it matches (a character
 * may match several: kanji count for both `cmn` and `jpn`), -1 not yet known.
 */
const scriptsOfUnit = new Int32Array(0x10000).fill(-1);

function unitScripts(unit: number): number {
  let mask = scriptsOfUnit[unit]!;
  if (mask !== -1) return mask;
  const character = String.fromCharCode(unit);
  mask = 0;
  scriptNames.forEach((name, index) => {
    const expression = expressions[name]!;
    expression.lastIndex = 0;
    if (expression.test(character)) mask |= 1 << index;
    expression.lastIndex = 0;
  });
  scriptsOfUnit[unit] = mask;
  return mask;
}

/**
 * franc's script of `value` (already cut to {@link maxLength}): the name of the
 * expression most of its characters match (`Latin`, `Cyrillic`, `tha`, `cmn`…),
 * the first in franc's order on a tie, and how many matched. Texts with
 * surrogate pairs (astral Han, emoji) are counted by franc's expressions
 * themselves, which match pairs.
 */
function topScript(value: string): { name: string; count: number } {
  const counts = new Int32Array(scriptNames.length);
  let astral = false;
  for (let index = 0; index < value.length; index++) {
    const unit = value.charCodeAt(index);
    if (unit >= 0xd800 && unit <= 0xdfff) {
      astral = true;
      break;
    }
    let mask = scriptsOfUnit[unit]!;
    if (mask === -1) mask = unitScripts(unit);
    for (; mask !== 0; mask &= mask - 1) counts[31 - Math.clz32(mask & -mask)]!++;
  }
  if (astral) for (let script = 0; script < scriptNames.length; script++) counts[script] = value.match(expressions[scriptNames[script]!]!)?.length ?? 0;
  let best = 0;
  for (let script = 1; script < scriptNames.length; script++) if (counts[script]! > counts[best]!) best = script;
  return { name: scriptNames[best]!, count: counts[best]! };
}

/**
 * The models of the languages allowed in one script: their trigrams numbered
 * (only theirs: a small table stays in the processor's cache, and a trigram
 * none of them has costs every one of them the same 300), and each language's
 * rank of each.
 */
interface AllowedModels {
  /** The allowed languages, in franc's table order (its order on ties). */
  readonly languages: readonly string[];
  readonly ids: TrigramTable;
  /**
   * Language `l`'s rank of trigram `id` at `id * languages.length + l`, -1
   * where absent: a text's trigram is weighed for every language from one
   * short run of memory.
   */
  readonly ranks: Int16Array;
}

/** A trigram of three UTF-16 code units as one number (48 bits: exact in a double). */
function trigramKey(a: number, b: number, c: number): number {
  return a * 0x100000000 + b * 0x10000 + c;
}

function trigramHash(a: number, b: number, c: number): number {
  return (Math.imul(a, 0x9e3779b1) ^ Math.imul(b, 0x85ebca77) ^ Math.imul(c, 0xc2b2ae3d)) >>> 0;
}

/**
 * A set of trigrams numbered 0, 1, 2… in insertion order: open addressing in
 * typed arrays, so looking a trigram up allocates nothing (a `Map` of these
 * 48-bit keys boxes every one).
 */
class TrigramTable {
  private readonly keys: Float64Array;
  private readonly ids: Int32Array;
  private readonly mask: number;
  /** Slots filled, so {@link clear} costs what was added, not the table's size. */
  private readonly filled: number[] = [];
  size = 0;

  constructor(capacity: number) {
    let slots = 16;
    while (slots < capacity * 2) slots *= 2;
    this.keys = new Float64Array(slots);
    this.ids = new Int32Array(slots).fill(-1);
    this.mask = slots - 1;
  }

  private slot(a: number, b: number, c: number): number {
    const key = trigramKey(a, b, c);
    let slot = trigramHash(a, b, c) & this.mask;
    while (this.ids[slot] !== -1 && this.keys[slot] !== key) slot = (slot + 1) & this.mask;
    return slot;
  }

  /** The trigram's number, or -1. */
  get(a: number, b: number, c: number): number {
    return this.ids[this.slot(a, b, c)]!;
  }

  /** Adds the trigram if new; returns its number. */
  add(a: number, b: number, c: number): number {
    const slot = this.slot(a, b, c);
    if (this.ids[slot] === -1) {
      this.keys[slot] = trigramKey(a, b, c);
      this.ids[slot] = this.size++;
      this.filled.push(slot);
    }
    return this.ids[slot]!;
  }

  clear(): void {
    for (const slot of this.filled) this.ids[slot] = -1;
    this.filled.length = 0;
    this.size = 0;
  }
}

function addTrigram(table: TrigramTable, trigram: string): number {
  return table.add(trigram.charCodeAt(0), trigram.charCodeAt(1), trigram.charCodeAt(2));
}

function buildModels(script: string, only: ReadonlySet<string> | undefined): AllowedModels {
  const table = data[script]!;
  const languages = Object.keys(table).filter((language) => !only || only.has(language));
  const lists = languages.map((language) => table[language]!.split('|'));
  const ids = new TrigramTable(lists.reduce((sum, list) => sum + list.length, 0));
  for (const list of lists) for (const trigram of list) addTrigram(ids, trigram);
  const ranks = new Int16Array(ids.size * languages.length).fill(-1);
  lists.forEach((list, language) => {
    // franc keeps the first rank of a trigram listed twice.
    for (let index = list.length - 1; index >= 0; index--) ranks[addTrigram(ids, list[index]!) * languages.length + language] = index;
  });
  return { languages, ids, ranks };
}

/** Models per `only` set and script: callers pass the same set for every paragraph of a document. */
const modelsByOnly = new WeakMap<ReadonlySet<string>, Map<string, AllowedModels>>();
const modelsOfAll = new Map<string, AllowedModels>();

function allowedModels(script: string, only: ReadonlySet<string> | undefined): AllowedModels {
  let byScript = only ? modelsByOnly.get(only) : modelsOfAll;
  if (!byScript) {
    byScript = new Map();
    modelsByOnly.set(only!, byScript);
  }
  let models = byScript.get(script);
  if (!models) {
    models = buildModels(script, only);
    byScript.set(script, models);
  }
  return models;
}

/** The cleaned text being scored ({@link cleanUnits}), reused from text to text. */
let cleaned = new Uint16Array(maxLength + 2);

/**
 * trigram-utils' cleaning as code units: lower case, runs of ASCII punctuation,
 * digits and white space as one space, trimmed, padded with a space each side.
 * The result is a view of a buffer the next text reuses.
 */
function cleanUnits(value: string): Uint16Array {
  const lower = value.toLowerCase();
  // Lower case can be longer (`İ` is two units).
  if (cleaned.length < lower.length + 2) cleaned = new Uint16Array(lower.length + 2);
  const units = cleaned;
  let length = 0;
  units[length++] = 0x20;
  let pendingSpace = false;
  for (let index = 0; index < lower.length; index++) {
    const unit = lower.charCodeAt(index);
    if ((unit >= 0x21 && unit <= 0x40) || isWhiteSpace(unit)) {
      pendingSpace = length > 1;
      continue;
    }
    if (pendingSpace) units[length++] = 0x20;
    pendingSpace = false;
    units[length++] = unit;
  }
  units[length++] = 0x20;
  return units.subarray(0, length);
}

/** Counts per trigram id of the text being scored, reset after each text. */
let counts = new Int32Array(0);
/** The ids counted in the text being scored, in the order first met. */
let seen = new Int32Array(maxLength + 2);
/** The distinct trigrams of the text being scored that no model of its script has (franc reads at most 2,048 units). */
const unknown = new TrigramTable(maxLength + 2);

/**
 * The text's distance to each of the models' languages: for each distinct
 * trigram, how far its count is from the language's rank of it, or 300 where
 * the language lacks it.
 */
function distances(units: Uint16Array, models: AllowedModels): number[] {
  if (counts.length < models.ids.size) counts = new Int32Array(models.ids.size);
  if (seen.length < units.length) seen = new Int32Array(units.length);
  let seenCount = 0;
  for (let index = 0; index + 2 < units.length; index++) {
    const a = units[index]!;
    const b = units[index + 1]!;
    const c = units[index + 2]!;
    const id = models.ids.get(a, b, c);
    if (id === -1) unknown.add(a, b, c);
    else if (counts[id]!++ === 0) seen[seenCount++] = id;
  }
  const languages = models.languages.length;
  const result = new Array<number>(languages).fill(unknown.size * maxDifference);
  unknown.clear();
  const ranks = models.ranks;
  for (let at = 0; at < seenCount; at++) {
    const id = seen[at]!;
    const count = counts[id]!;
    counts[id] = 0;
    // Sums of whole numbers: the order they are added in does not change them.
    for (let language = 0, slot = id * languages; language < languages; language++, slot++) {
      const rank = ranks[slot]!;
      result[language]! += rank < 0 ? maxDifference : Math.abs(count - rank - 1);
    }
  }
  return result;
}

/** franc's script of a text: the name of its expression (`Latin`, `tha`…), how many characters matched, and whether franc needs trigrams for it. */
export interface FrancScript {
  readonly name: string;
  readonly count: number;
  readonly trigrams: boolean;
}

/** franc's script of `text` (see {@link FrancScript}). */
export function francScript(text: string): FrancScript {
  const top = topScript(text.slice(0, maxLength));
  return { ...top, trigrams: top.name in data };
}

/** Options of {@link francScores}. */
export interface FrancScoreOptions {
  readonly minLength: number;
  /** The languages allowed; empty or absent: every language. */
  readonly only?: ReadonlySet<string>;
  /** The text's script when the caller has it already ({@link francScript}), to spare a second pass. */
  readonly script?: FrancScript;
}

/**
 * What `francAll(text, { minLength, only })` returns: languages with scores,
 * best first, `[['und', 1]]` when the text is too short, has no script or no
 * allowed language.
 */
export function francScores(text: string, options: FrancScoreOptions): LanguageScore[] {
  if (text.length === 0 || text.length < options.minLength) return [['und', 1]];
  const value = text.slice(0, maxLength);
  const script = options.script ?? topScript(value);
  const only = options.only && options.only.size > 0 ? options.only : undefined;
  if (!(script.name in data)) {
    return script.count === 0 || (only && !only.has(script.name)) ? [['und', 1]] : [[script.name, 1]];
  }
  const models = allowedModels(script.name, only);
  if (models.languages.length === 0) return [['und', 1]];
  const found = distances(cleanUnits(value), models);
  const order = found.map((_, index) => index).sort((a, b) => found[a]! - found[b]!);
  const min = found[order[0]!]!;
  const max = value.length * maxDifference - min;
  return order.map((index) => [models.languages[index]!, 1 - (found[index]! - min) / max || 0]);
}
