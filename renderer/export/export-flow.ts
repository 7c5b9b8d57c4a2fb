/**
 * Export…, Review report… and Save text as… from start to end: the dialog, the destination
 * (the native save dialog on the desktop; a download or the workspace in the
 * browser), the host's export, "Replace?" when the file exists, and what to
 * tell the user afterwards.
 *
 * Nothing is ever replaced without the user's yes: the host answers `exists`
 * instead of writing, and only then is the request repeated with `overwrite`.
 * On the desktop the native save dialog asks that question itself.
 */
import type { SegmentationControl } from '../sentences/segmentation.ts';
import type { ExportOutcome, HostInfo, WorkbenchApi } from '../../shared/api.ts';
import { exportFormatById } from '../../shared/formats/export-format-list.ts';
import type { Alignment, Side } from '../../shared/model/alignment.ts';
import { isMarkdown, textFileName } from '../../shared/document/text-file.ts';
import type { Shell } from '../api-client.ts';
import { confirmDialog } from '../ui/dialogs.ts';
import { fileName } from '../ui/dom.ts';
import { describeExport, exportDialog, reportDialog, withExtension, type ExportChoice, type ExportDestination } from './export-dialog.ts';
import { textDialog } from './text-dialog.ts';

/** What the flow needs from the page. */
export interface ExportContext {
  readonly api: WorkbenchApi;
  readonly shell: Shell;
  readonly info: HostInfo;
  /** The open alignment, if any. */
  alignment(): Alignment | undefined;
  /** Where the alignment is saved, or would be: names and folders are suggested from it. */
  alignmentPath(): string | undefined;
  /** Runs slow work with a progress message. */
  progress<T>(message: string, work: () => Promise<T>): Promise<T>;
  notify(kind: 'info' | 'warning' | 'error', message: string): void;
  /** The SRX rules setting, offered in the Export… dialog for sentence units. */
  readonly segmentation?: SegmentationControl;
}

/** The commands. */
export interface ExportCommands {
  exportAlignment(): Promise<void>;
  exportReport(): Promise<void>;
  /** Save text as…: one document's current text to a new .txt or .md file (never over the document). */
  saveDocumentText(side: Side): Promise<void>;
}

/** A request as the flow sends it: where to (absent: as bytes), and whether replacing was agreed to. */
type Send = (target: { readonly path?: string; readonly overwrite?: boolean }) => Promise<ExportOutcome>;

