/**
 * Monaco, set up for prose in two languages: the core editor API only (no
 * programming languages), the few contributions a translator uses (find,
 * clipboard, context menu, word moves, hovers), the editor worker bundled
 * locally (never a CDN), themes, and the options both editors share.
 *
 * Wrapping uses `wrappingStrategy: 'advanced'`, which measures with the
 * browser's own line breaker: 'simple' breaks Thai inside words, even inside a
 * character cluster. The text font is the bundled Noto Sans Thai (with Latin),
 * so Thai never depends on the system's fonts.
 */
import * as monaco from 'monaco-editor/editor';
import 'monaco-editor/features/codicon/register';
import 'monaco-editor/features/find/register';
import 'monaco-editor/features/clipboard/register';
import 'monaco-editor/features/contextmenu/register';
import 'monaco-editor/features/cursorUndo/register';
import 'monaco-editor/features/wordOperations/register';
import 'monaco-editor/features/multicursor/register';
import 'monaco-editor/features/hover/register';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import { textFontFamilyFor } from './fonts.ts';

export { monaco };

/** The text font: bundled Noto for every script of the UDHR cases (fonts.ts). */
export const textFontFamily = textFontFamilyFor();

/** Line height for a font size: Thai stacks vowels and tone marks above and below, so lines need room. */
export function lineHeightFor(fontSize: number): number {
  return Math.round(fontSize * 1.72);
}

let environmentReady = false;

/** Tells Monaco where its worker is (once). */
export function setUpMonacoEnvironment(): void {
  if (environmentReady) return;
  environmentReady = true;
  self.MonacoEnvironment = { getWorker: () => new EditorWorker() };
  defineThemes();
}

/** The names of the workbench's two themes. */
export const themeNames = { light: 'bitext-light', dark: 'bitext-dark' } as const;

function defineThemes(): void {
  monaco.editor.defineTheme(themeNames.light, {
    base: 'vs',
    inherit: true,
    rules: [],
    colors: {
      'editor.background': '#fdfdfc',
      'editor.foreground': '#1f2328',
      'editorLineNumber.foreground': '#a4a8ae',
      'editorLineNumber.activeForeground': '#4b5563',
      'editorCursor.foreground': '#1d4ed8',
      'editor.selectionBackground': '#c9dcff',
      'editor.inactiveSelectionBackground': '#e3ebfb',
      'editor.findMatchBackground': '#f6c94d',
      'editor.findMatchHighlightBackground': '#f6c94d66',
      'editorGutter.background': '#fdfdfc',
      'scrollbarSlider.background': '#8b93a033',
      'scrollbarSlider.hoverBackground': '#8b93a055',
      'scrollbarSlider.activeBackground': '#8b93a077',
      'editorOverviewRuler.border': '#00000000',
      'editorWidget.background': '#f7f7f5',
      'editorWidget.border': '#d5d7da',
      'focusBorder': '#3b6fd8',
    },
  });
  monaco.editor.defineTheme(themeNames.dark, {
    base: 'vs-dark',
    inherit: true,
    rules: [],
    colors: {
      'editor.background': '#1f2023',
      'editor.foreground': '#d9dbdf',
      'editorLineNumber.foreground': '#5e636b',
      'editorLineNumber.activeForeground': '#aab0b8',
      'editorCursor.foreground': '#8ab4ff',
      'editor.selectionBackground': '#2f4a7a',
      'editor.inactiveSelectionBackground': '#2a3850',
      'editorGutter.background': '#1f2023',
      'scrollbarSlider.background': '#8b93a033',
      'scrollbarSlider.hoverBackground': '#8b93a055',
      'scrollbarSlider.activeBackground': '#8b93a077',
      'editorOverviewRuler.border': '#00000000',
      'editorWidget.background': '#26282c',
      'editorWidget.border': '#3a3d42',
      'focusBorder': '#5b8def',
    },
  });
}

/** Options of one of the two editors. */
export interface ParagraphEditorOptions {
  readonly fontSize: number;
  readonly ariaLabel: string;
  /** The paragraph number shown beside a line (blank for lines that continue a paragraph or lie between). */
  readonly lineNumbers: (lineNumber: number) => string;
}

/** The options both editors share: prose, wrapped, no code-editor furniture. */
export function editorOptions(options: ParagraphEditorOptions): monaco.editor.IStandaloneEditorConstructionOptions {
  return {
    language: 'plaintext',
    ariaLabel: options.ariaLabel,
    fontFamily: textFontFamily,
    fontSize: options.fontSize,
    lineHeight: lineHeightFor(options.fontSize),
    fontLigatures: false,
    // A proportional font: let Monaco measure rather than assume equal widths.
    disableMonospaceOptimizations: true,
    wordWrap: 'on',
    wrappingStrategy: 'advanced',
    wrappingIndent: 'none',
    lineNumbers: options.lineNumbers,
    lineNumbersMinChars: 3,
    lineDecorationsWidth: 14,
    glyphMargin: false,
    folding: false,
    minimap: { enabled: false },
    renderLineHighlight: 'none',
    occurrencesHighlight: 'off',
    selectionHighlight: false,
    renderWhitespace: 'none',
    renderControlCharacters: false,
    guides: { indentation: false, highlightActiveIndentation: false },
    // Thai and English prose is full of "non-basic" characters; none of them is suspicious here.
    unicodeHighlight: { ambiguousCharacters: false, invisibleCharacters: false, nonBasicASCII: false },
    quickSuggestions: false,
    suggestOnTriggerCharacters: false,
    wordBasedSuggestions: 'off',
    parameterHints: { enabled: false },
    links: false,
    colorDecorators: false,
    stickyScroll: { enabled: false },
    dropIntoEditor: { enabled: false },
    scrollBeyondLastLine: true,
    smoothScrolling: false,
    overviewRulerLanes: 2,
    overviewRulerBorder: false,
    hideCursorInOverviewRuler: true,
    scrollbar: { verticalScrollbarSize: 12, horizontal: 'hidden', alwaysConsumeMouseWheel: true, useShadows: false },
    padding: { top: 10, bottom: 10 },
    automaticLayout: false,
    fixedOverflowWidgets: true,
    contextmenu: true,
    hover: { delay: 400 },
    accessibilitySupport: 'auto',
    tabFocusMode: false,
  };
}

/**
 * The characters Monaco measures to know a font (fontMeasurements.js, monaco-editor 0.57),
 * beyond the Latin ones that Noto Sans Thai's Latin subset has: they come from faces further
 * down the stack (the CJK fonts). A face for one of them that arrives after the editors
 * measured changes the measure, and Monaco wraps every line of both documents again.
 */
const measuredSymbols = '\uff4d\uffeb\u2192\u2e31';

/**
 * Waits for the bundled fonts the editors measure with: Noto Sans Thai (Thai and Latin, regular
 * and semibold) and the faces of the stack that have the symbols Monaco measures, so Monaco
 * measures the real glyphs and not a fallback's, and does not measure again when they arrive.
 */
export async function loadTextFonts(fontSize: number): Promise<void> {
  const thai = [`${fontSize}px 'Noto Sans Thai'`, `600 ${fontSize}px 'Noto Sans Thai'`];
  const loads: (readonly [font: string, text: string])[] = [
    ...thai.flatMap((spec) => [[spec, 'กขค'], [spec, 'Abc']] as const),
    [`${fontSize}px ${textFontFamily}`, measuredSymbols],
  ];
  try {
    await Promise.all(loads.map(([font, text]) => document.fonts.load(font, text)));
  } catch {
    // A font that fails to load falls back to sans-serif: uglier, never broken.
  }
}
