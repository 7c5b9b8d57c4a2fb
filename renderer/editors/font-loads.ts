/**
 * The font faces the editors wait for before they measure (monaco-setup.ts's
 * `loadTextFonts`), as text, and which faces of the bundled @font-face rules
 * those loads fetch. The build (vite.config.ts) preloads exactly those files
 * from the page, so they arrive while the workbench's code compiles instead
 * of after it, when the host may be busy opening the alignment.
 * Pure: no DOM, so the build can use it.
 */

/**
 * The characters Monaco measures to know a font (fontMeasurements.js, monaco-editor 0.57),
 * beyond the Latin ones that Noto Sans Thai's Latin subset has: they come from faces further
 * down the stack (the CJK fonts). A face for one of them that arrives after the editors
 * measured changes the measure, and Monaco wraps every line of both documents again.
 */
export const measuredSymbols = '\uff4d\uffeb\u2192\u2e31';

/** One `document.fonts.load` the editors wait for: a weight, the families (all of the stack when undefined) and the text. */
export interface FontLoad {
  readonly weight: number;
  readonly family?: string;
  readonly text: string;
}

/**
 * Noto Sans Thai (Thai and Latin, regular and semibold), and the faces of the whole
 * stack that have the symbols Monaco measures.
 */
export const editorFontLoads: readonly FontLoad[] = [
  ...[400, 600].flatMap((weight) => [
    { weight, family: 'Noto Sans Thai', text: 'กขค' },
    { weight, family: 'Noto Sans Thai', text: 'Abc' },
  ]),
  { weight: 400, text: measuredSymbols },
];

/** One @font-face rule: its family, weight, first source URL and code point ranges (none: every character). */
export interface FontFaceRule {
  readonly family: string;
  readonly weight: number;
  readonly url: string;
  readonly ranges: readonly (readonly [number, number])[] | undefined;
}

/** The @font-face rules of a style sheet, as the build writes them (`U+0E01-0E5B`, `U+30??` ranges). */
export function fontFaceRules(css: string): FontFaceRule[] {
  const rules: FontFaceRule[] = [];
  for (const [, body] of css.matchAll(/@font-face\s*\{([^}]*)\}/gu)) {
    const property = (name: string) => new RegExp(`(?:^|;)\\s*${name}\\s*:\\s*([^;]*)`, 'u').exec(body!)?.[1]?.trim();
    const family = property('font-family')?.replace(/^['"]|['"]$/gu, '');
    const url = /url\(\s*['"]?([^'")]+)['"]?\s*\)/u.exec(property('src') ?? '')?.[1];
    if (!family || !url) continue;
    const range = property('unicode-range');
    rules.push({
      family,
      weight: Number(property('font-weight') ?? 400),
      url,
      ranges: range?.split(',').map((token) => {
        const [low, high] = token.trim().replace(/^U\+/iu, '').split('-');
        const start = parseInt(low!.replace(/\?/gu, '0'), 16);
        const end = high !== undefined ? parseInt(high, 16) : parseInt(low!.replace(/\?/gu, 'F'), 16);
        return [start, end] as const;
      }),
    });
  }
  return rules;
}

/**
 * The URLs of the faces that `loads` fetch: per load, the rules of its family (any
 * family of the sheet for the whole stack) at its weight whose ranges hold one of its
 * characters, as the browser picks them for `document.fonts.load`. Faces without
 * a range (icon fonts) are left out: they are no text font.
 */
export function facesFetchedBy(rules: readonly FontFaceRule[], loads: readonly FontLoad[]): string[] {
  const urls = new Set<string>();
  for (const load of loads) {
    const points = [...load.text].map((character) => character.codePointAt(0)!);
    for (const rule of rules) {
      if (!rule.ranges || rule.weight !== load.weight || (load.family !== undefined && rule.family !== load.family)) continue;
      if (points.some((point) => rule.ranges!.some(([start, end]) => point >= start && point <= end))) urls.add(rule.url);
    }
  }
  return [...urls];
}
