/**
 * One open of the benchmark pair (bench/ui.ts's saved alignment) in a fresh
 * page with a Chromium trace (DevTools protocol Tracing: devtools.timeline, v8,
 * blink), summarised as the renderer main thread's long tasks from navigation
 * to `data-ready` and on until every line is wrapped as measured (`data-wrapping`
 * gone: the lines out of view are measured in idle time), the resources'
 * arrival, and the paints. The CPU profile (`--cpu`) ends at `data-ready`.
 *
 * Run: `node --import tsx bench/open-trace.ts [--paragraphs N] [--pair] [--untraced N] [--cpu] [--trace out.json] [--screenshot page.png]`
 * (`--trace` also writes the raw trace, which chrome://tracing or DevTools' Performance panel opens,
 * and with `--cpu` the profile beside it as .cpuprofile).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startHttpHost } from '../electron/http-host.ts';
import { chromiumArgs, chromiumPath } from '../tests/e2e/chromium.ts';
import { createSettingsStore } from '../electron/services/settings.ts';
import { createWorkbenchService } from '../electron/services/workbench-service.ts';
import { writeUiPair } from './ui-pair.ts';

interface TraceEvent {
  readonly name: string;
  readonly cat: string;
  readonly ph: string;
  readonly ts: number;
  readonly dur?: number;
  readonly pid: number;
  readonly tid: number;
  readonly args?: { data?: Record<string, unknown>; name?: string };
}

const root = fileURLToPath(new URL('..', import.meta.url));
const option = (name: string) => {
  const index = process.argv.indexOf(name);
  return index >= 0 ? process.argv[index + 1] : undefined;
};
const paragraphs = Number(option('--paragraphs') ?? 5000);
const traceFile = option('--trace');
/** `--pair`: the pair given at start-up (read by the host, aligned in the page's worker) instead of the saved alignment. */
const startupPair = process.argv.includes('--pair');
/** `--screenshot FILE`: a PNG of the page once it is ready. */
const screenshot = option('--screenshot');
/** `--untraced N`: first N opens without the trace or profiler (their overhead is large), timed only. */
const untraced = Number(option('--untraced') ?? 0);
/** `--cpu`: also V8's sampling profile of the open, as self time per function. */
const cpu = process.argv.includes('--cpu');

