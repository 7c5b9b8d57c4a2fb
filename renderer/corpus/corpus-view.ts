/**
 * The corpus view: a folder's documents (language, size, paragraphs) and which
 * of them are translations of which, with the aligner's evidence for each
 * score, over the editors until the user opens a pair or goes back.
 *
 * Everything shown (file names, anchors) is text from the user's files: it is
 * set with textContent through `h`, never as markup.
 */
import type { BatchStatus, FolderDocument, FolderOverview } from '../../shared/api.ts';
import type { OriginalEvidence, PairCandidate, PairProposal } from '../../shared/corpus/pairing.ts';
import { fileName, h, icon } from '../ui/dom.ts';
import { batchPanel } from './batch-panel.ts';

/** What the view tells its owner. */
export interface CorpusViewEvents {
  /** Open these two documents (paths as the host listed them) aligned in the editor. */
  onOpenPair(source: string, target: string): void;
  /** Choose another folder. */
  onChooseFolder(): void;
  /** Back to the editor. */
  onClose(): void;
  /** Align every proposed pair of `folder` into a folder the user picks. */
  onAlignAll(folder: string, pairs: number): void;
  /** Stop the running Align all. */
  onCancelBatch(): void;
  /** Open an alignment file Align all wrote. */
  onOpenAlignment(path: string): void;
}

/** How many shared anchors a proposal card shows before "+N more". */
const anchorsShown = 14;

/** The view, built into `element` (hidden until shown). */
export class CorpusView {
  private readonly body: HTMLElement;
  private readonly folderLabel: HTMLElement;
  private readonly languageName = languageNamer();
  /** The Align all panel, kept while the same folder is shown. */
  private readonly batchSlot = h('div', { class: 'batch-slot' });
  private shownFolder: string | undefined;

