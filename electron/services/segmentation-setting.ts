/**
 * The SRX rules setting: the SRX 2.0 file the app cuts sentences with, kept
 * as a copy of its text in `segmentation.json` beside the settings file, so
 * that the choice persists and the host never reads the chosen file again
 * (the browser host may only read what the user uploaded or chose, and an
 * upload is gone after the request). A file is checked before it is kept:
 * one that is not SRX 2.0 is refused with its name and line (shared/text/srx.ts).
 */
import { readFile, rm } from 'node:fs/promises';
import { mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { SegmentationRulesSetting } from '../../shared/api.ts';
import { BitextError } from '../../shared/errors.ts';
import { parseSrx, type SrxRules } from '../../shared/text/srx.ts';
import { writeFileAtomic } from './atomic-write.ts';

/** The largest SRX file kept: LanguageTool's whole rule set is about 1 MiB. */
export const maxSrxBytes = 4 * 1024 * 1024;

/** Reads and keeps the SRX rules setting. */
export interface SegmentationSettingStore {
  /** The kept rules, or null (the built-in segmenter; also when the kept copy no longer parses). */
  read(): Promise<SegmentationRulesSetting | null>;
  /** The kept rules parsed, for exports by sentence; undefined for the built-in segmenter. */
  rules(): Promise<SrxRules | undefined>;
  /** Checks `bytes` (the file `name`) as SRX 2.0 and keeps them. */
  choose(name: string, bytes: Uint8Array): Promise<SegmentationRulesSetting>;
  /** Goes back to the built-in segmenter. */
  clear(): Promise<null>;
}

/** A store in the folder of the settings file `settingsPath`. */
export function createSegmentationSettingStore(settingsPath: string): SegmentationSettingStore {
  const path = join(dirname(settingsPath), 'segmentation.json');
  let parsed: { readonly srx: string; readonly rules: SrxRules } | undefined;

  async function read(): Promise<SegmentationRulesSetting | null> {
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch {
      return null;
    }
    try {
      const value = JSON.parse(text) as Partial<SegmentationRulesSetting>;
      if (typeof value.name !== 'string' || typeof value.srx !== 'string') return null;
      parseSrx(value.srx, value.name);
      return { name: value.name, srx: value.srx };
    } catch {
      return null;
    }
  }

  return {
    read,
    async rules() {
      const setting = await read();
      if (!setting) return undefined;
      if (parsed?.srx !== setting.srx) parsed = { srx: setting.srx, rules: parseSrx(setting.srx, setting.name) };
      return parsed.rules;
    },
    async choose(name, bytes) {
      if (bytes.length > maxSrxBytes) throw new BitextError('too-large', `the file is larger than ${maxSrxBytes / 1024 / 1024} MiB; an SRX file is far smaller`, { file: name });
      let srx: string;
      try {
        srx = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
      } catch (error) {
        throw new BitextError('invalid-argument', 'not an SRX file: the bytes are not UTF-8 text', { file: name }, { cause: error });
      }
      parseSrx(srx, name);
      await mkdir(dirname(path), { recursive: true });
      await writeFileAtomic(path, `${JSON.stringify({ name, srx })}\n`);
      return { name, srx };
    },
    async clear() {
      await rm(path, { force: true });
      return null;
    },
  };
}
