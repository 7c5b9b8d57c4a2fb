/**
 * How the end-to-end tests and the UI benchmark start Chromium: Debian's build
 * (Playwright's own browsers cannot be downloaded on these machines), with the
 * flags that keep it from stalling on a closed network, in a fresh profile
 * (playwright-core's `launch` makes a new temporary one each time).
 */

/** Debian's Chromium; `BITEXT_CHROMIUM` names another build. */
export const chromiumPath = process.env['BITEXT_CHROMIUM'] ?? '/usr/bin/chromium';

/** No sandbox (root in CI), no GPU, and none of the background connections a closed network would hang. */
export const chromiumArgs: string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
