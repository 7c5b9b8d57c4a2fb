/**
 * Document text is data, everywhere: hostile strings in file names, paragraph
 * texts, notes, tags and flags, shown by the real renderer (dist/renderer, built
 * by `node scripts/build.js --renderer`) through the browser host in Debian's
 * Chromium, and in the HTML review report (shared/report/html.ts) loaded in
 * Chromium with JavaScript on. Nothing may run (`window.__pwned` stays unset),
 * no element may appear that the strings spell (img, script, svg with onload,
 * iframe, a javascript: link, an inline event handler), no Content-Security-
 * Policy violation may be reported (so nothing even tried), and the strings are
 * shown literally.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startHttpHost, type HttpHost } from '../../electron/http-host.ts';
import { chromiumArgs, chromiumPath } from './chromium.ts';
import { createSettingsStore } from '../../electron/services/settings.ts';
import { createWorkbenchService, type WorkbenchService } from '../../electron/services/workbench-service.ts';
import { renderReport } from '../../shared/report/html.ts';
import { rendererContentSecurityPolicy } from '../../shared/api.ts';
import type { Alignment } from '../../shared/model/alignment.ts';

const root = resolve(import.meta.dirname, '..', '..');

/** Strings that become markup or code wherever text is mistaken for HTML (or a URL, or a template). */
const hostile = [
  '<img src=x onerror=window.__pwned=1>',
  '<script>window.__pwned=1</script>',
  '"><svg onload=window.__pwned=1>',
  "'><svg/onload=window.__pwned=1><b>bold</b>",
  'javascript:window.__pwned=1',
  '<a href="javascript:window.__pwned=1">click me</a>',
  '<iframe srcdoc="<script>parent.__pwned=1</script>"></iframe>',
  // Right-to-left override: "txt.exe" shows as "exe.txt"; the character must stay a character.
  '\u202Etxt.exe\u202C &lt;not an entity&gt; &amp;amp;',
  '${window.__pwned=1} {{constructor.constructor("window.__pwned=1")()}}',
];

/** File names (a file name cannot hold a slash, so the `</script>` ones stay in the text). */
const sourceName = '<img src=x onerror=window.__pwned=1>\u202Etxt.exe.en.txt';
const targetName = '"><svg onload=window.__pwned=1> javascript:window.__pwned=1.fr.txt';

const englishLines = [
  'The minister said the talks would continue next week in the capital.',
  'Officials from both countries met on Tuesday to discuss trade and security.',
  'The agreement covers fishing rights, tariffs and the exchange of students.',
  'Critics warned that the deal leaves many questions without an answer.',
  'A final text is expected before the end of the year, the ministry said.',
  'Markets rose slightly after the announcement on Wednesday morning.',
  'The opposition asked for a debate in parliament before any signature.',
  'Both governments promised to publish the full text once it is signed.',
  'Analysts expect the first effects to be felt in the spring.',
];
const frenchLines = [
  'Le ministre a déclaré que les discussions se poursuivraient la semaine prochaine dans la capitale.',
  'Des responsables des deux pays se sont réunis mardi pour parler de commerce et de sécurité.',
  "L'accord couvre les droits de pêche, les droits de douane et l'échange d'étudiants.",
  "Les critiques ont averti que l'accord laisse de nombreuses questions sans réponse.",
  "Un texte final est attendu avant la fin de l'année, a indiqué le ministère.",
  "Les marchés ont légèrement progressé après l'annonce mercredi matin.",
  "L'opposition a demandé un débat au parlement avant toute signature.",
  'Les deux gouvernements ont promis de publier le texte intégral une fois signé.',
  'Les analystes attendent les premiers effets au printemps.',
];

/** What the page looks like to an attacker: anything that ran, or markup that the strings became. */
interface Exposure {
  readonly pwned: unknown;
  readonly images: string[];
  readonly scripts: string[];
  readonly handlers: string[];
  readonly frames: number;
  readonly javascriptUrls: string[];
  readonly bold: number;
  readonly violations: string[];
}

const exposureScript = `(() => ({
  pwned: window.__pwned,
  images: [...document.querySelectorAll('img, image')].map((element) => element.outerHTML.slice(0, 120)),
  scripts: [...document.scripts].map((script) => script.src ? new URL(script.src).pathname : 'inline: ' + script.textContent.slice(0, 60)),
  handlers: [...document.querySelectorAll('*')].flatMap((element) => [...element.attributes].filter((attribute) => /^on/i.test(attribute.name)).map((attribute) => element.tagName + ' ' + attribute.name)),
  frames: document.querySelectorAll('iframe, frame, object, embed').length,
  javascriptUrls: [...document.querySelectorAll('*')].flatMap((element) => [...element.attributes].filter((attribute) => /^\\s*javascript:/i.test(attribute.value) && /^(href|src|action|formaction|xlink:href|data)$/i.test(attribute.name)).map((attribute) => element.tagName + ' ' + attribute.name)),
  bold: document.querySelectorAll('b').length,
  violations: window.__violations ?? [],
}))()`;

