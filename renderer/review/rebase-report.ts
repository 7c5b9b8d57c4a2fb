/**
 * Says what a rebase did when a document changed on disk (found on opening,
 * or while open and reloaded): per document, how many links were kept, moved,
 * merged and dropped and which paragraphs came in new, then each link that did
 * not simply stay. Pure description (`describeRebase`) plus the dialog.
 */
import type { RebaseEntry, RebaseReport } from '../../shared/edits/rebase.ts';
import { formatRebaseReport } from '../../shared/edits/rebase.ts';
import type { Side } from '../../shared/model/alignment.ts';
import { fileName, h, icon } from '../ui/dom.ts';

/** One rebased document. */
export interface RebasedDocument {
  readonly side: Side;
  readonly path: string;
  readonly report: RebaseReport;
}

/** One line of the report's detail: what became of one link. */
export interface RebaseLine {
  readonly outcome: RebaseEntry['outcome'] | 'added';
  readonly text: string;
}

const numbers = (indices: readonly number[]) => (indices.length === 0 ? '–' : indices.map((index) => index + 1).join(', '));

/** The detail lines of a report, with 1-based paragraph numbers: only links that did not simply stay, then new paragraphs. */
export function describeRebase(report: RebaseReport): RebaseLine[] {
  const lines: RebaseLine[] = [];
  for (const entry of report.links) {
    const { before, after } = entry.paragraphs;
    switch (entry.outcome) {
      case 'kept':
        break;
      case 'moved':
        lines.push({ outcome: 'moved', text: `Link ${entry.from + 1}: ¶ ${numbers(before)} → ¶ ${numbers(after)}` });
        break;
      case 'merged':
        lines.push({ outcome: 'merged', text: `Link ${entry.from + 1}: ¶ ${numbers(before)} joined into ¶ ${numbers(after)} (links merged)` });
        break;
      case 'dropped':
        lines.push({
          outcome: 'dropped',
          text: `Link ${entry.from + 1}: ¶ ${numbers(before)} deleted${entry.remnants && entry.remnants.length > 0 ? '; its other side is now unlinked' : ''}`,
        });
        break;
    }
  }
  if (report.added.length > 0) {
    lines.push({ outcome: 'added', text: `New paragraph${report.added.length === 1 ? '' : 's'} ¶ ${numbers(report.added)}: unlinked, to review` });
  }
  return lines;
}

/** The new link indices a rebase touched (moved, merged, remnants of dropped links, new paragraphs' links), for the "Changed on disk" filter. */
export function touchedLinks(report: RebaseReport, linkOfParagraph: (paragraph: number) => number): number[] {
  const touched = new Set<number>();
  for (const entry of report.links) {
    if (entry.outcome === 'kept') continue;
    if (entry.to !== undefined) touched.add(entry.to);
    for (const remnant of entry.remnants ?? []) touched.add(remnant);
  }
  for (const paragraph of report.added) {
    const link = linkOfParagraph(paragraph);
    if (link >= 0) touched.add(link);
  }
  return [...touched].sort((a, b) => a - b);
}

const outcomeIcons: Readonly<Record<RebaseLine['outcome'], string>> = {
  kept: 'pass',
  moved: 'arrow-swap',
  merged: 'git-merge',
  dropped: 'trash',
  added: 'add',
};

/**
 * Shows the report. Resolves `review` when the user asks to see the changed
 * links, `ok` otherwise.
 */
export function showRebaseReport(documents: readonly RebasedDocument[], context: 'opened' | 'reloaded'): Promise<'review' | 'ok'> {
  return new Promise((done) => {
    const dialog = h('dialog', { class: 'rebase-report', 'data-testid': 'rebase-report' });
    const finish = (value: 'review' | 'ok') => {
      dialog.close();
      dialog.remove();
      done(value);
    };
    dialog.addEventListener('cancel', (event) => {
      event.preventDefault();
      finish('ok');
    });
    const sections = documents.map(({ side, path, report }) => {
      const counts = report.counts;
      const lines = describeRebase(report);
      const name = side === 'source' ? 'original' : 'translation';
      return h(
        'section',
        { class: 'rebase-side', 'data-side': side },
        h('h3', {}, h('span', { class: 'doc-side' }, name), h('span', { class: 'doc-name' }, fileName(path))),
        h(
          'div',
          { class: 'rebase-counts', 'data-testid': `rebase-summary-${side}`, title: formatRebaseReport(report) },
          count('kept', counts.kept, 'kept'),
          count('moved', counts.moved, 'moved'),
          count('merged', counts.merged, 'merged'),
          count('dropped', counts.dropped, 'dropped'),
          count('added', report.added.length, 'new ¶ unlinked'),
        ),
        lines.length > 0
          ? h('ul', { class: 'rebase-lines' }, ...lines.map((line) => h('li', { class: line.outcome }, icon(outcomeIcons[line.outcome]), line.text)))
          : h('p', { class: 'rebase-quiet' }, 'Every link kept its paragraphs.'),
        report.approximate ? h('p', { class: 'rebase-approximate' }, icon('warning'), 'The texts differ so much that the comparison gave up in places: check the links there.') : '',
      );
    });
    const anyChange = documents.some(({ report }) => report.counts.moved + report.counts.merged + report.counts.dropped + report.added.length > 0);
    dialog.append(
      h(
        'form',
        { method: 'dialog', onsubmit: (event) => (event.preventDefault(), finish('ok')) },
        h('h2', {}, context === 'opened' ? 'The documents changed since the alignment was saved' : 'Reloaded from disk'),
        h(
          'p',
          {},
          context === 'opened'
            ? 'Their SHA-256 differs from the one recorded, so the saved links were carried over onto the new text. Save to keep the result; the file on disk is unchanged until then.'
            : 'The links were carried over onto the new text. Undo (Ctrl+Z) goes back to the text you had.',
        ),
        ...sections,
        h(
          'div',
          { class: 'actions' },
          anyChange ? h('button', { type: 'button', 'data-testid': 'rebase-review', onclick: () => finish('review') }, 'Show the changed links') : '',
          h('button', { type: 'submit', class: 'default', autofocus: true, 'data-testid': 'rebase-ok' }, 'OK'),
        ),
      ),
    );
    document.body.append(dialog);
    dialog.showModal();
  });
}

function count(kind: string, value: number, label: string): HTMLElement {
  return h('span', { class: `rebase-count ${kind}${value === 0 ? ' zero' : ''}` }, h('strong', {}, String(value)), ` ${label}`);
}
