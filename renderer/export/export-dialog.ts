/**
 * The Export… dialog and the Review report… dialog: which format, which links
 * (the filters every format shares), and where the file goes. They only ask;
 * export-flow.ts does the exporting.
 *
 * The count of pairs the export will hold is computed here, live, with the same
 * `extractPairs` every format uses, so what the dialog promises is what the file
 * gets.
 */
import type { Alignment } from '../../shared/model/alignment.ts';
import { exportFormats, type ExportFormat, type ExportFormatId } from '../../shared/formats/export-format-list.ts';
import { extractPairs, type ExportFilters, type ExportSkipped } from '../../shared/formats/export-pairs.ts';
import { modalDialog } from '../ui/dialogs.ts';
import type { SegmentationControl } from '../sentences/segmentation.ts';
import { h } from '../ui/dom.ts';

/** Where the file goes. */
export type ExportDestination =
  /** Browser: the page downloads it under `fileName`. */
  | { readonly kind: 'download'; readonly fileName: string }
  /** Browser: the host writes it into its workspace as `name` (a path inside it). */
  | { readonly kind: 'workspace'; readonly name: string }
  /** Desktop: the native save dialog asks next. */
  | { readonly kind: 'choose' };

/** What the user chose in the Export… dialog. */
export interface ExportChoice {
  readonly format: ExportFormatId;
  readonly filters: ExportFilters;
  readonly destination: ExportDestination;
}

/** What the dialogs need to know. */
export interface ExportDialogOptions {
  readonly alignment: Alignment;
  readonly host: 'electron' | 'browser';
  /** Browser host: the workspace folder, shown where "save in the workspace" is offered. */
  readonly workspace?: string;
  /** The start of suggested file names (`nato-asia-2023`). */
  readonly stem: string;
  /** The previous choice, to start from (format, filters, download or workspace). */
  readonly previous?: ExportChoice;
  /** The SRX rules setting sentence units are cut by (a setting kept by the host); absent: no choice offered. */
  readonly segmentation?: SegmentationControl;
}

/** Replaces the extension of `name` (or adds one). */
export function withExtension(name: string, extension: string): string {
  const dot = name.lastIndexOf('.');
  const stem = dot > 0 ? name.slice(0, dot) : name;
  return `${stem}.${extension}`;
}

/** "10 pairs" and what was left out, as the dialog and the notices say it. */
export function describeExport(pairs: number, skipped: ExportSkipped | undefined): string {
  const parts: string[] = [];
  if (skipped) {
    if (skipped.untranslated > 0) parts.push(`${skipped.untranslated} untranslated`);
    if (skipped.unconfirmed > 0) parts.push(`${skipped.unconfirmed} unconfirmed`);
    if (skipped.lowConfidence > 0) parts.push(`${skipped.lowConfidence} below the minimum confidence`);
    if (skipped.rejected > 0) parts.push(`${skipped.rejected} rejected`);
    if (skipped.duplicate > 0) parts.push(`${skipped.duplicate} duplicate`);
  }
  const count = `${pairs} ${pairs === 1 ? 'pair' : 'pairs'}`;
  return parts.length > 0 ? `${count}; links left out: ${parts.join(', ')}` : count;
}

