/**
 * `bitext detect FILE…`: each file's encoding, language and script, and each
 * paragraph's language (judged among the languages of all the files given).
 */
import { readDocument } from '../services/documents.ts';
import { withParagraphLanguages } from '../../shared/document/load.ts';
import { effectiveLanguage, type BitextDocument } from '../../shared/model/document.ts';
import { foldWhitespace } from '../../shared/text/paragraphs.ts';
import { parseEncodingName } from '../../shared/text/decode.ts';
import { parseFormatName } from '../../shared/document/readers/extensions.ts';
import { expectPositionals, parse } from './args.ts';
import { commandInfo } from './commands.ts';

const { usage } = commandInfo.detect;


/** Runs `bitext detect`. */
export async function run(args: string[]): Promise<number> {
  const { values, positionals } = parse(args, {
    json: { type: 'boolean', default: false },
    encoding: { type: 'string' },
    format: { type: 'string' },
    help: { type: 'boolean', short: 'h', default: false },
  });
  if (values.help) {
    process.stdout.write(`Usage: ${usage}\n`);
    return 0;
  }
  expectPositionals(positionals, 1, Infinity, usage);
  const encoding = values.encoding ? parseEncodingName(values.encoding) : undefined;
  const format = values.format ? parseFormatName(values.format) : undefined;
  const loaded = await Promise.all(positionals.map((path) => readDocument(path, { ...(encoding ? { encoding } : {}), ...(format ? { format } : {}) })));
  for (const warning of loaded.flatMap((document) => document.warnings ?? [])) process.stderr.write(`bitext detect: warning: ${warning}\n`);
  const languages = [...new Set(loaded.map((document) => effectiveLanguage(document.language).iso6393))];
  const documents = loaded.map((document) => withParagraphLanguages(document, languages));
  if (values.json) {
    process.stdout.write(`${JSON.stringify(documents.map(describe), null, 2)}\n`);
  } else {
    process.stdout.write(documents.map(formatText).join('\n'));
  }
  return 0;
}

function describe(document: BitextDocument) {
  return {
    path: document.path,
    format: document.format ?? 'text',
    encoding: document.encoding.name,
    language: document.language.detected,
    paragraphs: document.paragraphs.map((paragraph, index) => ({
      index,
      start: paragraph.start,
      end: paragraph.end,
      language: paragraph.language?.iso6393 ?? 'und',
      reason: paragraph.language?.reason,
      mismatch: paragraph.language?.mismatch ?? false,
      text: foldWhitespace(document.text.slice(paragraph.start, paragraph.end)),
    })),
  };
}

function formatText(document: BitextDocument): string {
  const language = document.language.detected;
  const head = `${document.path}\n  ${language.iso6393} (${language.bcp47}, ${language.script}), ${document.format ?? 'text'}, ${document.encoding.name}${document.encoding.bom ? ' with BOM' : ''}, ${document.paragraphs.length} paragraphs\n`;
  const rows = describe(document).paragraphs.map((paragraph) => {
    const flag = paragraph.mismatch ? '!' : ' ';
    const mark = document.paragraphs[paragraph.index]?.mark;
    const preview = paragraph.text.length > 60 ? `${paragraph.text.slice(0, 59)}…` : paragraph.text;
    return `  ${flag}${String(paragraph.index).padStart(4)}  ${paragraph.language.padEnd(4)} ${mark ? `[${mark}] ` : ''}${preview}`;
  });
  return `${head}${rows.join('\n')}\n`;
}
