/**
 * Align all, from the corpus view: where to write (the desktop's folder
 * dialog, or a folder of the browser host's workspace), then the batch on the
 * host, asked how it stands a few times a second until it ends.
 */
import type { BatchStatus, WorkbenchApi } from '../../shared/api.ts';
import { fileName } from '../ui/dom.ts';
import { outFolderDialog } from './out-folder-dialog.ts';

/** How often the renderer asks how a batch stands, in milliseconds. */
const pollInterval = 250;

/** What the flow needs from the page. */
export interface AlignAllContext {
  readonly api: Pick<WorkbenchApi, 'alignFolder' | 'batchStatus'>;
  /** The desktop's folder dialog: a path, null when cancelled, undefined where there is none (the browser host). */
  readonly chooseFolder: () => Promise<string | null | undefined>;
  /** The browser host's workspace. */
  readonly workspace: string | undefined;
  /** Shows each status as it comes. */
  readonly show: (status: BatchStatus) => void;
}

/** Align all for one page: one batch at a time. */
export interface AlignAllController {
  /** Asks where to write and runs the batch of `folder`'s proposals; the last status, or null when the user cancelled the choice. */
  start(folder: string, pairs: number): Promise<BatchStatus | null>;
  /** Stops the running batch. */
  cancel(): Promise<void>;
}

/** The Align all of a page. */
export function createAlignAll(context: AlignAllContext): AlignAllController {
  let running: string | undefined;
  return {
    async start(folder, pairs) {
      if (running !== undefined) return null;
      const native = await context.chooseFolder();
      if (native === null) return null;
      const outFolder = native ?? (await outFolderDialog(context.workspace ?? '', `${fileName(folder)}-aligned`, pairs));
      if (outFolder === null) return null;
      let status = await context.api.alignFolder({ folder, outFolder });
      running = status.id;
      try {
        context.show(status);
        while (status.state === 'running') {
          await new Promise((done) => setTimeout(done, pollInterval));
          status = await context.api.batchStatus({ id: status.id });
          context.show(status);
        }
      } finally {
        running = undefined;
      }
      return status;
    },
    async cancel() {
      if (running !== undefined) context.show(await context.api.batchStatus({ id: running, cancel: true }));
    },
  };
}
