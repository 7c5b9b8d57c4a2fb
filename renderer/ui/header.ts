/**
 * A document's header: which side it is, its file name, its language (detected
 * by franc, with a select to override it), its format (when not plain text), encoding and paragraph count,
 * a chip for paragraphs in another language that jumps to the next one, and
 * Save text as… (the document's text, with the user's edits, to a new file).
 */
import type { LanguageChoice } from '../../shared/api.ts';
import type { Side } from '../../shared/model/alignment.ts';
import type { BitextDocument, DocumentFormat, LanguageTag } from '../../shared/model/document.ts';
import { effectiveLanguage } from '../../shared/model/document.ts';
import { fileName, h, icon } from './dom.ts';

/** What the header reports back. */
export interface HeaderEvents {
  /** The user chose a language (ISO 639-3), or went back to the detected one (null). */
  onLanguage(side: Side, language: string | null): void;
  /** The user asked for the next paragraph in another language. */
  onNextMismatch(side: Side): void;
  /** The user asked to save the document's current text to a new .txt or .md file. */
  onSaveText(side: Side): void;
}

/** Names a language for people: `English`, else its code. */
export function languageNamer(choices: readonly LanguageChoice[]): (iso6393: string) => string {
  const byCode = new Map(choices.map((choice) => [choice.iso6393, choice.name]));
  const display = new Intl.DisplayNames(['en'], { type: 'language' });
  return (iso6393) => {
    if (iso6393 === 'und') return 'Undetermined';
    const known = byCode.get(iso6393);
    if (known) return known;
    try {
      return display.of(iso6393) ?? iso6393;
    } catch {
      return iso6393;
    }
  };
}

/** The name of each format the readers read, as the header shows it. */
const formatNames: Record<DocumentFormat, string> = {
  text: 'Text',
  markdown: 'Markdown',
  html: 'HTML',
  docx: 'DOCX',
  odt: 'ODT',
  epub: 'EPUB',
  srt: 'SubRip',
  webvtt: 'WebVTT',
  pdf: 'PDF',
  xliff: 'XLIFF',
  tmx: 'TMX',
};

/** Formats whose text comes out of a container (ZIP, PDF), not from bytes in an encoding. */
const containerFormats: ReadonlySet<DocumentFormat> = new Set(['docx', 'odt', 'epub', 'pdf']);

const encodingNames: Record<string, string> = {
  'utf-8': 'UTF-8',
  'utf-16le': 'UTF-16 LE',
  'utf-16be': 'UTF-16 BE',
  'windows-874': 'Windows-874',
  'windows-1252': 'Windows-1252',
};

/** Renders the header of one side. */
export function renderHeader(
  element: HTMLElement,
  side: Side,
  document: BitextDocument | undefined,
  choices: readonly LanguageChoice[],
  events: HeaderEvents,
): void {
  const label = side === 'source' ? 'Original' : 'Translation';
  if (!document) {
    element.replaceChildren(h('span', { class: 'doc-side' }, label));
    return;
  }
  const name = languageNamer(choices);
  const language = effectiveLanguage(document.language);
  const detected = document.language.detected;
  const override = document.language.override;
  element.dataset.language = language.bcp47;

  const select = h('select', {
    'aria-label': `Language of the ${label.toLowerCase()}`,
    title: override
      ? `Set by you. franc detected ${name(detected.iso6393)} (${detected.bcp47}).`
      : `Detected by franc. Choose another language if it is wrong; paragraph languages are checked again.`,
    onchange: (event) => {
      const value = (event.target as HTMLSelectElement).value;
      events.onLanguage(side, value === '' ? null : value);
    },
  });
  select.append(h('option', { value: '' }, `${name(detected.iso6393)} (detected)`));
  const listed = new Set<string>();
  const addChoice = (tag: Pick<LanguageTag, 'iso6393'>) => {
    if (listed.has(tag.iso6393) || tag.iso6393 === 'und') return;
    listed.add(tag.iso6393);
    select.append(h('option', { value: tag.iso6393 }, name(tag.iso6393)));
  };
  if (override) addChoice(override);
  for (const choice of choices) addChoice(choice);
  select.value = override ? override.iso6393 : '';

  const mismatches = document.paragraphs.filter((paragraph) => paragraph.language?.mismatch).length;
  const encoding = `${encodingNames[document.encoding.name] ?? document.encoding.name}${document.encoding.bom ? ' BOM' : ''}`;
  const format = document.format && document.format !== 'text' ? formatNames[document.format] : undefined;
  // A ZIP or PDF document has no text encoding of its own to show: its text is what the reader extracted.
  const showEncoding = !document.format || !containerFormats.has(document.format);
  element.replaceChildren(
    h('span', { class: 'doc-side' }, label),
    h('span', { class: 'doc-name', title: document.path }, fileName(document.path)),
    h('span', { class: 'fill' }),
    h(
      'span',
      { class: `language-picker${override ? ' overridden' : ''}` },
      h('span', { class: 'language-tag', 'data-testid': `${side}-language` }, language.bcp47),
      select,
    ),
    h(
      'span',
      { class: 'doc-meta' },
      mismatches > 0 &&
        h(
          'button',
          {
            class: 'chip warning',
            title: 'Paragraphs whose language is not the document’s (paragraph.language.mismatch). Click for the next one.',
            onclick: () => events.onNextMismatch(side),
          },
          `${mismatches} other-language`,
        ),
      format !== undefined && h('span', { title: 'Format: the editor shows the text read from it', 'data-testid': `${side}-format` }, format),
      format !== undefined && showEncoding && h('span', { class: 'dot' }, '·'),
      showEncoding && h('span', { title: document.encoding.forced ? 'Encoding chosen by you' : 'Encoding detected' }, encoding),
      h('span', { class: 'dot' }, '·'),
      h('span', { title: 'Paragraphs' }, `${document.paragraphs.length} ¶`),
    ),
    h(
      'button',
      {
        class: 'tool icon-only',
        type: 'button',
        title: `Save ${label.toLowerCase()} text as… (the text with your edits, to a new .txt or .md file; ${fileName(document.path)} is never written)`,
        'aria-label': `Save ${label.toLowerCase()} text as…`,
        'data-testid': `${side}-save-text`,
        onclick: () => events.onSaveText(side),
      },
      icon('save-as'),
    ),
  );
}
