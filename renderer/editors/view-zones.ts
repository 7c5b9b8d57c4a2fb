/**
 * The spacers of level.ts as Monaco view zones: blank space between lines
 * that keeps linked paragraphs level. Gaps opposite untranslated paragraphs
 * are drawn hatched with a label, plain fillers stay quiet.
 */
import type { monaco } from './monaco-setup.ts';
import type { GapSegment, Zone } from './level.ts';

type Editor = monaco.editor.IStandaloneCodeEditor;

/**
 * The zones one editor shows. A new layout replaces only the zones that
 * differ from the ones shown (an edit of one link moves a few spacers, not
 * the thousands of a long pair): each zone is kept under a key of its line,
 * height and segments.
 */
export class ZoneLayer {
  private shown = new Map<string, string>();
  private current: readonly Zone[] = [];

  constructor(private readonly editor: Editor) {}

  /** The zones now in the editor (level.ts subtracts them to measure the bare lines). */
  get zones(): readonly Zone[] {
    return this.current;
  }

  /** Shows `zones`; returns false when they are the ones already shown (nothing changed). */
  apply(zones: readonly Zone[]): boolean {
    const wanted = new Map(zones.map((zone) => [zoneKey(zone), zone] as const));
    const removed = [...this.shown].filter(([key]) => !wanted.has(key));
    const added = [...wanted].filter(([key]) => !this.shown.has(key));
    this.current = zones;
    if (removed.length === 0 && added.length === 0) return false;
    this.editor.changeViewZones((accessor) => {
      for (const [key, id] of removed) {
        accessor.removeZone(id);
        this.shown.delete(key);
      }
      for (const [key, zone] of added) {
        this.shown.set(
          key,
          accessor.addZone({ afterLineNumber: zone.afterLine, heightInPx: zone.height, domNode: zoneNode(zone), suppressMouseDown: true }),
        );
      }
    });
    return true;
  }

  /** Removes every zone (a new document is coming). */
  clear(): void {
    this.apply([]);
  }
}

function zoneKey(zone: Zone): string {
  return `${zone.afterLine}|${zone.height}|${zone.segments.map((segment) => `${segment.kind}:${segment.height}:${segment.paragraphs}`).join(',')}`;
}

function zoneNode(zone: Zone): HTMLElement {
  const node = document.createElement('div');
  node.className = 'bitext-gap';
  for (const segment of zone.segments) node.append(segmentNode(segment));
  return node;
}

function segmentNode(segment: GapSegment): HTMLElement {
  const node = document.createElement('div');
  node.className = `bitext-gap-segment bitext-gap-${segment.kind}`;
  node.style.height = `${segment.height}px`;
  if (segment.kind !== 'filler' && segment.height >= 18) {
    const label = document.createElement('span');
    label.className = 'bitext-gap-label';
    const count = segment.paragraphs > 1 ? ` · ${segment.paragraphs} paragraphs` : '';
    label.textContent = segment.kind === 'untranslated' ? `Not translated${count}` : `Not in the original${count}`;
    node.append(label);
  }
  return node;
}
