/**
 * The part of `@xmldom/xmldom` that `shared/` uses (`shared/text/srx.ts`), which
 * tsconfig.shared.json maps the package to: the package's own declarations
 * pull in the whole DOM library, which the portable type-check must not see.
 */
export interface DOMParserOptions {
  /** An object here makes the parser record each node's `lineNumber` and `columnNumber`. */
  locator?: object;
  /** Called for each problem; a function of two arguments gets the level first. */
  errorHandler?: (level: 'warning' | 'error' | 'fatalError', message: string) => void;
}
export declare class DOMParser {
  constructor(options?: DOMParserOptions);
  parseFromString(source: string, mimeType: string): unknown;
}