  constructor(
    private readonly element: HTMLElement,
    private readonly events: CorpusViewEvents,
  ) {
    this.folderLabel = h('code', { class: 'corpus-folder', 'data-testid': 'corpus-folder' });
    this.body = h('div', { class: 'corpus-body', tabindex: -1 });
    element.replaceChildren(
      h(
        'div',
        { class: 'corpus-header' },
        icon('folder-library'),
        h('span', { class: 'panel-title' }, 'Folder'),
        this.folderLabel,
        h('span', { class: 'fill' }),
        h('button', { type: 'button', class: 'tool', 'data-testid': 'corpus-choose', onclick: () => events.onChooseFolder() }, icon('folder-opened'), h('span', {}, 'Open another folder…')),
        h(
          'button',
          { type: 'button', class: 'tool', 'data-testid': 'corpus-close', title: 'Back to the alignment (Escape)', onclick: () => events.onClose() },
          icon('close'),
          h('span', {}, 'Back to the editor'),
        ),
      ),
      this.body,
    );
    element.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') events.onClose();
    });
  }

  /** Whether the view is shown. */
  isVisible(): boolean {
    return !this.element.hidden;
  }

  /** Shows the view while `folder` is being read. */
  showLoading(folder: string): void {
    this.element.hidden = false;
    this.element.dataset.state = 'loading';
    this.folderLabel.textContent = folder;
    this.folderLabel.title = folder;
    this.body.replaceChildren(
      h('p', { class: 'panel-empty' }, 'Reading the documents, detecting their languages and aligning every pair in different languages…'),
    );
  }

  /** Shows a folder's overview. */
  show(overview: FolderOverview): void {
    this.element.hidden = false;
    this.element.dataset.state = 'ready';
    this.folderLabel.textContent = overview.folder;
    this.folderLabel.title = overview.folder;
    if (overview.folder !== this.shownFolder) this.batchSlot.replaceChildren();
    this.shownFolder = overview.folder;
    const byPath = new Map(overview.documents.map((document) => [document.path, document]));
    // An original may have several translations: each is listed as its partner.
    const partner = new Map<string, string[]>();
    for (const proposal of overview.proposals) {
      partner.set(proposal.source, [...(partner.get(proposal.source) ?? []), proposal.target]);
      partner.set(proposal.target, [...(partner.get(proposal.target) ?? []), proposal.source]);
    }
    const others = overview.candidates.filter((candidate) => !isSame(candidate, overview.proposals));

    const sections = [
      this.batchSlot,
      h(
        'section',
        { class: 'corpus-section' },
        h(
          'div',
          { class: 'section-heading' },
          h('h2', {}, 'Proposed translation pairs'),
          overview.proposals.length === 0
            ? undefined
            : h(
                'button',
                { type: 'button', class: 'primary-button', 'data-testid': 'align-all', onclick: () => this.events.onAlignAll(overview.folder, overview.proposals.length) },
                icon('run-all'),
                `Align all (${overview.proposals.length})…`,
              ),
        ),
        h(
          'p',
          { class: 'hint' },
          'Scored with the aligner’s own evidence: the anchors both documents share (numbers, names, web addresses), and how much of the shorter document the aligner links with confidence 0.5 or more. Pairs scoring 0.5 or more are proposed. An original may have several translations; a translation has one original, and two translations of the same original are not proposed as a pair.',
        ),
        overview.proposals.length === 0
          ? h('p', { class: 'corpus-none', 'data-testid': 'corpus-no-proposal' }, overview.documents.length < 2 ? 'The folder needs at least two documents in different languages.' : 'No two documents here look like translations of each other.')
          : h('div', { class: 'proposals' }, ...overview.proposals.map((proposal) => this.proposalCard(proposal, byPath))),
      ),
      h(
        'section',
        { class: 'corpus-section' },
        h('h2', {}, `Documents (${overview.documents.length})`),
        overview.documents.length === 0 ? h('p', { class: 'corpus-none' }, 'No documents (.txt, .md, .html, .docx, .odt, .epub, .pdf, .srt, .vtt) directly in this folder.') : this.documentTable(overview.documents, partner),
        overview.skipped.length === 0
          ? undefined
          : h(
              'ul',
              { class: 'corpus-skipped' },
              ...overview.skipped.map((skip) => h('li', {}, h('strong', {}, fileName(skip.path)), ` could not be read: ${skip.reason}`)),
            ),
      ),
      others.length === 0
        ? undefined
        : h(
            'section',
            { class: 'corpus-section' },
            h('h2', {}, 'Other candidates'),
            h('p', { class: 'hint' }, 'Pairs in different languages that were not proposed: their evidence is weaker.'),
            this.candidateTable(others, byPath),
          ),
    ];
    this.body.replaceChildren(...sections.filter((section) => section !== undefined));
    this.body.scrollTop = 0;
    // Keys go to the view (Escape goes back), and a keyboard user starts at the first proposal.
    (this.body.querySelector<HTMLElement>('[data-testid=open-pair]') ?? this.body).focus({ preventScroll: true });
  }

  /** Shows how an Align all stands (progress, then the results). */
  showBatch(status: BatchStatus): void {
    this.batchSlot.replaceChildren(
      batchPanel(status, { onCancel: () => this.events.onCancelBatch(), onOpen: (path) => this.events.onOpenAlignment(path) }),
    );
  }

  /** Hides the view. */
  hide(): void {
    this.element.hidden = true;
  }

  private proposalCard(proposal: PairProposal, byPath: ReadonlyMap<string, FolderDocument>): HTMLElement {
    const shared = orderAnchors(proposal.sharedAnchors);
    const fewer = proposal.anchorContainment > 0 ? Math.round(shared.length / proposal.anchorContainment) : 0;
    return h(
      'article',
      { class: 'proposal', 'data-testid': 'corpus-proposal' },
      h(
        'div',
        { class: 'proposal-score', title: 'The geometric mean of the anchor share and the aligned share' },
        h('span', { class: 'score-value', 'data-testid': 'proposal-score' }, proposal.score.toFixed(2)),
        h('span', { class: 'score-label' }, 'score'),
        meter(proposal.score),
      ),
      h(
        'div',
        { class: 'proposal-main' },
        h(
          'div',
          { class: 'proposal-pair' },
          this.documentChip(byPath.get(proposal.source), proposal.source, 'Original'),
          h('span', { class: 'pair-arrow', 'aria-hidden': 'true', title: originalWhy[proposal.originalBy] }, '→'),
          this.documentChip(byPath.get(proposal.target), proposal.target, 'Translation'),
        ),
        h(
          'div',
          { class: 'evidence' },
          h(
            'span',
            { class: 'evidence-item', 'data-testid': 'evidence-anchors' },
            h('strong', {}, `${shared.length} of ${fewer}`),
            ' shared anchors ',
            h('span', { class: 'muted' }, `(${percent(proposal.anchorContainment)})`),
          ),
          h(
            'span',
            { class: 'evidence-item', 'data-testid': 'evidence-aligned' },
            h('strong', {}, percent(proposal.alignedShare)),
            ' of the shorter document aligned',
          ),
        ),
        shared.length === 0
          ? undefined
          : h(
              'div',
              { class: 'anchor-list', 'aria-label': 'Shared anchors' },
              ...shared.slice(0, anchorsShown).map((token) => h('span', { class: 'anchor', title: token }, anchorLabel(token))),
              shared.length > anchorsShown ? h('span', { class: 'anchor more' }, `+${shared.length - anchorsShown} more`) : undefined,
            ),
      ),
      h(
        'button',
        {
          type: 'button',
          class: 'primary-button',
          'data-testid': 'open-pair',
          onclick: () => this.events.onOpenPair(proposal.source, proposal.target),
        },
        icon('go-to-file'),
        'Open pair',
      ),
    );
  }

  private documentChip(document: FolderDocument | undefined, path: string, role: string): HTMLElement {
    return h(
      'span',
      { class: 'doc-chip', title: path },
      h('span', { class: 'doc-role' }, role),
      h('span', { class: 'doc-chip-name' }, fileName(path)),
      document ? h('span', { class: 'language-badge' }, document.language.bcp47) : undefined,
      document ? h('span', { class: 'muted' }, `${document.paragraphs} ¶`) : undefined,
    );
  }

  private documentTable(documents: readonly FolderDocument[], partner: ReadonlyMap<string, readonly string[]>): HTMLElement {
    return h(
      'table',
      { class: 'corpus-table', 'data-testid': 'corpus-documents' },
      h(
        'thead',
        {},
        h('tr', {}, h('th', {}, 'File'), h('th', {}, 'Language'), h('th', {}, 'Encoding'), h('th', { class: 'number' }, 'Size'), h('th', { class: 'number' }, 'Paragraphs'), h('th', {}, 'Proposed partner')),
      ),
      h(
        'tbody',
        {},
        ...documents.map((document) => {
          const other = partner.get(document.path);
          return h(
            'tr',
            { 'data-testid': 'corpus-document' },
            h('td', { class: 'file', title: document.path }, document.name),
            h(
              'td',
              { 'data-testid': 'document-language' },
              h('span', { class: 'language-badge' }, document.language.bcp47),
              ' ',
              this.languageName(document.language.bcp47),
            ),
            h('td', {}, document.encoding.toUpperCase()),
            h('td', { class: 'number' }, size(document.size)),
            h('td', { class: 'number' }, String(document.paragraphs)),
            h('td', { class: other ? '' : 'muted' }, other ? other.map(fileName).join(', ') : '—'),
          );
        }),
      ),
    );
  }

  private candidateTable(candidates: readonly PairCandidate[], byPath: ReadonlyMap<string, FolderDocument>): HTMLElement {
    const language = (path: string) => byPath.get(path)?.language.bcp47 ?? '';
    return h(
      'table',
      { class: 'corpus-table', 'data-testid': 'corpus-candidates' },
      h(
        'thead',
        {},
        h('tr', {}, h('th', { class: 'number' }, 'Score'), h('th', {}, 'Longer document'), h('th', {}, 'Shorter document'), h('th', { class: 'number' }, 'Shared anchors'), h('th', { class: 'number' }, 'Aligned'), h('th', {}, '')),
      ),
      h(
        'tbody',
        {},
        ...candidates.map((candidate) =>
          h(
            'tr',
            {},
            h('td', { class: 'number' }, candidate.score.toFixed(2)),
            h('td', { class: 'file', title: candidate.source }, h('span', { class: 'language-badge' }, language(candidate.source)), ' ', fileName(candidate.source)),
            h('td', { class: 'file', title: candidate.target }, h('span', { class: 'language-badge' }, language(candidate.target)), ' ', fileName(candidate.target)),
            h('td', { class: 'number' }, `${candidate.sharedAnchors.length} (${percent(candidate.anchorContainment)})`),
            h('td', { class: 'number' }, percent(candidate.alignedShare)),
            h(
              'td',
              { class: 'action' },
              h('button', { type: 'button', class: 'link-button', onclick: () => this.events.onOpenPair(candidate.source, candidate.target) }, 'Open anyway'),
            ),
          ),
        ),
      ),
    );
  }
}

