/**
 * The review report: one self-contained HTML page for the translator or the
 * reviewer, with both texts side by side (a row per link, in order), each
 * link's status, confidence, note, tags and flags, the paragraphs left
 * untranslated or unlinked highlighted, a summary, and the dot plot.
 *
 * Pure: returns a string. Every text from the documents and the alignment is
 * escaped; the page loads nothing (inline CSS, inline SVG, no script), and its
 * Content-Security-Policy forbids scripts anyway, as a second line of defence.
 * It prints well (A4 landscape, rows never split across pages, the table
 * header repeated) and shows Thai with Thai fonts where the system has them.
 */
import type { Alignment, Link } from '../model/alignment.ts';
import { effectiveLanguage, paragraphText, type BitextDocument } from '../model/document.ts';
import { toolInfo } from '../version.ts';
import { baseName } from '../formats/export-pairs.ts';
import { renderDotPlot } from './dot-plot.ts';
import { confidenceBands, confidenceColor, displayNumber, flaggedLinkCount, reviewProgress } from '../review/progress.ts';
import { cssToken, escapeHtml } from './escape.ts';
import { summarizeAlignment, type AlignmentSummary } from './summary.ts';

/**
 * A problem found in a link, shown in its row and counted in the summary.
 * `shared/review/mismatch.ts` (`findMismatches`) produces these; any checker
 * can.
 */
export interface ReportFlag {
  /** Index of the link in `alignment.links`. */
  readonly link: number;
  /** Short machine name of the check (`numbers`, `length-ratio`…), shown as the flag's label. */
  readonly kind: string;
  /** One sentence for the reader. */
  readonly message: string;
}

/** Options of {@link renderReport}. */
export interface ReportOptions {
  /** Mismatch flags to show per link (see {@link ReportFlag}). Default: none. */
  readonly flags?: readonly ReportFlag[];
  /** Page title. Default: the two file names. */
  readonly title?: string;
  /** When the report was made, shown in its header. Default: now. */
  readonly now?: Date;
}

