/**
 * The crash test of atomic saves: a child process saves two large alignments
 * (a few MB each) over one path in turn, and is killed with SIGKILL at random
 * moments, at least 200 times. After every kill the file at the path must be
 * whole, parse as an alignment, and be exactly the old or the new one; the
 * `.bak` likewise. A control run with a plain `fs.writeFile` shows that the
 * same kills do tear a file written in place, so the check can fail.
 *
 * The child is bundled once with esbuild (tsx's own compiler, always
 * installed with it): starting it through tsx costs 0.3 s, too slow for
 * hundreds of kills.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { parseAlignmentFile, serializeAlignment } from '../../../shared/formats/alignment-json.ts';
import { listTempFiles, removeStaleTempFiles, writeFileAtomic } from '../../../electron/services/atomic-write.ts';
import { loadAlignment } from '../../../electron/services/alignment-store.ts';
import { largeAlignment, randomGenerator } from '../../fixtures/alignment-files/make-alignment.ts';

/** Kills in the atomic run; at least 200. `BITEXT_KILLS` raises it for a longer soak. */
const kills = Math.max(200, Number(process.env['BITEXT_KILLS'] ?? 0) || 0);

interface Setup {
  readonly dir: string;
  readonly child: string;
  readonly payloads: readonly [Buffer, Buffer];
  readonly payloadFiles: readonly [string, string];
}

async function setUp(): Promise<Setup> {
  const dir = await mkdtemp(join(tmpdir(), 'bitext-kill-'));
  const child = join(dir, 'child.mjs');
  await build({
    entryPoints: [fileURLToPath(new URL('atomic-kill-child.ts', import.meta.url))],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile: child,
    logLevel: 'silent',
  });
  // Two alignments of about the same size (same paragraph count, other text): old and new.
  const payloads = [
    Buffer.from(serializeAlignment(largeAlignment(6000, 1))),
    Buffer.from(serializeAlignment(largeAlignment(6000, 2))),
  ] as const;
  const payloadFiles = [join(dir, 'old.payload'), join(dir, 'new.payload')] as const;
  await writeFile(payloadFiles[0], payloads[0]);
  await writeFile(payloadFiles[1], payloads[1]);
  return { dir, child, payloads, payloadFiles };
}

interface Tally {
  kills: number;
  midWrite: number;
  old: number;
  new: number;
  torn: number;
  unparsable: number;
  backupTorn: number;
}

/** Starts the child, lets it write for `delay` ms after it is ready, kills it with SIGKILL, waits for it to die. */
async function runAndKill(setup: Setup, target: string, mode: 'atomic' | 'plain', delay: number): Promise<void> {
  const child = spawn(process.execPath, [setup.child, target, setup.payloadFiles[0], setup.payloadFiles[1], mode], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let errors = '';
  child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
  const exited = new Promise<NodeJS.Signals | number | null>((done) => child.on('exit', (code, signal) => done(signal ?? code)));
  await new Promise<void>((ready, fail) => {
    child.stdout.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('ready')) ready();
    });
    child.on('exit', () => fail(new Error(`child exited before it was ready: ${errors}`)));
  });
  await new Promise((done) => setTimeout(done, delay));
  child.kill('SIGKILL');
  const how = await exited;
  assert.equal(how, 'SIGKILL', `the child died of something else: ${how} ${errors}`);
}

/** Checks the file at `target` (and its backup) after a kill and counts what was found. */
async function check(setup: Setup, target: string, tally: Tally, parse: boolean): Promise<void> {
  tally.kills++;
  const temps = await listTempFiles(target);
  if (temps.length > 0) tally.midWrite++;
  // A killed writer cannot clean up after itself: the next open of the folder does.
  if (parse) {
    try {
      await loadAlignment(target);
    } catch {
      tally.unparsable++;
    }
    assert.deepEqual(await listTempFiles(target), [], 'opening the alignment left the temp files of the killed save');
  } else await removeStaleTempFiles(setup.dir);

  const bytes = await readFile(target);
  if (bytes.equals(setup.payloads[0])) tally.old++;
  else if (bytes.equals(setup.payloads[1])) tally.new++;
  else tally.torn++;
  const backup = await readFile(`${target}.bak`).catch(() => undefined);
  if (backup && !backup.equals(setup.payloads[0]) && !backup.equals(setup.payloads[1])) tally.backupTorn++;
}