/** The Export… dialog. Resolves with the choice, or null when cancelled. */
export function exportDialog(options: ExportDialogOptions): Promise<ExportChoice | null> {
  return modalDialog<ExportChoice | null>((dialog, finish) => {
    dialog.classList.add('export-dialog');
    dialog.dataset.testid = 'export-dialog';
    const previous = options.previous;
    let format: ExportFormat = exportFormats.find((candidate) => candidate.id === previous?.format) ?? exportFormats[0]!;
    const filters = previous?.filters ?? {};

    const formatInputs = exportFormats.map((candidate) =>
      h('input', { type: 'radio', name: 'format', value: candidate.id, checked: candidate.id === format.id, 'data-testid': `format-${candidate.id}` }),
    );
    const formatList = h(
      'div',
      { class: 'format-list', role: 'radiogroup', 'aria-label': 'Format' },
      ...exportFormats.map((candidate, index) =>
        h(
          'label',
          { class: 'format-option' },
          formatInputs[index]!,
          h(
            'span',
            { class: 'format-text' },
            h('span', { class: 'format-name' }, candidate.label, h('span', { class: 'format-extension' }, `.${candidate.extension}`)),
            h('span', { class: 'format-description' }, candidate.description),
          ),
        ),
      ),
    );

    const confirmed = checkbox('export-filter-confirmed', filters.confirmedOnly ?? false);
    const untranslated = checkbox('export-filter-untranslated', filters.includeUntranslated ?? false);
    const deduplicate = checkbox('export-filter-deduplicate', filters.deduplicate ?? false);
    const rejected = checkbox('export-filter-rejected', filters.includeRejected ?? false);
    const unitInputs = {
      paragraph: h('input', { type: 'radio', name: 'unit', value: 'paragraph', checked: filters.unit !== 'sentence', 'data-testid': 'export-unit-paragraph' }),
      sentence: h('input', { type: 'radio', name: 'unit', value: 'sentence', checked: filters.unit === 'sentence', 'data-testid': 'export-unit-sentence' }),
    };
    const minimum = h('input', {
      type: 'range',
      min: 0,
      max: 1,
      step: 0.05,
      value: filters.minConfidence ?? 0,
      'aria-label': 'Minimum confidence',
      'data-testid': 'export-filter-min-confidence',
    });
    const minimumValue = h('output', { class: 'range-value' });
    const untranslatedHint = h('span', { class: 'hint' });
    const links = options.alignment.links;
    const confirmedCount = links.filter((link) => link.status === 'confirmed').length;
    const rejectedCount = links.filter((link) => link.status === 'rejected').length;

    const preview = h('p', { class: 'export-preview', 'data-testid': 'export-preview', 'aria-live': 'polite' });
    const error = h('p', { class: 'dialog-error', role: 'alert', hidden: true });

    const destinationInputs = {
      download: h('input', { type: 'radio', name: 'destination', value: 'download', 'data-testid': 'destination-download' }),
      workspace: h('input', { type: 'radio', name: 'destination', value: 'workspace', 'data-testid': 'destination-workspace' }),
    };
    const previousName =
      previous?.destination.kind === 'workspace' ? previous.destination.name : previous?.destination.kind === 'download' ? previous.destination.fileName : undefined;
    const nameInput = h('input', {
      type: 'text',
      spellcheck: 'false',
      value: withExtension(previousName ?? options.stem, format.extension),
      'aria-label': 'File name',
      'data-testid': 'export-name',
    });
    (previous?.destination.kind === 'workspace' ? destinationInputs.workspace : destinationInputs.download).checked = true;

    function currentFilters(): ExportFilters {
      return {
        ...(confirmed.checked ? { confirmedOnly: true } : {}),
        ...(Number(minimum.value) > 0 ? { minConfidence: Number(minimum.value) } : {}),
        ...(untranslated.checked && format.untranslated !== 'none' ? { includeUntranslated: true } : {}),
        ...(deduplicate.checked ? { deduplicate: true } : {}),
        ...(rejected.checked ? { includeRejected: true } : {}),
        ...(unitInputs.sentence.checked ? { unit: 'sentence' as const } : {}),
      };
    }

    function refresh(): void {
      const before = format;
      format = exportFormats.find((candidate) => formatInputs[exportFormats.indexOf(candidate)]!.checked) ?? format;
      minimumValue.textContent = Number(minimum.value).toFixed(2);
      untranslated.disabled = format.untranslated === 'none';
      untranslatedHint.textContent =
        format.untranslated === 'none'
          ? `${format.label} has no place for a paragraph without a translation.`
          : format.untranslated === 'source-only'
            ? 'Original paragraphs with no translation get an empty target; added translation paragraphs are left out.'
            : 'As rows with one side empty.';
      // Only a change of format touches the name: the user may be typing in it.
      if (format !== before) nameInput.value = withExtension(nameInput.value.trim() || options.stem, format.extension);
      const rules = options.segmentation?.current();
      const { pairs, skipped } = extractPairs(options.alignment, { ...currentFilters(), ...(rules ? { segmentation: rules.rules } : {}) }, format.untranslated);
      rulesName.textContent = rules ? rules.name : 'built-in rules';
      rulesName.title = rules ? `${rules.name}: the SRX 2.0 file sentence units are cut by (kept in the settings)` : 'The workbench’s own sentence rules';
      clearRules.hidden = !rules;
      preview.textContent = `${describeExport(pairs.length, skipped)}.`;
      preview.classList.toggle('empty', pairs.length === 0);
      submit.disabled = pairs.length === 0;
      const browser = options.host === 'browser';
      nameRow.hidden = !browser;
      workspaceNote.hidden = !browser || !destinationInputs.workspace.checked;
    }

    const rulesName = h('span', { class: 'rules-name', 'data-testid': 'export-srx-name' });
    const chooseRules = async () => {
      error.hidden = true;
      try {
        await options.segmentation?.choose();
      } catch (problem) {
        // The host names the file and the line of a bad SRX file.
        error.textContent = problem instanceof Error ? problem.message : String(problem);
        error.hidden = false;
      }
      refresh();
    };
    const clearRules = h('button', { type: 'button', 'data-testid': 'export-srx-clear', onclick: () => void options.segmentation?.clear().then(refresh, chooseRulesFailed) }, 'Built-in');
    function chooseRulesFailed(problem: unknown): void {
      error.textContent = problem instanceof Error ? problem.message : String(problem);
      error.hidden = false;
    }
    const rulesRow = options.segmentation
      ? h(
          'div',
          { class: 'srx-row' },
          h('span', { class: 'srx-label' }, 'Sentences cut by'),
          rulesName,
          h('button', { type: 'button', 'data-testid': 'export-srx-choose', onclick: () => void chooseRules() }, 'SRX file…'),
          clearRules,
        )
      : undefined;

    const submit = h('button', { type: 'submit', class: 'default', 'data-testid': 'export-confirm' }, options.host === 'electron' ? 'Export…' : 'Export');
    const nameRow = h('label', { class: 'field' }, h('span', {}, 'File name'), nameInput);
    const workspaceNote = h('p', { class: 'hint' }, 'Into the workspace folder: ', h('code', {}, options.workspace ?? ''));
    const destination =
      options.host === 'browser'
        ? h(
            'fieldset',
            { class: 'destination' },
            h('legend', {}, 'Save to'),
            h(
              'div',
              { class: 'choice-row' },
              h('label', {}, destinationInputs.download, 'Download'),
              h('label', {}, destinationInputs.workspace, 'Workspace folder'),
            ),
            nameRow,
            workspaceNote,
          )
        : h('p', { class: 'hint' }, 'Next you choose where to save the file.');

    const form = h(
      'form',
      {
        method: 'dialog',
        onsubmit: (event) => {
          event.preventDefault();
          const name = nameInput.value.trim();
          if (options.host === 'browser' && (name === '' || /[\0]/.test(name))) {
            error.textContent = 'Enter a file name.';
            error.hidden = false;
            return;
          }
          const where: ExportDestination =
            options.host === 'electron'
              ? { kind: 'choose' }
              : destinationInputs.workspace.checked
                ? { kind: 'workspace', name }
                : { kind: 'download', fileName: name.split(/[/\\]/).pop() || name };
          finish({ format: format.id, filters: currentFilters(), destination: where });
        },
        oninput: () => refresh(),
        onchange: () => refresh(),
      },
      h('h2', {}, 'Export alignment'),
      h('div', { class: 'dialog-columns' },
        h('fieldset', {}, h('legend', {}, 'Format'), formatList),
        h(
          'div',
          { class: 'dialog-column' },
          h(
            'fieldset',
            { class: 'filters' },
            h('legend', {}, 'Links to export'),
            h('label', {}, confirmed, 'Confirmed links only', h('span', { class: 'count' }, `${confirmedCount} of ${links.length}`)),
            h('label', { class: 'range-row' }, h('span', {}, 'Minimum confidence'), minimum, minimumValue),
            h('div', { class: 'with-hint' }, h('label', {}, untranslated, 'Include untranslated paragraphs'), untranslatedHint),
            h('label', {}, deduplicate, 'Leave out duplicate pairs'),
            h('label', {}, rejected, 'Include rejected links', h('span', { class: 'count' }, String(rejectedCount))),
          ),
          h(
            'fieldset',
            { class: 'units' },
            h('legend', {}, 'One pair per'),
            h(
              'div',
              { class: 'choice-row' },
              h('label', {}, unitInputs.paragraph, 'Link (paragraphs)'),
              h('label', {}, unitInputs.sentence, 'Sentence, inside each link'),
            ),
            rulesRow,
          ),
          destination,
        ),
      ),
      preview,
      error,
      h(
        'div',
        { class: 'actions' },
        h('button', { type: 'button', onclick: () => finish(null) }, 'Cancel'),
        submit,
      ),
    );
    refresh();
    requestAnimationFrame(() => formatInputs[exportFormats.indexOf(format)]!.focus());
    return form;
  }, null);
}

