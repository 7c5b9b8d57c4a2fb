/**
 * Which alignments are open in the workbench's other tabs and windows (same
 * origin: the browser host's tabs, the desktop app's windows), through a
 * BroadcastChannel. A page opening a pair asks first; a page that holds it
 * answers. So a second tab on a pair is told the pair is open elsewhere,
 * instead of being offered the first tab's autosave as if it had crashed.
 */

/** What the pages say to each other. */
type Message = { readonly type: 'who-holds'; readonly key: string; readonly asker: string } | { readonly type: 'held'; readonly key: string; readonly asker: string };

/** How long a page waits for an answer: pages on one machine answer within a few milliseconds. */
const answerWithin = 250;

/** The key of an open alignment: its file, else its two documents. */
export function presenceKey(alignmentPath: string | undefined, sourcePath: string, targetPath: string): string {
  return alignmentPath !== undefined ? `file:${alignmentPath}` : `pair:${sourcePath}\n${targetPath}`;
}

export class Presence {
  private readonly channel: BroadcastChannel | undefined;
  private held: string | undefined;
  private readonly id = `${Date.now()}-${Math.random().toString(36).slice(2)}`;
  private readonly waiting = new Map<string, () => void>();

  constructor(name = 'bitext-workbench-presence') {
    this.channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel(name) : undefined;
    this.channel?.addEventListener('message', (event: MessageEvent<Message>) => {
      const message = event.data;
      if (message.type === 'who-holds' && message.key === this.held) this.channel!.postMessage({ type: 'held', key: message.key, asker: message.asker } satisfies Message);
      if (message.type === 'held' && message.asker === this.id) this.waiting.get(message.key)?.();
    });
  }

  /** This page now holds `key` (undefined: nothing). */
  hold(key: string | undefined): void {
    this.held = key;
  }

  /** True when another page holds `key`. */
  heldElsewhere(key: string): Promise<boolean> {
    const channel = this.channel;
    if (!channel) return Promise.resolve(false);
    return new Promise((done) => {
      const timer = setTimeout(() => {
        this.waiting.delete(key);
        done(false);
      }, answerWithin);
      this.waiting.set(key, () => {
        clearTimeout(timer);
        this.waiting.delete(key);
        done(true);
      });
      channel.postMessage({ type: 'who-holds', key, asker: this.id } satisfies Message);
    });
  }
}
