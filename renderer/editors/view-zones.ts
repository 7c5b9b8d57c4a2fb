/**
 * The spacers of level.ts as Monaco view zones: blank space between lines
 * that keeps linked paragraphs level. Gaps opposite untranslated paragraphs
 * are drawn hatched with a label, plain fillers stay quiet.
 */
import type { monaco } from './monaco-setup.ts';
import type { GapSegment, Zone } from './level.ts';

type Editor = monaco.editor.IStandaloneCodeEditor;

/** The zones one editor shows, replaced as a whole when the layout changes. */
export class ZoneLayer {
  private ids: string[] = [];
  private current: readonly Zone[] = [];
  private signature = '';

  constructor(private readonly editor: Editor) {}

  /** The zones now in the editor (level.ts subtracts them to measure the bare lines). */
  get zones(): readonly Zone[] {
    return this.current;
  }

  /** Shows `zones`; returns false when they are the ones already shown (nothing changed). */
  apply(zones: readonly Zone[]): boolean {
    const signature = JSON.stringify(zones.map((zone) => [zone.afterLine, zone.segments]));
    if (signature === this.signature) return false;
    this.signature = signature;
    this.current = zones;
    this.editor.changeViewZones((accessor) => {
      for (const id of this.ids) accessor.removeZone(id);
      this.ids = zones.map((zone, ordinal) =>
        accessor.addZone({
          afterLineNumber: zone.afterLine,
          heightInPx: zone.height,
          domNode: zoneNode(zone),
          suppressMouseDown: true,
          ordinal,
        }),
      );
    });
    return true;
  }

  /** Removes every zone (a new document is coming). */
  clear(): void {
    this.apply([]);
  }
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