/** The Review report… dialog: what the report holds, and (browser) where it goes. Null when cancelled. */
export function reportDialog(options: Omit<ExportDialogOptions, 'previous'> & { readonly previous?: ExportDestination }): Promise<ExportDestination | null> {
  return modalDialog<ExportDestination | null>((dialog, finish) => {
    dialog.classList.add('report-dialog');
    const download = h('input', { type: 'radio', name: 'destination', value: 'download', 'data-testid': 'destination-download' });
    const workspace = h('input', { type: 'radio', name: 'destination', value: 'workspace', 'data-testid': 'destination-workspace' });
    (options.previous?.kind === 'workspace' ? workspace : download).checked = true;
    const name = h('input', {
      type: 'text',
      spellcheck: 'false',
      value: `${options.stem}-report.html`,
      'aria-label': 'File name',
      'data-testid': 'export-name',
    });
    const links = options.alignment.links;
    const untranslated = links.filter((link) => link.source.length === 0 || link.target.length === 0).length;
    return h(
      'form',
      {
        method: 'dialog',
        onsubmit: (event) => {
          event.preventDefault();
          const value = withExtension(name.value.trim() || `${options.stem}-report`, 'html');
          if (options.host === 'electron') finish({ kind: 'choose' });
          else if (workspace.checked) finish({ kind: 'workspace', name: value });
          else finish({ kind: 'download', fileName: value.split(/[/\\]/).pop() || value });
        },
      },
      h('h2', {}, 'Review report'),
      h(
        'p',
        {},
        'One HTML page for the translator or the reviewer: both texts side by side, link by link, with status, confidence, notes, mismatch flags (numbers, names, links that differ), a summary and the dot plot. It opens in any browser and prints on A4.',
      ),
      h('p', { class: 'export-preview' }, `${links.length} links, ${untranslated} of them with one side empty.`),
      options.host === 'browser'
        ? h(
            'fieldset',
            { class: 'destination' },
            h('legend', {}, 'Save to'),
            h('div', { class: 'choice-row' }, h('label', {}, download, 'Download'), h('label', {}, workspace, 'Workspace folder')),
            h('label', { class: 'field' }, h('span', {}, 'File name'), name),
          )
        : h('p', { class: 'hint' }, 'Next you choose where to save the file.'),
      h(
        'div',
        { class: 'actions' },
        h('button', { type: 'button', onclick: () => finish(null) }, 'Cancel'),
        h('button', { type: 'submit', class: 'default', autofocus: true, 'data-testid': 'export-confirm' }, options.host === 'electron' ? 'Save report…' : 'Save report'),
      ),
    );
  }, null);
}

function checkbox(testid: string, checked: boolean): HTMLInputElement {
  return h('input', { type: 'checkbox', checked, 'data-testid': testid });
}
