/**
 * Names the platform already knows in many languages: countries and regions,
 * languages and currencies (`Intl.DisplayNames`), months and weekdays
 * (`Intl.DateTimeFormat`). A name is reported as a language-neutral concept
 * (`region:JP`), so `Japan` and `ญี่ปุ่น` meet without a dictionary.
 *
 * Asking ICU costs a process tens of milliseconds (loading its display-name
 * and calendar data is most of it): for the {@link commonLanguages} the names
 * and their groups are read from known-names.generated.ts instead, which
 * scripts/generate-known-names.js writes from the same code below (a test
 * checks it is up to date with the ICU of the Node that runs the tests).
 * Other languages are asked of ICU as before.
 */
import { languageProfile, type LanguageProfile } from './language-profile.ts';
import { PhraseMatcher, foldForMatching } from './phrase-matcher.ts';
import { storedConcepts, storedNames, storedRoots } from './known-names.generated.ts';

/** One spelling of a concept in one locale. */
export interface KnownName {
  /** Language-neutral identifier: `region:JP`, `language:ja`, `currency:JPY`, `month:1`, `weekday:1` (Monday). */
  readonly concept: string;
  readonly surface: string;
}

/** Region codes ICU names that are not places a text would mention. */
const ignoredRegions = new Set(['ZZ', 'QO', 'XA', 'XB', 'AA']);

const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

function allTwoLetterCodes(lowerCase: boolean): string[] {
  const codes: string[] = [];
  for (const first of letters) for (const second of letters) codes.push(lowerCase ? `${first}${second}`.toLowerCase() : first + second);
  return codes;
}

/**
 * Shortest surface kept, by script: short Latin words (`Lao`, `Ewe`) are too
 * often ordinary words, while two Han characters (`日本`) are a whole name.
 */
function minimumLength(profile: LanguageProfile): number {
  if (profile.script === 'Latn') return 4;
  if (profile.script === 'Hani' || profile.script === 'Hans' || profile.script === 'Hant' || profile.script === 'Jpan') return 2;
  return 3;
}

function displayNames(locale: string, type: 'region' | 'language' | 'currency'): Intl.DisplayNames | undefined {
  try {
    return new Intl.DisplayNames([locale], { type, fallback: 'none' });
  } catch {
    return undefined;
  }
}

/**
 * Every name ICU knows in the language of `profile`, in a fixed order (the
 * order matters: two concepts spelt alike are reported in it).
 */