/** The review report of `alignment` as a complete HTML document. */
export function renderReport(alignment: Alignment, options: ReportOptions = {}): string {
  const sourceName = baseName(alignment.source.path);
  const targetName = baseName(alignment.target.path);
  const sourceLanguage = effectiveLanguage(alignment.source.language);
  const targetLanguage = effectiveLanguage(alignment.target.language);
  const title = options.title ?? `${sourceName} ↔ ${targetName}`;
  const summary = summarizeAlignment(alignment);
  const flags = groupFlags(options.flags ?? []);
  // Links with flags, as the app's "Flagged" filter counts them (one link may carry several).
  const flagCount = flaggedLinkCount([...flags].filter(([, list]) => list.length > 0).map(([link]) => link));
  const now = options.now ?? new Date();

  const plot = renderDotPlot(alignment, {
    anchors: true,
    sourceLabel: `${sourceName} (${sourceLanguage.bcp47})`,
    targetLabel: `${targetName} (${targetLanguage.bcp47})`,
  });

  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="${escapeHtml(`${toolInfo.name} ${toolInfo.version}`)}">
<title>Alignment review: ${escapeHtml(title)}</title>
<style>${styles}</style>
</head>
<body>
<header class="page-header">
  <p class="kicker">Alignment review</p>
  <h1>${escapeHtml(title)}</h1>
  <dl class="meta">
    <div><dt>Source</dt><dd>${escapeHtml(sourceName)} <span class="lang">${escapeHtml(sourceLanguage.bcp47)}</span></dd></div>
    <div><dt>Target</dt><dd>${escapeHtml(targetName)} <span class="lang">${escapeHtml(targetLanguage.bcp47)}</span></dd></div>
    <div><dt>Alignment modified</dt><dd>${escapeHtml(formatTime(alignment.modified))}</dd></div>
    <div><dt>Report made</dt><dd>${escapeHtml(formatTime(now.toISOString()))} · ${escapeHtml(`${toolInfo.name} ${toolInfo.version}`)}</dd></div>
  </dl>
</header>
<main>
${renderSummary(summary, flagCount, reviewProgress(alignment.links))}
<section class="plot" aria-labelledby="plot-title">
  <h2 id="plot-title">Dot plot</h2>
  <div class="plot-body">
    <figure>${plot}</figure>
    ${renderLegend()}
  </div>
</section>
<section class="pairs" aria-labelledby="pairs-title">
  <h2 id="pairs-title">Side by side</h2>
  <table class="bitext">
    <colgroup><col class="c-index"><col class="c-text"><col class="c-text"><col class="c-review"></colgroup>
    <thead><tr>
      <th scope="col">#</th>
      <th scope="col">Source · ${escapeHtml(sourceName)} <span class="lang">${escapeHtml(sourceLanguage.bcp47)}</span></th>
      <th scope="col">Target · ${escapeHtml(targetName)} <span class="lang">${escapeHtml(targetLanguage.bcp47)}</span></th>
      <th scope="col">Review</th>
    </tr></thead>
    <tbody>
${renderRows(alignment, flags)}
    </tbody>
  </table>
</section>
</main>
<footer class="page-footer">${escapeHtml(`${toolInfo.name} ${toolInfo.version}`)} · source SHA-256 ${escapeHtml(alignment.source.sha256.slice(0, 16))}… · target SHA-256 ${escapeHtml(alignment.target.sha256.slice(0, 16))}…</footer>
</body>
</html>
`;
}

function groupFlags(flags: readonly ReportFlag[]): Map<number, ReportFlag[]> {
  const byLink = new Map<number, ReportFlag[]>();
  for (const flag of flags) byLink.set(flag.link, [...(byLink.get(flag.link) ?? []), flag]);
  return byLink;
}

function renderSummary(summary: AlignmentSummary, flagCount: number, progress: ReturnType<typeof reviewProgress>): string {
  const percent = (part: number, whole: number) => (whole > 0 ? `${Math.round((part / whole) * 100)}%` : '–');
  const sideCard = (label: string, side: AlignmentSummary['source']) => `
    <div class="card">
      <p class="card-label">${label} paragraphs covered</p>
      <p class="card-value">${side.covered}<span class="of"> / ${side.paragraphs}</span></p>
      <div class="meter" role="img" aria-label="${percent(side.covered, side.paragraphs)} covered"><span style="width:${percent(side.covered, side.paragraphs) === '–' ? '0%' : percent(side.covered, side.paragraphs)}"></span></div>
      <p class="card-note">${percent(side.covered, side.paragraphs)} · ${side.untranslated} untranslated${side.unlinked > 0 ? ` · <strong class="warn">${side.unlinked} unlinked</strong>` : ''}</p>
    </div>`;
  const tags =
    summary.tags.length > 0
      ? `<ul class="tag-counts">${summary.tags.map(({ tag, count }) => `<li><span class="tag">${escapeHtml(tag)}</span> ${count}</li>`).join('')}</ul>`
      : '<p class="card-note">No tags.</p>';
  const shapes = summary.shapes.map(({ shape, count }) => `${escapeHtml(shape)} × ${count}`).join(' · ');
  return `<section class="summary" aria-label="Summary">
  <div class="cards">${sideCard('Source', summary.source)}${sideCard('Target', summary.target)}
    <div class="card">
      <p class="card-label">Links confirmed</p>
      <p class="card-value">${progress.percent}%</p>
      <div class="meter confirmed" role="img" aria-label="${progress.percent}% confirmed"><span style="width:${progress.percent}%"></span></div>
      <p class="card-note">${progress.confirmed} confirmed · ${progress.auto} to review · ${progress.rejected} rejected, of ${progress.total}</p>
    </div>
    <div class="card">
      <p class="card-label">Mean confidence</p>
      <p class="card-value">${summary.meanConfidence === undefined ? '–' : summary.meanConfidence.toFixed(2)}</p>
      <p class="card-note">${shapes || 'no links'}</p>
      <p class="card-note">${flagCount === 0 ? 'No flags' : `<strong class="warn">${flagCount} flagged link${flagCount === 1 ? '' : 's'}</strong>`}</p>
    </div>
    <div class="card">
      <p class="card-label">Tags</p>
      ${tags}
    </div>
  </div>
</section>`;
}

function renderLegend(): string {
  const swatches = confidenceBands
    .map((band) => `<span class="swatch" style="background:${band.color}"></span>${escapeHtml(band.label)}`)
    .join(' ');
  return `<div class="legend">
      <p><strong>Confidence</strong><br>${swatches}</p>
      <p><span class="swatch outline" style="background:${confidenceColor(0.9)}"></span>confirmed
         <span class="swatch hollow" style="border-color:${confidenceColor(0.5)}"></span>rejected
         <span class="swatch tick"></span>untranslated</p>
      <p class="hint">Each mark is a pair of linked paragraphs; a good alignment is a staircase from top left to bottom right. Click a mark to go to its row.</p>
    </div>`;
}

/** A row of the table: a link, or a paragraph that no link holds. */
type Row =
  | { readonly kind: 'link'; readonly index: number; readonly link: Link }
  | { readonly kind: 'unlinked'; readonly side: 'source' | 'target'; readonly paragraph: number };

/**
 * The rows in order: every link as it comes, and each paragraph that no link
 * holds just before the first link that starts after it on its side.
 */
function orderRows(alignment: Alignment): Row[] {
  const linked = { source: new Set<number>(), target: new Set<number>() };
  for (const link of alignment.links) {
    link.source.forEach((index) => linked.source.add(index));
    link.target.forEach((index) => linked.target.add(index));
  }
  const orphans = {
    source: alignment.source.paragraphs.map((_, index) => index).filter((index) => !linked.source.has(index)),
    target: alignment.target.paragraphs.map((_, index) => index).filter((index) => !linked.target.has(index)),
  };
  const rows: Row[] = [];
  const flush = (side: 'source' | 'target', before: number) => {
    while (orphans[side].length > 0 && orphans[side][0]! < before) rows.push({ kind: 'unlinked', side, paragraph: orphans[side].shift()! });
  };
  alignment.links.forEach((link, index) => {
    if (link.source.length > 0) flush('source', link.source[0]!);
    if (link.target.length > 0) flush('target', link.target[0]!);
    rows.push({ kind: 'link', index, link });
  });
  flush('source', Infinity);
  flush('target', Infinity);
  return rows;
}

function renderRows(alignment: Alignment, flags: ReadonlyMap<number, readonly ReportFlag[]>): string {
  const sourceLanguage = effectiveLanguage(alignment.source.language).bcp47;
  const targetLanguage = effectiveLanguage(alignment.target.language).bcp47;
  return orderRows(alignment)
    .map((row) => {
      if (row.kind === 'unlinked') {
        const cell = paragraphsCell(row.side === 'source' ? alignment.source : alignment.target, [row.paragraph], row.side === 'source' ? sourceLanguage : targetLanguage);
        const empty = '<td class="text empty">Not in any link</td>';
        return `      <tr class="row unlinked"><th scope="row" class="index">–</th>${row.side === 'source' ? `${cell}${empty}` : `${empty}${cell}`}<td class="review"><span class="badge unlinked">unlinked</span></td></tr>`;
      }
      const { link, index } = row;
      const untranslated = link.source.length === 0 || link.target.length === 0;
      const linkFlags = flags.get(index) ?? [];
      const classes = ['row', `status-${link.status}`, untranslated ? 'untranslated' : '', linkFlags.length > 0 ? 'flagged' : ''].filter(Boolean).join(' ');
      const sourceCell = link.source.length > 0 ? paragraphsCell(alignment.source, link.source, sourceLanguage) : '<td class="text empty">No source paragraph</td>';
      const targetCell = link.target.length > 0 ? paragraphsCell(alignment.target, link.target, targetLanguage) : '<td class="text empty">Not translated</td>';
      return `      <tr id="link-${displayNumber(index)}" class="${classes}"><th scope="row" class="index">${displayNumber(index)}</th>${sourceCell}${targetCell}${reviewCell(link, linkFlags)}</tr>`;
    })
    .join('\n');
}

function paragraphsCell(document: BitextDocument, indices: readonly number[], language: string): string {
  const paragraphs = indices.map((index) => {
    let text: string;
    try {
      text = paragraphText(document, index).trim();
    } catch {
      return `<p class="missing">¶${displayNumber(index)}: no such paragraph</p>`;
    }
    return `<p><span class="para">¶${displayNumber(index)}</span>${escapeHtml(text)}</p>`;
  });
  return `<td class="text" lang="${escapeHtml(language)}">${paragraphs.join('')}</td>`;
}

function reviewCell(link: Link, flags: readonly ReportFlag[]): string {
  const confidence = Math.min(1, Math.max(0, link.confidence));
  const parts = [
    `<p class="status-line"><span class="badge ${cssToken(link.status)}">${escapeHtml(statusLabel(link))}</span>`,
    `<span class="confidence" title="confidence ${confidence.toFixed(2)}"><span class="bar"><span style="width:${Math.round(confidence * 100)}%;background:${confidenceColor(confidence)}"></span></span>${confidence.toFixed(2)}</span></p>`,
  ];
  if (link.tags && link.tags.length > 0) parts.push(`<p class="tags">${link.tags.map((tag) => `<span class="tag">${escapeHtml(tag)}</span>`).join('')}</p>`);
  for (const flag of flags) parts.push(`<p class="flag"><span class="flag-kind">${escapeHtml(flag.kind)}</span>${escapeHtml(flag.message)}</p>`);
  if (link.note !== undefined && link.note.trim() !== '') parts.push(`<p class="note">${escapeHtml(link.note)}</p>`);
  return `<td class="review">${parts.join('')}</td>`;
}

function statusLabel(link: Link): string {
  const shape = `${link.source.length}:${link.target.length}`;
  switch (link.status) {
    case 'confirmed':
      return `confirmed · ${shape}`;
    case 'rejected':
      return `rejected · ${shape}`;
    default:
      return `to review · ${shape}`;
  }
}

function formatTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/**
 * The page's CSS. Thai: Noto Sans Thai first (the app bundles it; Linux has
 * it as fonts-noto), then Windows' Leelawadee UI and Tahoma, macOS's Thonburi,
 * then the TLWG fonts of Linux (Loma, Garuda, Waree); a taller line height,
 * because Thai stacks vowels and tone marks above and below the line.
 */
const styles = `
:root {
  --ink: #1d2430; --muted: #5b6675; --line: #d9dde3; --soft: #f4f6f8; --accent: #1f78b4;
  --confirmed: #2e7d4f; --rejected: #b42318; --untranslated: #fff6e0; --unlinked: #fde8e8;
  --latin: "Inter", "Segoe UI", "Noto Sans", "Helvetica Neue", Arial, sans-serif;
  --thai: "Noto Sans Thai", "Noto Sans Thai UI", "Leelawadee UI", "Leelawadee", "Thonburi", "Tahoma", "Loma", "Garuda", "Waree", sans-serif;
}
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; color: var(--ink); background: #fff; font: 14px/1.5 var(--latin); }
:lang(th) { font-family: var(--thai); line-height: 1.75; }
.page-header { padding: 28px 40px 20px; border-bottom: 1px solid var(--line); background: linear-gradient(#f7f9fb, #fff); }
.kicker { margin: 0; color: var(--accent); font-size: 12px; font-weight: 600; letter-spacing: .08em; text-transform: uppercase; }
h1 { margin: 4px 0 14px; font-size: 22px; font-weight: 650; overflow-wrap: anywhere; }
h2 { margin: 0 0 12px; font-size: 15px; font-weight: 650; }
.meta { display: flex; flex-wrap: wrap; gap: 8px 36px; margin: 0; font-size: 13px; }
.meta dt { color: var(--muted); font-size: 11px; text-transform: uppercase; letter-spacing: .05em; }
.meta dd { margin: 0; overflow-wrap: anywhere; }
.lang { display: inline-block; padding: 0 5px; border: 1px solid var(--line); border-radius: 4px; color: var(--muted); font-size: 11px; font-weight: 500; vertical-align: 1px; }
main { padding: 20px 40px 40px; }
section { margin-bottom: 28px; }
.cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(190px, 1fr)); gap: 12px; }
.card { padding: 12px 14px; border: 1px solid var(--line); border-radius: 8px; background: #fff; break-inside: avoid; }
.card-label { margin: 0; color: var(--muted); font-size: 12px; }
.card-value { margin: 2px 0 6px; font-size: 24px; font-weight: 650; }
.card-value .of { color: var(--muted); font-size: 15px; font-weight: 500; }
.card-note { margin: 4px 0 0; color: var(--muted); font-size: 12px; }
.warn { color: var(--rejected); }
.meter { height: 6px; border-radius: 3px; background: var(--soft); overflow: hidden; }
.meter span { display: block; height: 100%; background: var(--accent); }
.meter.confirmed span { background: var(--confirmed); }
.tag-counts { display: flex; flex-wrap: wrap; gap: 6px; margin: 6px 0 0; padding: 0; list-style: none; font-size: 12px; color: var(--muted); }
.plot-body { display: flex; flex-wrap: wrap; gap: 20px; align-items: flex-start; }
figure { margin: 0; padding: 8px; border: 1px solid var(--line); border-radius: 8px; }
.dot-plot { display: block; max-width: 100%; height: auto; font-family: var(--latin); }
.dot-plot .tick { font-size: 10px; fill: var(--muted); }
.dot-plot .axis { font-size: 11px; fill: var(--ink); }
.dot-plot a:hover rect { stroke: var(--ink); stroke-width: 2; }
.legend { max-width: 340px; font-size: 12px; color: var(--muted); }
.legend p { margin: 0 0 10px; line-height: 1.9; }
.legend p .swatch:first-of-type { margin-left: 0; }
.swatch { display: inline-block; width: 12px; height: 12px; margin: 0 4px 0 10px; border-radius: 2px; vertical-align: -2px; }
.swatch.outline { outline: 1.5px solid var(--ink); outline-offset: -1.5px; }
.swatch.hollow { border: 1.5px dashed; background: none; }
.swatch.tick { height: 5px; background: #9aa3ae; vertical-align: 1px; }
.hint { font-style: italic; }
table.bitext { width: 100%; border-collapse: separate; border-spacing: 0; table-layout: fixed; border: 1px solid var(--line); border-radius: 8px; }
col.c-index { width: 44px; } col.c-review { width: 220px; }
thead th { position: sticky; top: 0; z-index: 1; padding: 9px 12px; background: var(--soft); border-bottom: 1px solid var(--line); text-align: left; font-size: 12px; font-weight: 600; }
thead th:first-child { border-top-left-radius: 8px; } thead th:last-child { border-top-right-radius: 8px; }
tbody td, tbody th { padding: 10px 12px; border-bottom: 1px solid var(--line); vertical-align: top; }
tbody tr:last-child td, tbody tr:last-child th { border-bottom: 0; }
tr.row { break-inside: avoid; page-break-inside: avoid; }
tr:target { outline: 2px solid var(--accent); outline-offset: -2px; }
th.index { color: var(--muted); font-size: 12px; font-weight: 500; text-align: right; }
td.text { overflow-wrap: anywhere; }
td.text p { margin: 0 0 6px; } td.text p:last-child { margin-bottom: 0; }
.para { display: inline-block; min-width: 26px; margin-right: 6px; color: #8a94a3; font: 500 11px var(--latin); }
td.empty { color: #9a6b00; font-size: 12px; font-style: italic; }
tr.untranslated td, tr.untranslated th { background: var(--untranslated); }
tr.untranslated td.text:not(.empty) { color: #4a5361; }
tr.unlinked td, tr.unlinked th { background: var(--unlinked); }
tr.status-confirmed th.index { box-shadow: inset 3px 0 0 var(--confirmed); }
tr.status-rejected td.text { text-decoration: line-through; text-decoration-color: rgba(180, 35, 24, .5); }
tr.flagged th.index { box-shadow: inset 3px 0 0 var(--rejected); }
.review p { margin: 0 0 6px; font-size: 12px; }
.status-line { display: flex; flex-wrap: wrap; align-items: center; gap: 8px; }
.badge { display: inline-block; padding: 1px 8px; border-radius: 10px; background: var(--soft); color: var(--muted); font-size: 11px; font-weight: 600; white-space: nowrap; }
.badge.confirmed { background: #e3f3e8; color: var(--confirmed); }
.badge.rejected { background: #fde8e8; color: var(--rejected); }
.badge.unlinked { background: #fde8e8; color: var(--rejected); }
.confidence { display: inline-flex; align-items: center; gap: 6px; color: var(--muted); font-variant-numeric: tabular-nums; }
.bar { display: inline-block; width: 54px; height: 6px; border-radius: 3px; background: var(--soft); overflow: hidden; }
.bar span { display: block; height: 100%; }
.tags { display: flex; flex-wrap: wrap; gap: 4px; }
.tag { display: inline-block; padding: 0 7px; border: 1px solid #c8d3e0; border-radius: 10px; background: #f3f7fb; color: #34506e; font-size: 11px; overflow-wrap: anywhere; }
.flag { padding: 4px 8px; border-left: 3px solid var(--rejected); background: #fdf1f0; color: #6e1d16; }
.flag-kind { margin-right: 6px; font-weight: 600; }
.note { padding: 4px 8px; border-left: 3px solid #c9a227; background: #fffbea; color: #5c4a0b; white-space: pre-wrap; overflow-wrap: anywhere; }
.missing { color: var(--rejected); }
.page-footer { padding: 14px 40px 28px; color: var(--muted); font-size: 11px; }
@media print {
  @page { size: A4 landscape; margin: 12mm; }
  body { font-size: 10.5pt; }
  .page-header { padding: 0 0 10px; background: none; }
  main { padding: 12px 0 0; }
  .page-footer { padding: 10px 0 0; }
  thead { display: table-header-group; }
  thead th { position: static; }
  .plot, .summary { break-inside: avoid; }
  .pairs { break-before: page; }
  .hint { display: none; }
  a { color: inherit; text-decoration: none; }
}
`;
