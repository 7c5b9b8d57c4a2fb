/**
 * Asks the flags worker (flags-worker.ts) for the mismatch flags of an
 * alignment. One long-lived worker; only the newest request matters, so a
 * request made while another runs waits, and is replaced by any newer one.
 */
import type { Alignment } from '../../shared/model/alignment.ts';
import { effectiveLanguage, paragraphText } from '../../shared/model/document.ts';
import type { LinkTexts } from '../../shared/review/mismatch.ts';
import FlagsWorker from './flags-worker.ts?worker';

/** What the worker is sent: the paragraph texts of each link and the two languages. */
export interface FlagsRequest {
  readonly id: number;
  readonly links: readonly LinkTexts[];
  readonly sourceLanguage: string;
  readonly targetLanguage: string;
}

/** A flag of one link: its kind and what differs, in words. */
export interface LinkFlagText {
  readonly kind: string;
  readonly message: string;
}

/** What the worker answers. */
export type FlagsAnswer =
  | { readonly id: number; readonly flags: readonly { readonly link: number; readonly flags: readonly LinkFlagText[] }[] }
  | { readonly id: number; readonly error: string };

/** The request for `alignment`: each link's paragraph texts, and the documents' languages. */
export function flagsRequest(alignment: Alignment, id: number): FlagsRequest {
  return {
    id,
    links: alignment.links.map((link) => ({
      source: link.source.map((index) => paragraphText(alignment.source, index)),
      target: link.target.map((index) => paragraphText(alignment.target, index)),
    })),
    sourceLanguage: effectiveLanguage(alignment.source.language).iso6393,
    targetLanguage: effectiveLanguage(alignment.target.language).iso6393,
  };
}

/** The flags of the newest alignment asked about, by link index. */
export class FlagsComputer {
  private worker: Worker | undefined;
  private nextId = 1;
  private running: { id: number; alignment: Alignment } | undefined;
  private waiting: Alignment | undefined;

  constructor(private readonly onFlags: (alignment: Alignment, flags: ReadonlyMap<number, readonly LinkFlagText[]>) => void) {}

  /** Asks for the flags of `alignment` (answered through `onFlags`, unless a newer alignment is asked about first). */
  compute(alignment: Alignment): void {
    if (this.running) {
      this.waiting = alignment;
      return;
    }
    const worker = (this.worker ??= this.start());
    const id = this.nextId++;
    this.running = { id, alignment };
    worker.postMessage(flagsRequest(alignment, id));
  }

  private start(): Worker {
    const worker = new FlagsWorker();
    worker.onmessage = (event: MessageEvent<FlagsAnswer>) => {
      const running = this.running;
      if (!running || event.data.id !== running.id) return;
      this.running = undefined;
      const waiting = this.waiting;
      this.waiting = undefined;
      if (waiting) return this.compute(waiting); // Stale already: a newer alignment is waiting.
      if ('error' in event.data) return;
      this.onFlags(running.alignment, new Map(event.data.flags.map((entry) => [entry.link, entry.flags])));
    };
    worker.onerror = () => {
      // A broken worker gives no flags rather than a broken page; the next request starts a fresh one.
      this.worker?.terminate();
      this.worker = undefined;
      this.running = undefined;
    };
    return worker;
  }
}