interface CpuProfile {
  readonly nodes: readonly { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[];
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

/** The 25 functions with the most self time. */
function selfTimes(profile: CpuProfile): string {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map<string, number>();
  profile.samples.forEach((id, index) => {
    const frame = byId.get(id)?.callFrame;
    if (!frame || frame.functionName === '(idle)') return;
    const key = `${frame.functionName || '(anonymous)'} ${frame.url.split('/').pop() ?? ''}:${frame.lineNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas[index] ?? 0) / 1000);
  });
  return [...self].sort((a, b) => b[1] - a[1]).slice(0, 25).map(([name, time]) => `${time.toFixed(1).padStart(8)} ms  ${name}`).join('\n');
}

/** The renderer main thread's work from navigation: long tasks with what ran inside them, resources, paints. */
function summarise(events: readonly TraceEvent[]): string {
  const threadNames = new Map<string, string>();
  for (const event of events) if (event.ph === 'M' && event.name === 'thread_name') threadNames.set(`${event.pid}:${event.tid}`, String(event.args?.name));
  const navigation = events.find((event) => event.name === 'navigationStart' && (event.args?.data as { isLoadingMainFrame?: boolean } | undefined)?.isLoadingMainFrame);
  const main = events.filter((event) => threadNames.get(`${event.pid}:${event.tid}`) === 'CrRendererMain');
  const mainPid = navigation?.pid ?? main[0]?.pid;
  const t0 = navigation?.ts ?? Math.min(...main.map((event) => event.ts));
  const ms = (ts: number) => ((ts - t0) / 1000).toFixed(0).padStart(5);
  const lines: string[] = [];
  const onMain = main.filter((event) => event.pid === mainPid);
  const tasks = onMain.filter((event) => event.name === 'RunTask' && event.ph === 'X' && (event.dur ?? 0) > 15_000).sort((a, b) => a.ts - b.ts);
  const inner = onMain.filter((event) => event.ph === 'X' && event.name !== 'RunTask' && (event.dur ?? 0) > 8_000);
  for (const task of tasks) {
    lines.push(`${ms(task.ts)} ms  task ${((task.dur ?? 0) / 1000).toFixed(0)} ms`);
    const children = inner.filter((event) => event.ts >= task.ts && event.ts + (event.dur ?? 0) <= task.ts + (task.dur ?? 0));
    for (const child of children.slice(0, 14)) {
      const data = child.args?.data ?? {};
      const what = String(data['url'] ?? data['functionName'] ?? data['fileName'] ?? '').split('/').pop();
      lines.push(`        ${ms(child.ts)} +${((child.dur ?? 0) / 1000).toFixed(0).padStart(4)} ms  ${child.name} ${what}`);
    }
  }
  for (const event of events.filter((e) => e.pid === mainPid || e.name.startsWith('Resource'))) {
    if (['firstContentfulPaint', 'firstPaint', 'domContentLoadedEventEnd', 'MarkDOMContent', 'MarkLoad'].includes(event.name)) lines.push(`${ms(event.ts)} ms  ${event.name}`);
  }
  const sends = events.filter((event) => event.name === 'ResourceSendRequest');
  const finishes = new Map(events.filter((event) => event.name === 'ResourceFinish').map((event) => [event.args?.data?.['requestId'], event]));
  for (const send of sends) {
    const id = send.args?.data?.['requestId'];
    const finish = finishes.get(id);
    lines.push(`${ms(send.ts)} ms  request ${String(send.args?.data?.['url']).split('/').pop()?.slice(0, 60)} → finished ${finish ? ms(finish.ts) : '?'} ms`);
  }
  return lines.join('\n');
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'bitext-open-trace-'));
  const workspace = join(dir, 'workspace');
  mkdirSync(workspace);
  try {
    const pair = await writeUiPair(workspace, paragraphs);
    const service = createWorkbenchService({
      host: 'browser',
      rootDir: root,
      workspace,
      settings: createSettingsStore(join(dir, 'settings.json')),
      recoveryDir: join(dir, 'recovery'),
      ...(startupPair ? { initial: { kind: 'pair' as const, source: pair.source, target: pair.target } } : {}),
    });
    const host = await startHttpHost({ api: service, assetsDir: option('--assets') ?? join(root, 'dist', 'renderer') });
    const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
    try {
      for (let run = 0; run < untraced; run++) {
        const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, colorScheme: 'light' });
        await page.goto(`${startupPair ? host.url : `${host.url}&open=big.bitext`}`);
        await page.waitForFunction(() => document.documentElement.dataset.ready !== undefined, null, { timeout: 300_000 });
        const times = (await page.evaluate("[performance.now(), performance.getEntriesByType('paint').find((e) => e.name === 'first-contentful-paint')?.startTime ?? -1]")) as number[];
        await page.waitForFunction(() => document.documentElement.dataset.wrapping === undefined, null, { timeout: 300_000 });
        const wrapped = (await page.evaluate('performance.now()')) as number;
        console.log(`untraced open ${run + 1}: ready ${times[0]!.toFixed(0)} ms, first contentful paint ${times[1]!.toFixed(0)} ms, every line wrapped as measured ${wrapped.toFixed(0)} ms`);
        await page.close();
      }
      const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, colorScheme: 'light' });
      const session = await page.context().newCDPSession(page);
      const events: TraceEvent[] = [];
      session.on('Tracing.dataCollected', ({ value }) => events.push(...(value as unknown as TraceEvent[])));
      const complete = new Promise<void>((done) => session.once('Tracing.tracingComplete', () => done()));
      await session.send('Tracing.start', {
        transferMode: 'ReportEvents',
        traceConfig: { includedCategories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'v8.execute', 'blink', 'loading', 'blink.user_timing', 'disabled-by-default-v8.compile'] },
      });
      if (cpu) {
        await session.send('Profiler.enable');
        await session.send('Profiler.setSamplingInterval', { interval: 500 });
        await session.send('Profiler.start');
      }
      await page.goto(`${startupPair ? host.url : `${host.url}&open=big.bitext`}`);
      await page.waitForFunction(() => document.documentElement.dataset.ready !== undefined, null, { timeout: 300_000 });
      const ready = (await page.evaluate('performance.now()')) as number;
      const fcp = (await page.evaluate("performance.getEntriesByType('paint').find((e) => e.name === 'first-contentful-paint')?.startTime ?? -1")) as number;
      const cpuProfile = cpu ? ((await session.send('Profiler.stop')) as { profile: CpuProfile }).profile : undefined;
      await page.waitForFunction(() => document.documentElement.dataset.wrapping === undefined, null, { timeout: 300_000 });
      const wrapped = (await page.evaluate('performance.now()')) as number;
      await session.send('Tracing.end');
      if (screenshot) await page.screenshot({ path: screenshot });
      await complete;
      if (traceFile) writeFileSync(traceFile, JSON.stringify({ traceEvents: events }));
      if (traceFile && cpuProfile) writeFileSync(traceFile.replace(/(\.json)?$/u, '.cpuprofile'), JSON.stringify(cpuProfile));
      console.log(`ready ${ready.toFixed(0)} ms, first contentful paint ${fcp.toFixed(0)} ms, every line wrapped as measured ${wrapped.toFixed(0)} ms (from navigation)`);
      console.log(summarise(events));
      if (cpuProfile) console.log(`\nSelf time by function (V8 sampling profiler):\n${selfTimes(cpuProfile)}`);
    } finally {
      await browser.close();
      await host.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack ?? error.message : error);
  process.exit(1);
});
