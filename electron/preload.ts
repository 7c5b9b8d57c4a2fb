/**
 * The preload: exposes `window.bitext` (the typed `DesktopBridge` of shared/api.ts)
 * through contextBridge, and nothing else. It runs sandboxed, so it only forwards:
 * every call becomes `ipcRenderer.invoke` on a `bitext:` channel, where the main
 * process checks the sender and the argument.
 */
import { contextBridge, ipcRenderer, webUtils } from 'electron';
import {
  apiMethods,
  channelName,
  commandChannel,
  shellChannelName,
  type DesktopBridge,
  type DesktopShell,
  type ShellCommand,
  type WireApi,
} from '../shared/api.ts';

const api = Object.fromEntries(
  apiMethods.map((method) => [method, (request: unknown) => ipcRenderer.invoke(channelName(method), request)]),
) as unknown as WireApi;

const shell: DesktopShell = {
  showOpenDialog: (request) => ipcRenderer.invoke(shellChannelName('showOpenDialog'), request),
  showSaveDialog: (request) => ipcRenderer.invoke(shellChannelName('showSaveDialog'), request),
  setWindowState: (request) => ipcRenderer.invoke(shellChannelName('setWindowState'), request),
  closeWindow: () => ipcRenderer.invoke(shellChannelName('closeWindow')),
  pathForFile(file) {
    const path = webUtils.getPathForFile(file as File);
    // The main process lets the renderer open only files the user chose: a drop is a choice, so say so.
    // Sent before the page can ask to open it (IPC keeps the order); a File made by the page has no path.
    if (path) void ipcRenderer.invoke(shellChannelName('droppedFile'), { path });
    return path;
  },
  onCommand(listener) {
    // The event object is not passed on: it would hand the page `sender`, i.e. ipcRenderer itself.
    const forward = (_event: unknown, command: ShellCommand) => listener(command);
    ipcRenderer.on(commandChannel, forward);
    return () => {
      ipcRenderer.removeListener(commandChannel, forward);
    };
  },
};

const bridge: DesktopBridge = { api, shell };
contextBridge.exposeInMainWorld('bitext', bridge);
