/**
 * The corpus view's Align all panel: progress while the batch runs (pairs
 * done, failures, a bar) with Cancel, then the list of results, each
 * alignment file one click from review.
 */
import type { BatchPairResult, BatchStatus } from '../../shared/api.ts';
import { fileName, h, icon } from '../ui/dom.ts';

/** What the panel asks of its owner. */
export interface BatchPanelEvents {
  onCancel(): void;
  /** Open this alignment file for review. */
  onOpen(path: string): void;
}

const stateLabels: Record<BatchPairResult['state'], string> = {
  waiting: 'waiting',
  aligned: 'aligned',
  'up-to-date': 'up to date',
  failed: 'failed',
  cancelled: 'cancelled',
};

/** The panel's element for `status`. */
export function batchPanel(status: BatchStatus, events: BatchPanelEvents): HTMLElement {
  const running = status.state === 'running';
  const bar = h('span', {});
  bar.style.width = `${status.total === 0 ? 100 : Math.round((status.done / status.total) * 100)}%`;
  const summary = running
    ? `Aligning ${status.done} of ${status.total} pairs${status.failed > 0 ? ` · ${status.failed} failed` : ''}…`
    : `${status.state === 'cancelled' ? 'Cancelled' : 'Done'}: ${status.pairs.filter((pair) => pair.state === 'aligned').length} aligned, ${status.pairs.filter((pair) => pair.state === 'up-to-date').length} up to date, ${status.failed} failed`;
  return h(
    'section',
    { class: 'corpus-section batch-panel', 'data-testid': 'corpus-batch', 'data-state': status.state },
    h('h2', {}, 'Align all'),
    h('p', { class: 'hint' }, 'Alignment files go to ', h('code', { title: status.outFolder }, status.outFolder), '. Open one to review it.'),
    h(
      'div',
      { class: 'batch-progress' },
      h('span', { class: 'batch-bar', role: 'progressbar', 'aria-valuemin': '0', 'aria-valuemax': String(status.total), 'aria-valuenow': String(status.done) }, bar),
      h('span', { class: 'batch-summary', 'data-testid': 'batch-summary' }, summary),
      running ? h('button', { type: 'button', class: 'tool', 'data-testid': 'batch-cancel', onclick: () => events.onCancel() }, icon('debug-stop'), h('span', {}, 'Cancel')) : undefined,
    ),
    h(
      'table',
      { class: 'corpus-table batch-results' },
      h('thead', {}, h('tr', {}, h('th', {}, 'Alignment'), h('th', {}, 'Original → translation'), h('th', { class: 'number' }, 'Links'), h('th', { class: 'number' }, 'Mean confidence'), h('th', {}, 'State'), h('th', {}, ''))),
      h(
        'tbody',
        {},
        ...status.pairs.map((pair) =>
          h(
            'tr',
            { 'data-testid': 'batch-result', 'data-state': pair.state },
            h('td', { class: 'file', title: pair.output }, `${pair.name}.bitext`),
            h('td', { class: 'file' }, `${fileName(pair.source)} → ${fileName(pair.target)}`),
            h('td', { class: 'number' }, pair.links === undefined ? '' : String(pair.links)),
            h('td', { class: 'number' }, pair.meanConfidence === undefined ? '' : pair.meanConfidence.toFixed(2)),
            h('td', { class: `batch-state ${pair.state}`, title: pair.reason ?? '' }, pair.reason ? `${stateLabels[pair.state]}: ${pair.reason}` : stateLabels[pair.state]),
            h(
              'td',
              { class: 'action' },
              pair.state === 'aligned' || pair.state === 'up-to-date'
                ? h('button', { type: 'button', class: 'link-button', 'data-testid': 'batch-open', onclick: () => events.onOpen(pair.output) }, 'Open')
                : undefined,
            ),
          ),
        ),
      ),
    ),
  );
}
