/**
 * Escaping for the HTML report and the SVG dot plot. Everything from a
 * document or an alignment file (paragraph text, notes, tags, file names) is
 * data and goes through one of these before it reaches markup.
 */

const entities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Text made safe for HTML or SVG text content and for quoted attribute values:
 * `& < > " '` as entities, and the control characters that are parse errors in
 * HTML and fatal in SVG-as-XML (C0 controls but tab, LF and CR; U+FFFE, U+FFFF;
 * lone surrogates) dropped.
 */
export function escapeHtml(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '')
    .replace(/[&<>"']/g, (char) => entities[char]!);
}

/** A value for an `id` or `class` token: only letters, digits, `-` and `_` survive. */
export function cssToken(text: string): string {
  return text.replace(/[^A-Za-z0-9_-]/g, '-');
}