/** Collects CSP violations from the page's first moment (init scripts are not subject to the page's CSP). */
const recordViolations = `window.__violations = [];
document.addEventListener('securitypolicyviolation', (event) => window.__violations.push(event.effectiveDirective + ' ' + event.blockedURI + ' ' + (event.sample || '')));`;

function assertInert(exposure: Exposure, where: string, scripts: (paths: string[]) => void): void {
  assert.equal(exposure.pwned, undefined, `${where}: a hostile string ran`);
  assert.deepEqual(exposure.images, [], `${where}: images`);
  scripts(exposure.scripts);
  assert.deepEqual(exposure.handlers, [], `${where}: inline event handlers`);
  assert.equal(exposure.frames, 0, `${where}: frames`);
  assert.deepEqual(exposure.javascriptUrls, [], `${where}: javascript: URLs`);
  assert.equal(exposure.bold, 0, `${where}: <b> became an element`);
  assert.deepEqual(exposure.violations, [], `${where}: CSP violations (something tried)`);
}

/** The text an editor shows (Monaco draws spaces as no-break spaces). */
async function editorText(page: Page, side: 'source' | 'target'): Promise<string> {
  return ((await page.locator(`#${side}-editor .view-lines`).textContent()) ?? '').replace(/\u00a0/g, ' ');
}

async function waitReady(page: Page): Promise<void> {
  await page.waitForFunction(() => document.documentElement.dataset.ready !== undefined, null, { timeout: 60_000 });
  assert.equal(await page.evaluate(() => document.documentElement.dataset.ready), 'true', 'the workbench started');
}