/** Creates the commands; the last choices are remembered for the next time. */
export function createExportCommands(context: ExportContext): ExportCommands {
  let lastExport: ExportChoice | undefined;
  let lastReport: ExportDestination | undefined;
  let lastText: ExportDestination | undefined;

  /** `nato-asia-2023` from `…/nato-asia-2023.bitext`. */
  function stem(): string {
    const name = fileName(context.alignmentPath() ?? 'alignment');
    const dot = name.indexOf('.');
    return (dot > 0 ? name.slice(0, dot) : name) || 'alignment';
  }

  /** A path beside the alignment with this name (the native dialog's starting point). */
  function besideAlignment(name: string): string {
    const path = context.alignmentPath();
    return path ? path.replace(/[^/\\]*$/, name) : name;
  }

  async function run(
    what: string,
    destination: ExportDestination,
    defaultName: string,
    purpose: Parameters<Shell['chooseSavePath']>[1],
    send: Send,
    defaultPath = besideAlignment(defaultName),
  ): Promise<void> {
    let path: string | undefined;
    let overwrite = false;
    if (destination.kind === 'choose') {
      const chosen = await context.shell.chooseSavePath(defaultPath, purpose);
      if (!chosen) return;
      path = chosen;
      // The native dialog asked before returning an existing file's path.
      overwrite = true;
    } else if (destination.kind === 'workspace') {
      path = destination.name;
    }
    try {
      let outcome = await context.progress(`${what}…`, () => send({ ...(path === undefined ? {} : { path, overwrite }) }));
      if (outcome.kind === 'exists') {
        const replace = await confirmDialog(
          'Replace the file?',
          `${fileName(outcome.path)} already exists${context.info.kind === 'browser' ? ' in the workspace' : ''}. Replacing it overwrites what it holds.`,
          'Replace',
        );
        if (!replace) return;
        const existing = outcome.path;
        outcome = await context.progress(`${what}…`, () => send({ path: existing, overwrite: true }));
      }
      switch (outcome.kind) {
        case 'written':
          context.notify('info', `${what}: ${fileName(outcome.path)} written (${sizeOf(outcome.bytes)}, ${summaryOf(outcome)}).`);
          document.documentElement.dataset.lastExport = outcome.path;
          return;
        case 'data': {
          const name = destination.kind === 'download' ? destination.fileName : defaultName;
          download(outcome.base64, name, outcome.mediaType);
          context.notify('info', `${what}: ${name} downloaded (${sizeOf(outcome.bytes)}, ${summaryOf(outcome)}).`);
          document.documentElement.dataset.lastExport = name;
          return;
        }
        case 'exists':
          // Asked twice and still there: someone else wrote it in between. Say so rather than replace it.
          context.notify('error', `${what} failed: ${outcome.path}: the file appeared while exporting; nothing was written.`);
          return;
      }
    } catch (error) {
      context.notify('error', `${what} failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  return {
    async exportAlignment() {
      const alignment = context.alignment();
      if (!alignment) return;
      const choice = await exportDialog({
        alignment,
        host: context.info.kind,
        ...(context.info.workspace ? { workspace: context.info.workspace } : {}),
        stem: stem(),
        ...(lastExport ? { previous: lastExport } : {}),
        ...(context.segmentation ? { segmentation: context.segmentation } : {}),
      });
      if (!choice) return;
      lastExport = choice;
      const format = exportFormatById(choice.format);
      await run(`Export to ${format.label}`, choice.destination, withExtension(stem(), format.extension), format.id, (target) =>
        context.api.exportAlignment({ alignment, format: format.id, filters: choice.filters, ...target }),
      );
    },

    async exportReport() {
      const alignment = context.alignment();
      if (!alignment) return;
      const destination = await reportDialog({
        alignment,
        host: context.info.kind,
        ...(context.info.workspace ? { workspace: context.info.workspace } : {}),
        stem: stem(),
        ...(lastReport ? { previous: lastReport } : {}),
      });
      if (!destination) return;
      lastReport = destination;
      await run('Review report', destination, `${stem()}-report.html`, 'report', (target) => context.api.exportReport({ alignment, ...target }));
    },

    async saveDocumentText(side) {
      const alignment = context.alignment();
      if (!alignment) return;
      const document = alignment[side];
      const label = side === 'source' ? 'Original' : 'Translation';
      const name = textFileName(document);
      let destination: ExportDestination | null = { kind: 'choose' };
      if (context.info.kind === 'browser') {
        destination = await textDialog({ label, documentName: fileName(document.path), suggested: name, ...(lastText ? { previous: lastText } : {}) });
        if (!destination) return;
        lastText = destination;
      }
      // The desktop dialog starts beside the document (whose own name the service refuses).
      const besideDocument = /[/\\]/.test(document.path) ? document.path.replace(/[^/\\]*$/, name) : besideAlignment(name);
      await run(
        `Save ${label.toLowerCase()} text`,
        destination,
        name,
        isMarkdown(document) ? 'markdown' : 'text',
        (target) => context.api.saveDocumentText({ alignment, side, ...target }),
        besideDocument,
      );
    },
  };
}

function summaryOf(outcome: Extract<ExportOutcome, { summary: unknown }>): string {
  const { summary } = outcome;
  if (summary.paragraphs !== undefined) return `${summary.paragraphs} ${summary.paragraphs === 1 ? 'paragraph' : 'paragraphs'}`;
  if (summary.flags !== undefined) return `${summary.pairs} links, ${summary.flags} ${summary.flags === 1 ? 'flag' : 'flags'}`;
  return describeExport(summary.pairs, summary.skipped);
}

function sizeOf(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** Offers bytes as a download, the way browsers save files a page made. */
export function download(base64: string, name: string, mediaType: string): void {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index++) bytes[index] = binary.charCodeAt(index);
  const url = URL.createObjectURL(new Blob([bytes], { type: mediaType }));
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = name;
  anchor.hidden = true;
  document.body.append(anchor);
  anchor.click();
  anchor.remove();
  // The download has started reading the blob by the time the click returns; keep it a while anyway.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
