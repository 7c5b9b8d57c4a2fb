/**
 * How the benchmarks print: aligned plain-text tables on a terminal, Markdown
 * with `--markdown` (for the README).
 */

/** Whether this run prints Markdown. */
export const markdown = process.argv.includes('--markdown');

/** A number with `digits` decimals, `–` for NaN. */
export const fixed = (value: number, digits = 3): string => (Number.isNaN(value) ? '–' : value.toFixed(digits));

/** ✓ or ✗. */
export const mark = (ok: boolean): string => (ok ? '✓' : '✗');

/** A table: the first column left-aligned, the others right-aligned. */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  if (markdown) {
    const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
    return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
  }
  const widths = header.map((cell, column) => Math.max(cell.length, ...rows.map((row) => row[column]!.length)));
  const line = (cells: readonly string[]) => cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join('  ');
  return [line(header), widths.map((width) => '─'.repeat(width)).join('  '), ...rows.map(line)].join('\n');
}

/** A section heading. */
export function heading(text: string): string {
  return markdown ? `\n### ${text}\n` : `\n${text}\n`;
}
