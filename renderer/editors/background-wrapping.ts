/**
 * Finishes, in idle time, the wrapping of a long document whose lines past the
 * first screenful were wrapped by estimate when it was opened
 * (deferred-line-breaks.ts): measures them a slice at a time (the lines in
 * view first, handed to Monaco at once), then hands Monaco every line, which
 * it wraps again from the measured breaks.
 *
 * Monaco wraps single lines again when their injected text changes; that is
 * the path taken here (its view model's `onDidChangeContentOrInjectedText`
 * with one `LineChanged` a line, monaco-editor 0.57): the cursor, the
 * decorations, the view zones and the scroll height follow as they do for an
 * edit. The line at the top of the view stays where it is.
 */
import type { DeferredWrapping } from './deferred-line-breaks.ts';
import { monaco } from './monaco-setup.ts';

type Editor = monaco.editor.IStandaloneCodeEditor;

/** Monaco's `ModelRawLineChanged`: line `lineNumber` is to be wrapped again. */
interface LineChanged {
  readonly changeType: 2;
  readonly lineNumber: number;
  readonly lineNumberPostEdit: number;
}

/** The part of Monaco's view model used here. */
interface ViewModel {
  onDidChangeContentOrInjectedText(event: { readonly changes: readonly LineChanged[] }): void;
  readonly coordinatesConverter: { convertModelPositionToViewPosition(position: monaco.Position): monaco.Position };
}

/** How long one slice of measuring may take, in milliseconds (a frame's idle time, about). */
const sliceMilliseconds = 30;
/** Lines measured in the first slice, before the time a line takes is known. */
const firstSlice = 100;
/** Lines this far above or below the view count as in view (a little scrolling shows them). */
const nearView = 20;

function viewModelOf(editor: Editor): ViewModel | undefined {
  const model = (editor as unknown as { _getViewModel?(): unknown })._getViewModel?.();
  return typeof (model as Partial<ViewModel> | undefined)?.onDidChangeContentOrInjectedText === 'function' ? (model as ViewModel) : undefined;
}

/** Whether lines of `editor` can be wrapped again one by one (else a document is wrapped whole when it is set). */
export function canWrapLater(editor: Editor): boolean {
  return viewModelOf(editor) !== undefined;
}

/** Model lines the editor shows at most (no line is shorter than a line height), to measure when a document is set. */
export function linesInView(editor: Editor): number {
  const lineHeight = editor.getOption(monaco.editor.EditorOption.lineHeight);
  return Math.ceil(editor.getLayoutInfo().height / Math.max(1, lineHeight)) + nearView;
}

/**
 * Measures the pending lines of `job` in idle time and hands them to `editor`;
 * `done` when every line is wrapped as measured. Returns a function that stops
 * it (a new text, the editor gone); a change of the wrapping settings stops it
 * too, since Monaco then measures every line itself.
 */
export function wrapInBackground(editor: Editor, job: DeferredWrapping, done: () => void): () => void {
  const viewModel = viewModelOf(editor);
  const pending = [...job.pending];
  const measured = new Set<number>();
  let next = 0;
  let slice = firstSlice;
  let handle = 0;
  let stopped = false;

  const stop = () => {
    if (stopped) return;
    stopped = true;
    cancelIdleCallback(handle);
    settings.dispose();
    job.end();
  };
  const settings = editor.onDidChangeConfiguration((event) => {
    const { EditorOption } = monaco.editor;
    if ([EditorOption.wrappingInfo, EditorOption.fontInfo, EditorOption.wrappingStrategy, EditorOption.wrappingIndent, EditorOption.wordBreak].some((option) => event.hasChanged(option))) {
      stop();
      done();
    }
  });

  /** Wraps `lines` again from what was measured, keeping the line at the top of the view in place. */
  const handOver = (lines: readonly number[]) => {
    if (!viewModel || lines.length === 0) return;
    const scrollTop = editor.getScrollTop();
    const top = editor.getVisibleRanges()[0]?.startLineNumber ?? 1;
    const offset = scrollTop - editor.getTopForLineNumber(top);
    viewModel.onDidChangeContentOrInjectedText({ changes: lastChanging(lines).map((lineNumber) => ({ changeType: 2, lineNumber, lineNumberPostEdit: lineNumber })) });
    if (scrollTop > 0) editor.setScrollTop(editor.getTopForLineNumber(top) + offset, monaco.editor.ScrollType.Immediate);
  };

  /** Visual lines of a model line as the editor has them now. */
  const shownLines = (lineNumber: number): number => {
    const converter = viewModel!.coordinatesConverter;
    const model = editor.getModel()!;
    const first = converter.convertModelPositionToViewPosition(new monaco.Position(lineNumber, 1)).lineNumber;
    return converter.convertModelPositionToViewPosition(new monaco.Position(lineNumber, model.getLineMaxColumn(lineNumber))).lineNumber - first + 1;
  };
  /**
   * `lines` with one whose number of visual lines changes put last: Monaco tells the view zones, the
   * cursor and the decorations that lines moved only when the last line of a batch changed its count.
   */
  const lastChanging = (lines: readonly number[]): number[] => {
    const changing = lines.findLastIndex((lineNumber) => {
      const measuredLines = job.measuredLines(lineNumber);
      return measuredLines !== undefined && measuredLines !== shownLines(lineNumber);
    });
    return changing < 0 ? [...lines] : [...lines.slice(0, changing), ...lines.slice(changing + 1), lines[changing]!];
  };

  /** Pending lines in or near the view, not measured yet. */
  const inView = (): number[] => {
    const ranges = editor.getVisibleRanges();
    if (ranges.length === 0) return [];
    const from = ranges[0]!.startLineNumber - nearView;
    const to = ranges.at(-1)!.endLineNumber + nearView;
    let low = 0;
    let high = pending.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (pending[middle]! < from) low = middle + 1;
      else high = middle;
    }
    const lines: number[] = [];
    for (let index = low; index < pending.length && pending[index]! <= to; index++) if (!measured.has(pending[index]!)) lines.push(pending[index]!);
    return lines;
  };

  const measure = (lines: readonly number[]) => {
    const started = performance.now();
    job.measure(lines, editor.getModel()?.getLineCount() ?? 0);
    for (const line of lines) measured.add(line);
    const perLine = (performance.now() - started) / Math.max(1, lines.length);
    slice = Math.max(20, Math.min(2000, Math.floor(sliceMilliseconds / Math.max(perLine, 0.001))));
  };

  const step = (deadline: IdleDeadline) => {
    handle = 0;
    if (stopped) return;
    do {
      const visible = inView();
      if (visible.length > 0) {
        measure(visible);
        handOver(visible);
        continue;
      }
      while (next < pending.length && measured.has(pending[next]!)) next++;
      if (next >= pending.length) {
        const lineCount = editor.getModel()?.getLineCount() ?? 0;
        handOver(Array.from({ length: lineCount }, (_, index) => index + 1));
        stop();
        done();
        return;
      }
      measure(pending.slice(next, next + slice).filter((line) => !measured.has(line)));
    } while (deadline.timeRemaining() > sliceMilliseconds / 2);
    handle = requestIdleCallback(step, { timeout: 250 });
  };
  handle = requestIdleCallback(step, { timeout: 250 });
  return stop;
}
