/**
 * What the page asks its host for at start-up, sent before the workbench's
 * code (Monaco is most of it) has loaded: the host reads the documents and
 * the alignment file while the browser downloads and compiles the editor,
 * instead of after, and a pair read at start-up is aligned in the worker
 * meanwhile. main.ts takes the answers as they come.
 */
import type { HostInfo, Session, Settings } from '../shared/api.ts';
import type { Alignment } from '../shared/model/alignment.ts';
import type { Host } from './api-client.ts';
import { alignInWorker, startUnwatched, type StartedJob } from './workers/align-client.ts';

/** The first session to show, asked for at start-up. */
export type FirstSession =
  /** Browser host: the alignment named in the address (`?open=`), as a reload reopens it. */
  | { readonly kind: 'reopen'; readonly path: string; readonly session: Promise<Session> }
  /**
   * The pair or sample the host was started with, read but not aligned; `aligning` is its
   * alignment in the worker, started as soon as the documents arrive (none when autosaved
   * work may be restored instead, which the user decides).
   */
  | { readonly kind: 'initial'; readonly session: Promise<Session>; readonly aligning: Promise<StartedJob<{ alignment: Alignment; milliseconds: number }> | undefined> };

/** The start-up requests, in flight. */
export interface StartupRequests {
  readonly info: Promise<HostInfo>;
  /** Undefined when the settings cannot be read (the defaults apply). */
  readonly settings: Promise<Settings | undefined>;
  readonly first: FirstSession;
}

/**
 * A promise whose failure is handled later, by whoever awaits it: marked as
 * handled now, so the browser does not report it as unhandled meanwhile.
 */
function awaitedLater<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => undefined);
  return promise;
}

/** Sends the start-up requests. `address` is the page's URL (its `open` parameter counts in the browser host only). */
export function requestStartup(host: Host, address: string): StartupRequests {
  const reopen = host.shell.kind === 'browser' ? new URL(address).searchParams.get('open') : null;
  return {
    info: awaitedLater(host.api.hostInfo()),
    settings: host.api.getSettings().catch(() => undefined),
    first: reopen
      ? { kind: 'reopen', path: reopen, session: awaitedLater(host.api.openAlignment({ file: { kind: 'path', path: reopen } })) }
      : initialPair(host),
  };
}

function initialPair(host: Host): FirstSession {
  const session = awaitedLater(host.api.openInitial({ align: false }));
  const aligning = session.then(
    ({ needsAligning, recovery, alignment }) =>
      needsAligning && !recovery
        ? startUnwatched((onProgress) => alignInWorker({ kind: 'documents', source: alignment.source, target: alignment.target, now: new Date().toISOString() }, onProgress))
        : undefined,
    () => undefined,
  );
  return { kind: 'initial', session, aligning };
}