export function namesFromIntl(profile: LanguageProfile): KnownName[] {
  const locale = profile.locale;
  if (!locale) return [];
  const names: KnownName[] = [];
  const push = (concept: string, surface: string | undefined, code?: string) => {
    if (!surface) return;
    const trimmed = surface.trim();
    // ICU answers with the code itself when it has no name; digits make it a date pattern, not a name.
    if (trimmed === code || /\d/u.test(trimmed) || trimmed.length < minimumLength(profile)) return;
    names.push({ concept, surface: trimmed });
  };
  const regions = displayNames(locale, 'region');
  if (regions) {
    for (const code of allTwoLetterCodes(false)) {
      if (ignoredRegions.has(code)) continue;
      push(`region:${code}`, regions.of(code), code);
    }
  }
  const languages = displayNames(locale, 'language');
  if (languages) {
    for (const code of allTwoLetterCodes(true)) {
      let name: string | undefined;
      try {
        name = languages.of(code);
      } catch {
        name = undefined;
      }
      push(`language:${code}`, name, code);
    }
  }
  const currencies = displayNames(locale, 'currency');
  if (currencies) {
    for (const code of Intl.supportedValuesOf('currency')) push(`currency:${code}`, currencies.of(code), code);
  }
  // Months and weekdays, standalone and in a date (Russian `январь` / `января`).
  const standaloneMonth = new Intl.DateTimeFormat(locale, { month: 'long', timeZone: 'UTC' });
  const monthInDate = new Intl.DateTimeFormat(locale, { month: 'long', day: 'numeric', timeZone: 'UTC' });
  for (let month = 0; month < 12; month++) {
    const date = new Date(Date.UTC(2021, month, 15));
    push(`month:${month + 1}`, standaloneMonth.format(date));
    push(`month:${month + 1}`, monthInDate.formatToParts(date).find((part) => part.type === 'month')?.value);
  }
  const standaloneWeekday = new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' });
  const weekdayInDate = new Intl.DateTimeFormat(locale, { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' });
  for (let day = 0; day < 7; day++) {
    // 1 March 2021 was a Monday: weekday 1 is Monday, as in ISO 8601.
    const date = new Date(Date.UTC(2021, 2, 1 + day));
    push(`weekday:${day + 1}`, standaloneWeekday.format(date));
    push(`weekday:${day + 1}`, weekdayInDate.formatToParts(date).find((part) => part.type === 'weekday')?.value);
  }
  return names;
}

let conceptList: readonly string[] | undefined;

/** The names of `language` (ISO 639-3) as generated, or undefined for a language not stored. */
function storedNamesOf(language: string): KnownName[] | undefined {
  const stored = Object.hasOwn(storedNames, language) ? storedNames[language] : undefined;
  if (stored === undefined) return undefined;
  conceptList ??= storedConcepts.split(' ');
  if (stored === '') return [];
  return stored.split('\n').map((line) => {
    const tab = line.indexOf('\t');
    return { concept: conceptList![Number(line.slice(0, tab))]!, surface: line.slice(tab + 1) };
  });
}

interface NameTable {
  readonly names: readonly KnownName[];
  readonly concepts: readonly string[];
  readonly matcher: PhraseMatcher;
}

const tables = new Map<string, NameTable>();

function nameTable(profile: LanguageProfile): NameTable {
  const cacheKey = `${profile.locale ?? 'und'}/${profile.script}`;
  const cached = tables.get(cacheKey);
  if (cached) return cached;
  const names = storedNamesOf(profile.language) ?? namesFromIntl(profile);
  const conceptIndex = new Map<string, number>();
  const concepts: string[] = [];
  const matcher = new PhraseMatcher();
  for (const name of names) {
    let key = conceptIndex.get(name.concept);
    if (key === undefined) {
      key = concepts.length;
      concepts.push(name.concept);
      conceptIndex.set(name.concept, key);
    }
    matcher.add({ text: name.surface, key });
  }
  const table = { names, concepts, matcher };
  tables.set(cacheKey, table);
  return table;
}

/** Every name the platform knows in `language` (ISO 639-3), with its concept. Empty for `und`. */
export function knownNames(language: string): readonly KnownName[] {
  return nameTable(languageProfile(language)).names;
}

/**
 * The concepts named in `text`, in text order (leftmost-longest: `เกาหลีใต้`
 * is South Korea, not Korean). Spaced scripts match whole words; Thai, Chinese
 * and Japanese match substrings, since they put no spaces between words.
 */
export function findKnownNames(text: string, profile: LanguageProfile): string[] {
  const table = nameTable(profile);
  if (table.matcher.size === 0) return [];
  return table.matcher.find(text, profile.unspaced ? 'none' : 'word').map((key) => table.concepts[key]!);
}

class UnionFind {
  private readonly parent = new Map<string, string>();
  find(item: string): string {
    let root = item;
    for (let next = this.parent.get(root); next !== undefined && next !== root; next = this.parent.get(root)) root = next;
    // Path compression keeps later finds short.
    let node = item;
    while (node !== root) {
      const next = this.parent.get(node)!;
      this.parent.set(node, root);
      node = next;
    }
    if (!this.parent.has(root)) this.parent.set(root, root);
    return root;
  }
  union(a: string, b: string): void {
    const rootA = this.find(a);
    const rootB = this.find(b);
    // The smaller identifier becomes the root, so components are named the same on every run.
    if (rootA < rootB) this.parent.set(rootB, rootA);
    else if (rootB < rootA) this.parent.set(rootA, rootB);
  }
}

function addSurfaceUnions(unions: UnionFind, names: readonly KnownName[], profile: LanguageProfile): void {
  // Fold punctuation to spaces so word containment can be tested with padded strings.
  const folded = names.map((name) => ({
    concept: name.concept,
    text: profile.unspaced ? foldForMatching(name.surface) : ` ${foldForMatching(name.surface).replace(/[^\p{L}\p{N}\p{M}]+/gu, ' ').trim()} `,
  }));
  const bySurface = new Map<string, string>();
  for (const name of folded) {
    unions.find(name.concept);
    const other = bySurface.get(name.text);
    if (other) unions.union(other, name.concept);
    else bySurface.set(name.text, name.concept);
  }
  // Containment: every part of each surface (word runs, or any substring in unspaced scripts) looked up among the surfaces.
  for (const [outer, outerConcept] of bySurface) {
    if (profile.unspaced) {
      for (let start = 0; start < outer.length; start++) {
        for (let end = start + 1; end <= outer.length; end++) {
          if (end - start === outer.length) continue;
          const inner = bySurface.get(outer.slice(start, end));
          if (inner) unions.union(inner, outerConcept);
        }
      }
    } else {
      const words = outer.trim().split(' ');
      for (let start = 0; start < words.length; start++) {
        for (let end = start + 1; end <= words.length; end++) {
          if (end - start === words.length) continue;
          const inner = bySurface.get(` ${words.slice(start, end).join(' ')} `);
          if (inner) unions.union(inner, outerConcept);
        }
      }
    }
  }
}

/**
 * Within one language (its `names`), each concept whose surface is another's
 * or lies inside another's, with the root of its group there (its smallest
 * concept); concepts alone in their group are left out.
 */
export function surfaceRoots(names: readonly KnownName[], profile: LanguageProfile): Map<string, string> {
  const unions = new UnionFind();
  addSurfaceUnions(unions, names, profile);
  const roots = new Map<string, string>();
  for (const name of names) {
    const root = unions.find(name.concept);
    if (root !== name.concept) roots.set(name.concept, root);
  }
  return roots;
}

/** {@link surfaceRoots} of `language` as generated, or undefined for a language not stored. */
function storedRootsOf(language: string): Map<string, string> | undefined {
  const stored = Object.hasOwn(storedRoots, language) ? storedRoots[language] : undefined;
  if (stored === undefined) return undefined;
  conceptList ??= storedConcepts.split(' ');
  const roots = new Map<string, string>();
  if (stored === '') return roots;
  for (const pair of stored.split(' ')) {
    const colon = pair.indexOf(':');
    roots.set(conceptList[Number(pair.slice(0, colon))]!, conceptList[Number(pair.slice(colon + 1))]!);
  }
  return roots;
}

const componentCache = new Map<string, ReadonlyMap<string, string>>();

/**
 * For a pair of languages, maps each concept to the name of its group:
 * concepts spelled alike (`จีน` is both China and Chinese in Thai) or one
 * spelling inside another (`เกาหลี` in `เกาหลีใต้`) fall together, so a
 * translation that says "Korea" where the original says "Korean" still counts
 * as naming the same thing. Compare known-name anchors of the two sides through
 * this map, not by their raw concept.
 */
export function knownNameGroups(sourceLanguage: string, targetLanguage: string): ReadonlyMap<string, string> {
  const cacheKey = `${sourceLanguage}|${targetLanguage}`;
  const cached = componentCache.get(cacheKey);
  if (cached) return cached;
  const unions = new UnionFind();
  for (const language of new Set([sourceLanguage, targetLanguage])) {
    // A component's root is its smallest concept whatever the order of unions, so a language's own
    // components (stored, or found here) joined with the other's give the groups of the pair.
    const profile = languageProfile(language);
    for (const [concept, root] of storedRootsOf(language) ?? surfaceRoots(nameTable(profile).names, profile)) unions.union(concept, root);
  }
  const groups = new Map<string, string>();
  for (const language of new Set([sourceLanguage, targetLanguage])) {
    for (const name of nameTable(languageProfile(language)).names) groups.set(name.concept, unions.find(name.concept));
  }
  componentCache.set(cacheKey, groups);
  return groups;
}