describe('hostile strings stay text', { skip: existsSync(chromiumPath) ? false : `no Chromium at ${chromiumPath}` }, () => {
  let dir: string;
  let workspace: string;
  let service: WorkbenchService;
  let host: HttpHost;
  let browser: Browser;
  let annotated: Alignment;
  const errors: string[] = [];

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'bitext-hostile-'));
    workspace = join(dir, 'workspace');
    mkdirSync(workspace);
    // Each paragraph: an ordinary sentence, then a hostile string.
    const source = join(workspace, sourceName);
    const target = join(workspace, targetName);
    writeFileSync(source, englishLines.map((line, index) => `${line} ${hostile[index]}`).join('\n') + '\n');
    writeFileSync(target, frenchLines.map((line, index) => `${line} ${hostile[index]}`).join('\n') + '\n');
    service = createWorkbenchService({
      host: 'browser',
      rootDir: root,
      initial: { kind: 'pair', source, target },
      workspace,
      settings: createSettingsStore(join(dir, 'settings.json')),
    });
    // The same pair with a hostile note and tags on every link, saved as an alignment the page reopens.
    const session = await service.openInitial({});
    annotated = {
      ...session.alignment,
      links: session.alignment.links.map((link, index) => ({
        ...link,
        note: `${hostile[index % hostile.length]}\n${hostile[(index + 1) % hostile.length]}`,
        tags: [hostile[(index + 2) % hostile.length]!, hostile[(index + 3) % hostile.length]!],
      })),
    };
    await service.saveAlignment({ alignment: annotated, path: 'hostile.bitext' });
    host = await startHttpHost({ api: service, assetsDir: join(root, 'dist', 'renderer') });
    browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
  });

  after(async () => {
    await browser?.close();
    await host?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function open(url: string): Promise<Page> {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.addInitScript(recordViolations);
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    await page.goto(url);
    await waitReady(page);
    return page;
  }

  const appScripts = (paths: string[]) => {
    assert.ok(paths.length > 0 && paths.every((path) => /^\/assets\/[\w.-]+\.js$/.test(path)), `only the app's own scripts: ${paths.join(', ')}`);
  };

  test('hostile file names and paragraph texts are shown literally in the workbench, and nothing runs', async () => {
    const page = await open(host.url);
    assert.equal(await page.locator('#source-header .doc-name').textContent(), sourceName);
    assert.equal(await page.locator('#target-header .doc-name').textContent(), targetName);
    assert.equal(await page.locator('#source-header .doc-name').getAttribute('title'), join(workspace, sourceName));
    const source = await editorText(page, 'source');
    const target = await editorText(page, 'target');
    // Every string but the one with bidirectional controls, which Monaco may draw as a visible marker.
    for (const text of hostile.filter((candidate) => !/[\u202A-\u202E]/.test(candidate))) {
      assert.ok(source.includes(text), `the original shows ${text}`);
      assert.ok(target.includes(text), `the translation shows ${text}`);
    }
    assert.ok(source.includes('&lt;not an entity&gt; &amp;amp;'), 'entities are not decoded');
    // Panels and dialogs that show the file names: the dot plot, Save as…
    const dotPlot = page.getByTestId('toggle-dot-plot');
    if ((await dotPlot.count()) > 0) {
      await dotPlot.click();
      await page.waitForTimeout(300);
      const plot = await page.evaluate(() => document.querySelector('[data-testid=dot-plot-caption]')?.textContent ?? '');
      assert.ok(plot.includes(sourceName), 'the dot plot labels its axis with the file name, as text');
    }
    await page.getByTestId('save-as').click();
    const name = page.getByTestId('save-name');
    await name.waitFor();
    await page.keyboard.press('Escape');
    assertInert((await page.evaluate(exposureScript)) as Exposure, 'workbench', appScripts);
    await page.close();
  });

  test('hostile notes and tags, saved in an alignment and reopened, are shown literally, and nothing runs', async (context) => {
    const page = await open(`${host.url}&open=hostile.bitext`);
    assert.equal(await page.getByTestId('title').textContent(), 'hostile.bitext');
    assert.equal(await page.locator('#source-header .doc-name').textContent(), sourceName);
    // The review panel shows the selected link's note and tags (where this build has it).
    const notes = page.getByTestId('note');
    if ((await page.getByTestId('review-grid').count()) > 0) {
      await page.getByTestId('review-grid').locator('[data-link="0"], [data-index="0"]').first().click().catch(() => undefined);
      await notes.first().waitFor({ timeout: 5000 });
      const shown = await notes.first().evaluate((element) => ('value' in element ? String((element as HTMLTextAreaElement).value) : element.textContent ?? ''));
      const link = annotated.links.find((candidate) => candidate.note === shown);
      assert.ok(link, `a note is shown as written: ${JSON.stringify(shown)}`);
      const details = (await page.getByTestId('review-details').textContent()) ?? '';
      for (const tag of link.tags ?? []) assert.ok(details.includes(tag), `its tag ${JSON.stringify(tag)} is shown as written`);
      context.diagnostic('the review panel showed a hostile note and tags');
    } else context.diagnostic('this build has no review panel: notes and tags are in the page only as data');
    assertInert((await page.evaluate(exposureScript)) as Exposure, 'reopened alignment', appScripts);
    await page.close();
  });

  test('no errors in the pages', () => {
    assert.deepEqual(errors, []);
  });

  test('the HTML review report of hostile text runs nothing in Chromium, with its CSP and without it', async () => {
    const flags = [{ link: 0, kind: hostile[0]!, message: hostile[1]! }];
    const report = renderReport(annotated, { title: hostile.join(' '), flags, now: new Date('2024-01-01T00:00:00Z') });
    // The report's own CSP forbids scripts; without it, escaping alone must keep the strings inert.
    const withoutCsp = report.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, '');
    assert.notEqual(withoutCsp, report, 'the report has a CSP meta element to remove');
    for (const [name, html] of [['report.html', report], ['report-without-csp.html', withoutCsp]] as const) {
      const file = join(dir, name);
      writeFileSync(file, html);
      const page = await browser.newPage({ javaScriptEnabled: true });
      await page.addInitScript(recordViolations);
      const pageErrors: string[] = [];
      page.on('pageerror', (error) => pageErrors.push(error.message));
      await page.goto(pathToFileURL(file).href);
      await page.waitForLoadState('load');
      // The only scripts in the page are none at all.
      assertInert((await page.evaluate(exposureScript)) as Exposure, name, (paths) => assert.deepEqual(paths, [], `${name}: scripts`));
      assert.deepEqual(pageErrors, [], name);
      assert.equal(await page.locator('svg').count(), 1, `${name}: the dot plot is the only svg`);
      // Shown as written: title, file names, paragraphs, notes, tags, flags.
      assert.equal(await page.locator('h1').textContent(), hostile.join(' ').replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, ''));
      const meta = (await page.locator('.meta').textContent()) ?? '';
      assert.ok(meta.includes(sourceName) && meta.includes(targetName), `${name}: file names`);
      const cells = await page.locator('td.text').allTextContents();
      for (const text of hostile) assert.ok(cells.some((cell) => cell.includes(text)), `${name}: paragraph text ${text}`);
      const notes = await page.locator('.note').allTextContents();
      assert.deepEqual(notes, annotated.links.map((link) => link.note), `${name}: notes`);
      const tags = await page.locator('.review .tag').allTextContents();
      assert.deepEqual(tags, annotated.links.flatMap((link) => link.tags ?? []), `${name}: tags`);
      assert.equal(await page.locator('.flag-kind').first().textContent(), hostile[0]);
      await page.close();
    }
  });
});

