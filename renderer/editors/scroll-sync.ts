/**
 * Scrolling the two editors together. The spacers of level.ts put every link
 * at the same height in both and make both equally tall, so following the
 * links comes down to sharing one scroll position.
 */
import type { monaco } from './monaco-setup.ts';

type Editor = monaco.editor.IStandaloneCodeEditor;

/** Keeps `a` and `b` at the same scroll position; calls `onScroll` with it. Returns a function that stops it. */
export function syncScrolling(a: Editor, b: Editor, onScroll: (scrollTop: number) => void): () => void {
  let echoing = false;
  const follow = (from: Editor, to: Editor) =>
    from.onDidScrollChange((event) => {
      if (!event.scrollTopChanged) return;
      onScroll(event.scrollTop);
      if (echoing) return;
      echoing = true;
      try {
        if (to.getScrollTop() !== event.scrollTop) to.setScrollTop(event.scrollTop, 1 /* ScrollType.Immediate */);
      } finally {
        echoing = false;
      }
    });
  const subscriptions = [follow(a, b), follow(b, a)];
  return () => subscriptions.forEach((subscription) => subscription.dispose());
}
