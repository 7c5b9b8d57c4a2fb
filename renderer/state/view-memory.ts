/**
 * Where the reviewer was in an alignment — the side with the caret, the
 * selections and the scroll position — kept in the page's local storage by
 * alignment, so a reload or a later reopening of the same alignment comes
 * back to the same link instead of the top with nothing selected.
 */

/** A selection in editor terms (1-based lines and columns). */
export interface RememberedSelection {
  readonly startLineNumber: number;
  readonly startColumn: number;
  readonly endLineNumber: number;
  readonly endColumn: number;
}

/** What is remembered of one alignment's view. */
export interface RememberedView {
  readonly side: 'source' | 'target';
  readonly selections: readonly RememberedSelection[];
  readonly scrollTop: number;
}

const prefix = 'bitext-view:';
/** At most this many alignments are remembered; the oldest are forgotten first. */
const limit = 50;

function storage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined; // Storage refused (a sandboxed page): nothing is remembered.
  }
}

/** Remembers `view` for the alignment `key`. */
export function rememberView(key: string, view: RememberedView): void {
  const store = storage();
  if (!store) return;
  try {
    store.setItem(prefix + key, JSON.stringify({ ...view, at: Date.now() }));
    const keys = Object.keys(store).filter((name) => name.startsWith(prefix));
    if (keys.length > limit) {
      const byAge = keys.map((name) => [name, Number(JSON.parse(store.getItem(name) ?? '{}').at ?? 0)] as const).sort((a, b) => a[1] - b[1]);
      for (const [name] of byAge.slice(0, keys.length - limit)) store.removeItem(name);
    }
  } catch {
    // A full storage: the view is simply not remembered.
  }
}

/** The view remembered for `key`, if any (and well-formed). */
export function recallView(key: string): RememberedView | undefined {
  const raw = storage()?.getItem(prefix + key);
  if (!raw) return undefined;
  try {
    const value = JSON.parse(raw) as Partial<RememberedView>;
    const whole = (n: unknown) => typeof n === 'number' && Number.isInteger(n) && n >= 1;
    if (value.side !== 'source' && value.side !== 'target') return undefined;
    if (typeof value.scrollTop !== 'number' || !Array.isArray(value.selections)) return undefined;
    const selections = value.selections.filter((s) => whole(s.startLineNumber) && whole(s.startColumn) && whole(s.endLineNumber) && whole(s.endColumn));
    return { side: value.side, selections, scrollTop: Math.max(0, value.scrollTop) };
  } catch {
    return undefined;
  }
}
