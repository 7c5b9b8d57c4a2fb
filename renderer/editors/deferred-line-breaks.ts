/**
 * Line wrapping of a long document in two steps: the lines in view measured
 * now, the rest estimated now and measured later (renderer/editors/background-wrapping.ts
 * measures them in idle time and hands them to Monaco).
 *
 * Monaco's 'advanced' wrapping lays every line of a document out in a hidden
 * element to find where the browser breaks it (see line-breaks.ts): on a
 * 5,000-paragraph pair that is most of the second it takes to open. Only the
 * first screenful has to be right when the pair appears.
 *
 * vite.config.ts puts {@link createLineBreaks} in front of Monaco's own
 * (domLineBreaksComputer.js `createLineBreaks`), which stays the one that
 * measures. Outside {@link deferWrapping} every line is measured as before,
 * except that lines measured ahead by a {@link DeferredWrapping} are taken from
 * it (the same text in the same settings breaks at the same places).
 */

/** What Monaco's line-break computer reads of the model. */
export interface LineBreaksContext {
  getLineContent(lineNumber: number): string;
  getLineInjectedText(lineNumber: number): readonly unknown[] | null;
}

/** Monaco's `FontInfo` as far as it is compared here. */
interface FontInfo {
  equals(other: unknown): boolean;
}

/** The wrapping settings Monaco hands its line-break computer, after the lines (monaco-editor 0.57). */
export type WrappingSettings = readonly [
  fontInfo: FontInfo,
  tabSize: number,
  firstLineBreakColumn: number,
  wrappingIndent: number,
  wordBreak: string,
  useTwoCellFullwidthCharacters: boolean,
];

/** Monaco's `ModelLineProjectionData` (opaque here), or null for a line that fits on one visual line. */
export type Projection = object | null;

/** Monaco's `createLineBreaks`: one projection for each of `lineNumbers`. */
export type MonacoLineBreaks = (
  targetWindow: Window,
  context: LineBreaksContext,
  lineNumbers: readonly number[],
  ...settings: WrappingSettings
) => Projection[];

/** Monaco's `ModelLineProjectionData` constructor, for a line without injected text. */
export type ProjectionOf = new (
  injectionOffsets: null,
  injectionOptions: null,
  breakOffsets: number[],
  breakOffsetsVisibleColumn: number[],
  wrappedTextIndentLength: number,
) => object;

/** A document wrapped in part by estimate: what is left to measure, and the lines measured so far. */
export interface DeferredWrapping {
  /** The lines wrapped by estimate when the text was set, in order. */
  readonly pending: readonly number[];
  /** Measures these lines of the document as it is now (those past its end are skipped). */
  measure(lineNumbers: readonly number[], lineCount: number): void;
  /** How many visual lines the text of this line has as measured; undefined when it was not measured. */
  measuredLines(lineNumber: number): number | undefined;
  /** Forgets the lines measured: the document has been wrapped again for good, or is gone. */
  end(): void;
}

/** Documents with fewer lines are measured whole at once, as Monaco does. */
export const deferredFrom = 400;

interface Job {
  readonly settings: WrappingSettings;
  readonly measured: Map<string, Projection>;
}

/** Jobs whose measured lines may still be asked for. */
const jobs = new Set<Job>();
/** Set inside {@link deferWrapping}: how many lines from the top to measure now. */
let deferring: { readonly measureFirst: number; created?: DeferredWrapping } | undefined;

/**
 * Runs `setText` (which makes Monaco wrap the whole document) with the lines
 * after the first `measureFirst` wrapped by estimate. Returns what is left to
 * measure, or undefined when everything was measured (a short document).
 */
export function deferWrapping(measureFirst: number, setText: () => void): DeferredWrapping | undefined {
  const outer = deferring;
  deferring = { measureFirst };
  try {
    setText();
    return deferring.created;
  } finally {
    deferring = outer;
  }
}

function sameSettings(a: WrappingSettings, b: WrappingSettings): boolean {
  return a[0].equals(b[0]) && a.every((value, index) => index === 0 || value === b[index]);
}