test(`atomic saves survive ${kills} kills -9 at random moments: the file is always the old or the new one, whole`, { timeout: 180_000 }, async () => {
  const setup = await setUp();
  const target = join(setup.dir, 'alignment.bitext');
  for (const payload of setup.payloads) parseAlignmentFile(payload.toString('utf8'), 'payload');

  // How long one save takes here, to spread the kills over a few saves.
  await writeFile(target, setup.payloads[0]);
  const started = performance.now();
  for (let index = 0; index < 4; index++) await writeFileAtomic(target, setup.payloads[(index + 1) % 2]!, { backup: true });
  const saveMs = (performance.now() - started) / 4;
  await writeFile(target, setup.payloads[0]);
  await rm(`${target}.bak`, { force: true });

  const random = randomGenerator(20240501);
  const tally: Tally = { kills: 0, midWrite: 0, old: 0, new: 0, torn: 0, unparsable: 0, backupTorn: 0 };
  const runStarted = performance.now();
  let parseMs = 0;
  for (let index = 0; index < kills; index++) {
    // Uniform over about three saves, so kills land in every phase: writing, flushing, renaming, between saves.
    const delay = random() * Math.max(5, saveMs * 3);
    await runAndKill(setup, target, 'atomic', delay);
    const parseStarted = performance.now();
    await check(setup, target, tally, true);
    parseMs += performance.now() - parseStarted;
  }
  const seconds = (performance.now() - runStarted) / 1000;
  const size = ((setup.payloads[0].length + setup.payloads[1].length) / 2 / 1e6).toFixed(1);
  console.log(
    `atomic: ${tally.kills} kills in ${seconds.toFixed(1)} s (files of ${size} MB, one save ≈ ${saveMs.toFixed(0)} ms, ` +
      `check ≈ ${(parseMs / tally.kills).toFixed(0)} ms); ${tally.midWrite} landed mid-write (temp file present); ` +
      `file old ${tally.old} / new ${tally.new}; torn ${tally.torn}, unparsable ${tally.unparsable}, backup torn ${tally.backupTorn}`,
  );
  assert.equal(tally.kills, kills);
  assert.equal(tally.torn, 0);
  assert.equal(tally.unparsable, 0);
  assert.equal(tally.backupTorn, 0);
  // The kills must really have caught saves in progress, and both versions must have been seen.
  assert.ok(tally.midWrite >= kills / 10, `only ${tally.midWrite} kills landed mid-write`);
  assert.ok(tally.old > 0 && tally.new > 0);
  assert.ok((await stat(target)).size > 2e6);
  await rm(setup.dir, { recursive: true, force: true });
});

test('control: the same kills tear a file written in place with fs.writeFile', { timeout: 60_000 }, async () => {
  const setup = await setUp();
  const target = join(setup.dir, 'plain.bitext');
  await writeFile(target, setup.payloads[0]);
  const random = randomGenerator(7);
  const tally: Tally = { kills: 0, midWrite: 0, old: 0, new: 0, torn: 0, unparsable: 0, backupTorn: 0 };
  for (let index = 0; index < 30; index++) {
    await runAndKill(setup, target, 'plain', 5 + random() * 40);
    await check(setup, target, tally, false);
  }
  console.log(`plain writeFile: ${tally.kills} kills; torn ${tally.torn}, old ${tally.old}, new ${tally.new}`);
  assert.ok(tally.torn > 0, 'the check would not notice a torn file');
  await rm(setup.dir, { recursive: true, force: true });
});
