/**
 * The SRX rules setting on the page: which SRX 2.0 file sentences are cut by
 * (the sentence panel, the Export… dialog's count of sentence pairs; the host
 * cuts exported sentences by the same rules). The host checks and keeps the
 * file (WorkbenchApi `setSegmentationRules`); the page parses the kept text
 * with the same reader. The SRX reader is loaded only when a file is chosen,
 * so the page's start-up does not pay for it.
 */
import './segmentation.css';
import type { WorkbenchApi } from '../../shared/api.ts';
import type { SegmentationRules } from '../../shared/text/sentences.ts';
import type { SegmentationRecord } from '../../shared/model/alignment.ts';
import { srxRecord } from '../../shared/model/segmentation-record.ts';
import type { Shell } from '../api-client.ts';

/** The chosen rules: the file's name, the parsed rules, and their record (name and SHA-256) for the alignment file. */
export interface ChosenRules {
  readonly name: string;
  readonly rules: SegmentationRules;
  readonly record: SegmentationRecord;
}

/** The setting as the page sees it. */
export interface SegmentationControl {
  /** The chosen rules, or undefined for the built-in segmenter. */
  current(): ChosenRules | undefined;
  /** Asks for an SRX file and keeps it; resolves with the rules, or undefined when cancelled. Rejects with the host's message (file and line) for a bad file. */
  choose(): Promise<ChosenRules | undefined>;
  /** Goes back to the built-in segmenter. */
  clear(): Promise<void>;
  /** Settles once the kept choice is loaded (or found missing), so a check of a file's rules compares with the right ones. */
  readonly ready: Promise<void>;
}

/**
 * The control. The kept choice is loaded in the background (start-up does not
 * wait for it); `onChange` hears it when it comes, and every change after.
 */
export function createSegmentationControl(api: WorkbenchApi, shell: Shell, onChange: (rules: ChosenRules | undefined) => void): SegmentationControl {
  let chosen: ChosenRules | undefined;
  const parse = async (setting: { name: string; srx: string } | null): Promise<ChosenRules | undefined> => {
    if (!setting) return undefined;
    const { parseSrx } = await import('../../shared/text/srx.ts');
    const record = await srxRecord(setting.name, setting.srx);
    return { name: setting.name.split(/[/\\]/).pop() ?? setting.name, rules: parseSrx(setting.srx, setting.name), record };
  };
  const set = (rules: ChosenRules | undefined) => {
    chosen = rules;
    onChange(rules);
  };
  // A kept copy that no longer parses is the host's to report; here it means the built-in rules.
  const ready = api
    .getSegmentationRules()
    .then(parse)
    .then(
      (rules) => {
        if (rules) set(rules);
      },
      () => undefined,
    );
  return {
    ready,
    current: () => chosen,
    async choose() {
      const file = await shell.chooseFile('srx');
      if (!file) return undefined;
      const rules = await parse(await api.setSegmentationRules({ file }));
      set(rules);
      return rules;
    },
    async clear() {
      await api.setSegmentationRules({ file: null });
      set(undefined);
    },
  };
}
