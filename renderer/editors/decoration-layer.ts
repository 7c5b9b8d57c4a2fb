/**
 * The alignment's decorations in one editor, replaced group by group: a new
 * set of groups (decorations.ts) is compared with the one shown by key and
 * signature, and only the groups that changed go to Monaco. A merge in a
 * 5,000-paragraph pair changes a handful of groups; replacing all 10,000-odd
 * decorations made each such key cost tens of milliseconds.
 */
import type { DecorationGroup } from './decorations.ts';
import type { monaco } from './monaco-setup.ts';

type Editor = monaco.editor.IStandaloneCodeEditor;

export class DecorationLayer {
  private shown = new Map<string, { readonly signature: string; readonly ids: readonly string[] }>();

  constructor(private readonly editor: Editor) {}

  /** Shows `groups`, changing only what differs from what is shown. */
  set(groups: readonly DecorationGroup[]): void {
    const wanted = new Map<string, { readonly group: DecorationGroup; readonly signature: string }>();
    for (const group of groups) wanted.set(group.key, { group, signature: group.signature });
    const removedIds: string[] = [];
    const added: { readonly key: string; readonly signature: string; readonly group: DecorationGroup }[] = [];
    for (const [key, shown] of this.shown) {
      const next = wanted.get(key);
      if (!next || next.signature !== shown.signature) {
        removedIds.push(...shown.ids);
        this.shown.delete(key);
      }
    }
    for (const [key, next] of wanted) if (!this.shown.has(key)) added.push({ key, ...next });
    if (removedIds.length === 0 && added.length === 0) return;
    const built = added.map(({ group }) => group.build());
    const ids = this.editor.deltaDecorations(removedIds, built.flat() as monaco.editor.IModelDeltaDecoration[]);
    let at = 0;
    added.forEach(({ key, signature }, position) => {
      const count = built[position]!.length;
      this.shown.set(key, { signature, ids: ids.slice(at, at + count) });
      at += count;
    });
  }

  /** Removes every decoration (a new document is coming). */
  clear(): void {
    this.set([]);
  }
}