/** Whether `list` has the same two documents, either way round (a proposal is oriented original first). */
function isSame(candidate: PairCandidate, list: readonly PairCandidate[]): boolean {
  return list.some((other) => (other.source === candidate.source && other.target === candidate.target) || (other.source === candidate.target && other.target === candidate.source));
}

/** Why a proposal's first document is taken for the original, as a tooltip. */
const originalWhy: Record<OriginalEvidence, string> = {
  'source-lang': 'The original: in the language named as the originals’',
  hub: 'The original: the other documents are translated from its language',
  longer: 'The original: the longer document (nothing else tells)',
};

/** The kinds of anchor, in the order a reader finds them telling: names first, then numbers. */
const anchorKinds = ['name', 'number', 'known-name', 'url', 'email'];

/** Shared anchors, names first, then numbers (by value), then the rest; stable within a kind. */
export function orderAnchors(tokens: readonly string[]): string[] {
  const rank = (token: string) => {
    const index = anchorKinds.indexOf(token.slice(0, token.indexOf(':')));
    return index < 0 ? anchorKinds.length : index;
  };
  const numeric = (token: string) => Number(token.slice(token.indexOf(':') + 1));
  return [...tokens].sort((a, b) => rank(a) - rank(b) || (rank(a) === 1 ? numeric(a) - numeric(b) : 0) || a.localeCompare(b));
}

/**
 * An anchor token as a reader wants it: `number:80` → `80`, `name:stoltenberg` →
 * `Stoltenberg` (names are compared in lower case), `known-name:region:JP` → `JP`.
 */
export function anchorLabel(token: string): string {
  const kind = token.slice(0, token.indexOf(':'));
  const value = token.slice(token.indexOf(':') + 1);
  if (kind === 'known-name') return value.slice(value.lastIndexOf(':') + 1) || value;
  if (kind === 'name') return value.charAt(0).toLocaleUpperCase('en') + value.slice(1);
  return value || token;
}

function meter(share: number): HTMLElement {
  const fill = h('span', {});
  fill.style.width = `${Math.round(Math.max(0, Math.min(1, share)) * 100)}%`;
  return h('span', { class: 'meter' }, fill);
}

function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}

function size(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** English names of languages by BCP-47 tag (`th` → `Thai`). */
function languageNamer(): (bcp47: string) => string {
  const display = new Intl.DisplayNames(['en'], { type: 'language' });
  return (bcp47) => {
    if (bcp47 === 'und') return 'Undetermined';
    try {
      return display.of(bcp47) ?? bcp47;
    } catch {
      return bcp47;
    }
  };
}