describe('the renderer’s CSP in Chromium', { skip: existsSync(chromiumPath) ? false : `no Chromium at ${chromiumPath}` }, () => {
  let dir: string;
  let host: HttpHost;
  let browser: Browser;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'bitext-csp-'));
    const service = createWorkbenchService({ host: 'browser', rootDir: root, workspace: join(dir, 'workspace'), settings: createSettingsStore(join(dir, 'settings.json')) });
    host = await startHttpHost({ api: service, assetsDir: join(root, 'dist', 'renderer') });
    browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
  });

  after(async () => {
    await browser?.close();
    await host?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /**
   * Runs the workbench on the corpus sample under `policy` (sent as the header, the meta element
   * taken out), makes Monaco start its worker, and returns the directives Chromium reported.
   */
  async function violationsUnder(policy: string): Promise<string[]> {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.addInitScript(recordViolations);
    await page.route('**/*', async (route) => {
      const response = await route.fetch();
      let body = await response.body();
      const headers: Record<string, string> = { ...response.headers(), 'content-security-policy': policy };
      if ((headers['content-type'] ?? '').startsWith('text/html')) {
        body = Buffer.from(body.toString('utf8').replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, ''));
      }
      await route.fulfill({ status: response.status(), headers, body });
    });
    // Chromium also says so on the console ("… violates the following Content Security Policy directive: "worker-src …"").
    const refused: string[] = [];
    page.on('console', (message) => {
      const match = /Content Security Policy directive:? "?([a-z-]+)/.exec(message.text());
      if (match) refused.push(match[1]!);
    });
    await page.goto(host.url);
    // A page whose scripts or API calls are refused never gets ready: a violation is enough to go on.
    await page
      // A function, not a string: Playwright compiles a string predicate with eval, which the CSP refuses (and reports).
      .waitForFunction(() => document.documentElement.dataset.ready !== undefined || (window as unknown as { __violations: string[] }).__violations.length > 0, null, { timeout: 30_000 })
      .catch(() => undefined);
    if ((await page.evaluate(() => document.documentElement.dataset.ready)) === 'true') {
      // Monaco starts its worker when a feature needs it; ask for it as Monaco does, and wait for it to answer or fail.
      await page.evaluate(`new Promise((done) => {
        const worker = self.MonacoEnvironment.getWorker('check', 'editorWorkerService');
        worker.onerror = () => done(undefined);
        worker.onmessage = () => done(undefined);
        setTimeout(() => done(undefined), 3000);
      })`);
      await page.waitForTimeout(200);
    }
    const violations = [...((await page.evaluate('window.__violations')) as string[]), ...refused];
    await page.unrouteAll({ behavior: 'ignoreErrors' });
    await page.close();
    return [...new Set(violations.map((violation) => violation.split(' ')[0]!))].sort();
  }

  test('the CSP allows what the workbench needs and no more: each allowance taken away breaks something', async () => {
    assert.deepEqual(await violationsUnder(rendererContentSecurityPolicy), [], 'the policy as it is: no violation');
    const without: [string, string, RegExp][] = [
      ["script-src 'self'", "script-src 'none'", /^script-src/],
      ["style-src 'self' 'unsafe-inline'", "style-src 'self'", /^style-src-(attr|elem)$/],
      ["font-src 'self'", "font-src 'none'", /^font-src$/],
      ["img-src 'self' data:", "img-src 'self'", /^img-src$/],
      ["worker-src 'self'", "worker-src 'none'", /^worker-src$/],
      ["connect-src 'self'", "connect-src 'none'", /^connect-src$/],
    ];
    for (const [allowance, instead, directive] of without) {
      assert.ok(rendererContentSecurityPolicy.includes(allowance), allowance);
      const found = await violationsUnder(rendererContentSecurityPolicy.replace(allowance, instead));
      assert.ok(found.some((name) => directive.test(name)), `without ${allowance}: ${found.join(', ') || 'no violation'}`);
    }
  });
});
