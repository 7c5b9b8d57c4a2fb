/**
 * Typed IPC for the main process: one `handle()` per channel, each checking
 * that the call comes from our own window and page before validating the
 * argument and running the handler. Raw `ipcMain.handle` is used nowhere else.
 */
import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import {
  apiMethods,
  channelName,
  shellChannelName,
  shellValidators,
  toApiError,
  type ApiResult,
  type ShellMethod,
  type WorkbenchApi,
} from '../shared/api.ts';
import { callApi } from './services/workbench-service.ts';

/** Decides whether an IPC call comes from a page of ours (the main window, loaded from `app://bitext/`). */
export type SenderCheck = (event: IpcMainInvokeEvent) => boolean;

/** The origin the renderer is served from (electron/main.ts registers the `app` scheme). */
export const appOrigin = 'app://bitext';

/**
 * A sender check for `isOurWindow`: the frame must be the top frame of that
 * window's page and its URL must be on {@link appOrigin}. A page that somehow
 * navigated elsewhere, or an iframe, gets nothing.
 */
export function senderCheck(isOurWebContents: (id: number) => boolean): SenderCheck {
  return (event) => {
    const frame = event.senderFrame;
    if (!frame || frame.parent !== null) return false;
    if (!isOurWebContents(event.sender.id)) return false;
    // Not `new URL(…).origin`: Node's URL does not know `app:` is a standard scheme and answers "null".
    return frame.url.startsWith(`${appOrigin}/`);
  };
}

/** The argument a shell call takes, as its validator returns it. */
export type ShellRequest<M extends ShellMethod> = ReturnType<(typeof shellValidators)[M]>;

/**
 * Registers `handler` for the shell call `method` (channel `bitext:shell.<method>`).
 * The renderer gets an {@link ApiResult}: `forbidden` for a foreign sender,
 * `invalid-argument` when the argument is wrong, the handler's error code when it throws.
 */
export function handle<M extends ShellMethod, R>(
  method: M,
  handler: (argument: ShellRequest<M>, event: IpcMainInvokeEvent) => Promise<R> | R,
  isTrusted: SenderCheck,
): void {
  const validate = shellValidators[method] as (value: unknown) => ShellRequest<M>;
  ipcMain.handle(shellChannelName(method), async (event, ...args: unknown[]): Promise<ApiResult<R | null>> => {
    if (!isTrusted(event)) return { ok: false, code: 'forbidden', message: 'IPC from an unexpected sender was refused.' };
    if (args.length > 1) return { ok: false, code: 'invalid-argument', message: `Expected at most one argument, got ${args.length}` };
    try {
      const value = await handler(validate(args[0]), event);
      return { ok: true, value: value ?? null };
    } catch (error) {
      return toApiError(error);
    }
  });
}

/** Registers every method of the workbench API (validated by `shared/api.ts`, run by the service). */
export function registerApi(api: WorkbenchApi, isTrusted: SenderCheck): void {
  for (const method of apiMethods) {
    ipcMain.handle(channelName(method), async (event, ...args: unknown[]) => {
      if (!isTrusted(event)) return { ok: false, code: 'forbidden', message: 'IPC from an unexpected sender was refused.' };
      if (args.length > 1) return { ok: false, code: 'invalid-argument', message: `Expected at most one argument, got ${args.length}` };
      return callApi(api, method, args[0]);
    });
  }
}
