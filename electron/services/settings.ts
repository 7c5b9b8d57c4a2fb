/**
 * The settings the workbench keeps between runs: view options and the Open
 * recent list, in one small JSON file (Electron: the app's userData folder;
 * browser host: `$XDG_CONFIG_HOME/bitext-workbench`).
 *
 * A file that cannot be read as settings is never overwritten: it is moved
 * aside to `<file>.bad` on the first write, and the defaults are used.
 */
import { readFile, rename } from 'node:fs/promises';
import { mkdir } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { defaultSettings, keyBindingOverrides, type KeyBindingOverrides, type RecentEntry, type Settings, type ThemeChoice, type ViewSettings } from '../../shared/api.ts';
import { writeFileAtomic } from './atomic-write.ts';

/** How many entries Open recent keeps. */
export const maxRecentEntries = 12;

/** What the settings file holds. */
interface StoredSettings {
  readonly version: 1;
  readonly view: ViewSettings;
  readonly recent: readonly RecentEntry[];
  /** Key remappings (absent in files written before they existed). */
  readonly keybindings?: KeyBindingOverrides;
}

/** Reads and writes the settings file. Writes are serialised, so concurrent changes never lose each other. */
export interface SettingsStore {
  /** The file the settings live in. */
  readonly path: string;
  /** The current settings. */
  read(): Promise<Settings>;
  /** Merges `patch` into the view settings and saves; returns all settings. */
  updateView(patch: Partial<ViewSettings>): Promise<Settings>;
  /** Replaces the key remappings and saves; returns all settings. */
  updateKeybindings(keybindings: KeyBindingOverrides): Promise<Settings>;
  /** The Open recent list, newest first. */
  recent(): Promise<readonly RecentEntry[]>;
  /** Puts `entry` first in Open recent (removing an earlier copy of it) and saves. */
  addRecent(entry: RecentEntry): Promise<void>;
}

/** The settings file of the browser host: `$XDG_CONFIG_HOME/bitext-workbench/settings.json` (default `~/.config`). */
export function defaultSettingsPath(env: NodeJS.ProcessEnv = process.env): string {
  const config = env.XDG_CONFIG_HOME && env.XDG_CONFIG_HOME.length > 0 ? env.XDG_CONFIG_HOME : join(homedir(), '.config');
  return join(config, 'bitext-workbench', 'settings.json');
}

/** A store backed by the JSON file at `path` (created on the first write). */
export function createSettingsStore(path: string): SettingsStore {
  let loaded: { settings: StoredSettings; bad: boolean } | undefined;
  let queue: Promise<unknown> = Promise.resolve();

  async function load(): Promise<{ settings: StoredSettings; bad: boolean }> {
    if (loaded) return loaded;
    let text: string | undefined;
    try {
      text = await readFile(path, 'utf8');
    } catch {
      // No file yet (first run) or unreadable: start from the defaults.
    }
    if (text === undefined) {
      loaded = { settings: { version: 1, view: defaultSettings.view, recent: [] }, bad: false };
    } else {
      const parsed = parseSettings(text);
      loaded = parsed ? { settings: parsed, bad: false } : { settings: { version: 1, view: defaultSettings.view, recent: [] }, bad: true };
    }
    return loaded;
  }

  function change(update: (settings: StoredSettings) => StoredSettings): Promise<StoredSettings> {
    const next = queue.then(async () => {
      const current = await load();
      const settings = update(current.settings);
      await mkdir(dirname(path), { recursive: true });
      if (current.bad) {
        await rename(path, `${path}.bad`).catch(() => undefined);
        current.bad = false;
      }
      await writeFileAtomic(path, `${JSON.stringify(settings, null, 2)}\n`);
      current.settings = settings;
      return settings;
    });
    queue = next.catch(() => undefined);
    return next;
  }

  return {
    path,
    async read() {
      return settingsOf((await load()).settings);
    },
    async updateView(patch) {
      const settings = await change((current) => ({ ...current, view: { ...current.view, ...patch } }));
      return settingsOf(settings);
    },
    async updateKeybindings(keybindings) {
      return settingsOf(await change((current) => ({ ...current, keybindings })));
    },
    async recent() {
      return (await load()).settings.recent;
    },
    async addRecent(entry) {
      await change((current) => ({
        ...current,
        recent: [entry, ...current.recent.filter((other) => !sameEntry(other, entry))].slice(0, maxRecentEntries),
      }));
    },
  };
}

function settingsOf(stored: StoredSettings): Settings {
  return { view: stored.view, ...(stored.keybindings && Object.keys(stored.keybindings).length > 0 ? { keybindings: stored.keybindings } : {}) };
}

function sameEntry(a: RecentEntry, b: RecentEntry): boolean {
  if (a.kind === 'alignment' && b.kind === 'alignment') return a.path === b.path;
  if (a.kind === 'pair' && b.kind === 'pair') return a.source === b.source && a.target === b.target;
  return false;
}

const themes: readonly ThemeChoice[] = ['system', 'light', 'dark'];

/** Reads a settings file, keeping each value that is valid and defaulting the rest; undefined when it is not settings at all. */
export function parseSettings(text: string): StoredSettings | undefined {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return undefined;
  const record = raw as Record<string, unknown>;
  const view = (typeof record.view === 'object' && record.view !== null ? record.view : {}) as Record<string, unknown>;
  const defaults = defaultSettings.view;
  const fontSize = view.fontSize;
  return {
    version: 1,
    view: {
      theme: themes.includes(view.theme as ThemeChoice) ? (view.theme as ThemeChoice) : defaults.theme,
      fontSize: typeof fontSize === 'number' && Number.isInteger(fontSize) && fontSize >= 11 && fontSize <= 24 ? fontSize : defaults.fontSize,
      showConnectors: typeof view.showConnectors === 'boolean' ? view.showConnectors : defaults.showConnectors,
      muteUntranslated: typeof view.muteUntranslated === 'boolean' ? view.muteUntranslated : defaults.muteUntranslated,
      ...panelHeight('reviewPanelHeight', view.reviewPanelHeight),
      ...panelHeight('dotPlotHeight', view.dotPlotHeight),
    },
    recent: Array.isArray(record.recent) ? record.recent.filter(isRecentEntry).slice(0, maxRecentEntries) : [],
    ...(record.keybindings === undefined ? {} : { keybindings: parseKeybindings(record.keybindings) }),
  };
}

/** Key remappings as the API would take them; anything else in the file counts as none (the defaults apply). */
function parseKeybindings(value: unknown): KeyBindingOverrides {
  try {
    return keyBindingOverrides(value, '/keybindings');
  } catch {
    return {};
  }
}

function isRecentEntry(value: unknown): value is RecentEntry {
  if (typeof value !== 'object' || value === null) return false;
  const entry = value as Record<string, unknown>;
  if (typeof entry.opened !== 'string') return false;
  if (entry.kind === 'alignment') return typeof entry.path === 'string';
  if (entry.kind === 'pair') return typeof entry.source === 'string' && typeof entry.target === 'string';
  return false;
}

/** A panel height kept in the settings, when it is a whole number of pixels in range (else left out: the default applies). */
function panelHeight(key: 'reviewPanelHeight' | 'dotPlotHeight', value: unknown): Partial<Record<typeof key, number>> {
  return typeof value === 'number' && Number.isInteger(value) && value >= 80 && value <= 4000 ? { [key]: value } : {};
}
