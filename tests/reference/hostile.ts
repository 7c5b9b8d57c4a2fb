/**
 * Hostile text for the export and report tests: markup, attribute breakers, a
 * CDATA end, things that look like entity references, and characters XML
 * forbids (C0 controls, U+FFFE, a lone surrogate).
 */
export const hostile =
  '<script>alert(1)</script> "><img src=x onerror=alert(1)> ]]> &amp; &foo; &#38; AT&T \u0000\u0001\u0008\u000B\u001F\uFFFE\uD800 end';

/** What {@link hostile} is in every export: the lone surrogate made U+FFFD (see `exportText`). */
export const hostileExported = hostile.replace('\uD800', '\uFFFD');

/** What {@link hostile} must read back as from XML: also without the characters XML forbids. */
export const hostileClean = '<script>alert(1)</script> "><img src=x onerror=alert(1)> ]]> &amp; &foo; &#38; AT&T \uFFFD end';

/** Characters XML 1.0 forbids, for asserting that none reached a file. */
export const forbiddenXmlCharacters = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
