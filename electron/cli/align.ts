/**
 * `bitext align SOURCE TARGET`: aligns two documents and prints the alignment
 * JSON (the file format, with each paragraph's text) to stdout or `-o FILE`.
 */
import { readFile } from 'node:fs/promises';
import { readDocument } from '../services/documents.ts';
import { writeFileAtomic } from '../services/atomic-write.ts';
import { alignDocuments } from '../../shared/pipeline.ts';
import { serializeAlignment } from '../../shared/formats/alignment-json.ts';
import { parseLexicon } from '../../shared/align/lexicon.ts';
import { parseEncodingName } from '../../shared/text/decode.ts';
import { languageTag } from '../../shared/language/detect.ts';
import type { LoadOptions } from '../../shared/document/load.ts';
import { expectPositionals, parse } from './args.ts';

export const summary = 'align two documents paragraph by paragraph; print the alignment JSON';
export const usage =
  'bitext align SOURCE TARGET [-o FILE] [--force] [--dictionary FILE] [--source-encoding NAME] [--target-encoding NAME] [--source-lang ISO639-3] [--target-lang ISO639-3]';

/** Runs `bitext align`. */
export async function run(args: string[]): Promise<number> {
  const { values, positionals } = parse(args, {
    output: { type: 'string', short: 'o' },
    force: { type: 'boolean', default: false },
    dictionary: { type: 'string' },
    'source-encoding': { type: 'string' },
    'target-encoding': { type: 'string' },
    'source-lang': { type: 'string' },
    'target-lang': { type: 'string' },
    help: { type: 'boolean', short: 'h', default: false },
  });
  if (values.help) {
    process.stdout.write(`Usage: ${usage}\n`);
    return 0;
  }
  expectPositionals(positionals, 2, 2, usage);
  const [sourcePath, targetPath] = positionals as [string, string];
  const [source, target] = await Promise.all([
    readDocument(sourcePath, loadOptions(values['source-encoding'], values['source-lang'])),
    readDocument(targetPath, loadOptions(values['target-encoding'], values['target-lang'])),
  ]);
  const lexicon = values.dictionary ? parseLexicon(await readFile(values.dictionary, 'utf8'), values.dictionary) : undefined;
  const alignment = alignDocuments(source, target, lexicon ? { lexicon } : {});
  const json = serializeAlignment(alignment);
  if (values.output) {
    await writeFileAtomic(values.output, json, { overwrite: values.force, backup: values.force });
    process.stderr.write(`Wrote ${alignment.links.length} links to ${values.output}\n`);
  } else {
    process.stdout.write(json);
  }
  return 0;
}

function loadOptions(encoding: string | undefined, language: string | undefined): LoadOptions {
  return {
    ...(encoding ? { encoding: parseEncodingName(encoding) } : {}),
    ...(language ? { languageOverride: languageTag(language, 'Zyyy') } : {}),
  };
}