/** Monaco's `createLineBreaks`, with estimates inside {@link deferWrapping} and measured lines taken from the jobs. */
export function createLineBreaks(
  monacoLineBreaks: MonacoLineBreaks,
  projectionOf: ProjectionOf,
  targetWindow: Window,
  context: LineBreaksContext,
  lineNumbers: readonly number[],
  ...settings: WrappingSettings
): Projection[] {
  const firstLineBreakColumn = settings[2];
  const request = deferring;
  if (request && !request.created && firstLineBreakColumn !== -1 && lineNumbers.length >= deferredFrom) {
    const now = lineNumbers.slice(0, request.measureFirst);
    const later = lineNumbers.slice(request.measureFirst);
    const job: Job = { settings, measured: new Map() };
    const measuredNow = monacoLineBreaks(targetWindow, context, now, ...settings);
    remember(job, context, now, measuredNow);
    const perLine = charactersPerVisualLine(context, now, measuredNow);
    const estimated = later.map((lineNumber) => estimateLineBreaks(context.getLineContent(lineNumber), perLine, settings[1], projectionOf));
    jobs.add(job);
    request.created = {
      pending: later,
      measure(wanted, lineCount) {
        if (!jobs.has(job)) return;
        const lines = wanted.filter((lineNumber) => lineNumber <= lineCount);
        remember(job, context, lines, monacoLineBreaks(targetWindow, context, lines, ...settings));
      },
      measuredLines(lineNumber) {
        if (hasInjectedText(context, lineNumber)) return undefined;
        const projection = job.measured.get(context.getLineContent(lineNumber));
        return projection === undefined ? undefined : visualLineCount(projection);
      },
      end() {
        jobs.delete(job);
      },
    };
    return [...measuredNow, ...estimated];
  }
  const job = [...jobs].find((candidate) => sameSettings(candidate.settings, settings));
  if (!job) return monacoLineBreaks(targetWindow, context, lineNumbers, ...settings);
  const result: Projection[] = new Array<Projection>(lineNumbers.length);
  const missing: number[] = [];
  const missingAt: number[] = [];
  lineNumbers.forEach((lineNumber, index) => {
    const known = hasInjectedText(context, lineNumber) ? undefined : job.measured.get(context.getLineContent(lineNumber));
    if (known === undefined) {
      missing.push(lineNumber);
      missingAt.push(index);
    } else result[index] = known;
  });
  if (missing.length > 0) {
    monacoLineBreaks(targetWindow, context, missing, ...settings).forEach((projection, index) => {
      result[missingAt[index]!] = projection;
    });
  }
  return result;
}

/** Whether Monaco shows text of its own inside the line (an empty list or null: none). */
function hasInjectedText(context: LineBreaksContext, lineNumber: number): boolean {
  return (context.getLineInjectedText(lineNumber)?.length ?? 0) > 0;
}

function visualLineCount(projection: Projection): number {
  return (projection as { breakOffsets?: readonly number[] } | null)?.breakOffsets?.length ?? 1;
}

/** Keeps measured lines by their text (lines with injected text depend on more than their text: not kept). */
function remember(job: Job, context: LineBreaksContext, lineNumbers: readonly number[], projections: readonly Projection[]): void {
  lineNumbers.forEach((lineNumber, index) => {
    if (!hasInjectedText(context, lineNumber)) job.measured.set(context.getLineContent(lineNumber), projections[index]!);
  });
}

/** Characters on a full visual line, on average, in the measured lines that wrap; undefined when none wraps. */
function charactersPerVisualLine(context: LineBreaksContext, lineNumbers: readonly number[], projections: readonly Projection[]): number | undefined {
  let characters = 0;
  let lines = 0;
  projections.forEach((projection, index) => {
    const offsets = (projection as { breakOffsets?: readonly number[] } | null)?.breakOffsets;
    if (!offsets || offsets.length < 2 || hasInjectedText(context, lineNumbers[index]!)) return;
    // The last visual line is a remainder: only the full ones tell how much fits.
    characters += offsets[offsets.length - 2]!;
    lines += offsets.length - 1;
  });
  return lines > 0 ? characters / lines : undefined;
}

/** A space or a character after which a line may break (space, hyphen, CJK, Thai …): ends a word. */
const breakAfter = /[\s\-\u2010-\u2014\u3000-\u30ff\u3400-\u9fff\uff00-\uffef]/u;
/** A character that belongs to the one before it (combining mark, low surrogate): never the first of a visual line. */
const clings = /[\p{M}\udc00-\udfff\u200d]/u;

/**
 * Breaks a line every `perLine` characters, moved back to the end of a word
 * when one is near (a third of a line); null when it fits or nothing is known
 * to estimate with. The result only stands in until the line is measured.
 */
export function estimateLineBreaks(text: string, perLine: number | undefined, tabSize: number, projectionOf: ProjectionOf): Projection {
  if (perLine === undefined || text.length <= perLine) return null;
  const step = Math.max(1, Math.floor(perLine));
  const breaks: number[] = [];
  for (let start = 0; text.length - start > step; ) {
    let at = start + step;
    for (let back = at; back > at - step / 3; back--) {
      if (breakAfter.test(text[back - 1]!)) {
        at = back;
        break;
      }
    }
    while (at > start + 1 && clings.test(text[at]!)) at--;
    breaks.push(at);
    start = at;
  }
  breaks.push(text.length);
  return new projectionOf(null, null, breaks, visibleColumns(text, breaks, tabSize), 0);
}

/** The visible columns of ascending `offsets` (a tab goes on to the next stop), as Monaco counts them. */
function visibleColumns(text: string, offsets: readonly number[], tabSize: number): number[] {
  if (!text.includes('\t')) return [...offsets];
  const columns: number[] = [];
  let column = 0;
  let index = 0;
  for (const offset of offsets) {
    for (; index < offset; index++) column = text.charCodeAt(index) === 9 ? column + tabSize - (column % tabSize) : column + 1;
    columns.push(column);
  }
  return columns;
}
