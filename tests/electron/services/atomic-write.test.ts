/**
 * writeFileAtomic: the file is replaced whole, backups, refusal to overwrite,
 * cleanup on failure. (The kill test, atomic-kill.test.ts, covers crashes.)
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chmod, lstat, mkdir, mkdtemp, readFile, readdir, readlink, stat, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BitextError } from '../../../shared/errors.ts';
import { backupSuffix, listTempFiles, removeStaleTempFiles, tempFilePrefix, writeFileAtomic } from '../../../electron/services/atomic-write.ts';
import { spawnSync } from 'node:child_process';

async function folder(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'bitext-atomic-'));
}

async function rejectsWithIo(promise: Promise<unknown>, file: string, message: RegExp): Promise<void> {
  await assert.rejects(promise, (error: unknown) => {
    assert.ok(error instanceof BitextError, String(error));
    assert.equal(error.code, 'io');
    assert.equal(error.location.file, file);
    assert.match(error.message, message);
    return true;
  });
}

test('writes a new file and leaves no temporary file', async () => {
  const dir = await folder();
  const path = join(dir, 'a.bitext');
  await writeFileAtomic(path, 'héllo ไทย\n');
  assert.equal(await readFile(path, 'utf8'), 'héllo ไทย\n');
  assert.deepEqual(await readdir(dir), ['a.bitext']);
});

test('writes bytes as they are', async () => {
  const dir = await folder();
  const path = join(dir, 'b.bin');
  const bytes = new Uint8Array([0, 255, 0xef, 0xbb, 0xbf, 10]);
  await writeFileAtomic(path, bytes);
  assert.deepEqual(new Uint8Array(await readFile(path)), bytes);
});

test('replaces an existing file; with backup the previous version is kept as .bak', async () => {
  const dir = await folder();
  const path = join(dir, 'a.bitext');
  await writeFileAtomic(path, 'one');
  await writeFileAtomic(path, 'two');
  assert.equal(await readFile(path, 'utf8'), 'two');
  assert.deepEqual(await readdir(dir), ['a.bitext'], 'no backup unless asked');

  await writeFileAtomic(path, 'three', { backup: true });
  assert.equal(await readFile(path, 'utf8'), 'three');
  assert.equal(await readFile(path + backupSuffix, 'utf8'), 'two');
  await writeFileAtomic(path, 'four', { backup: true });
  assert.equal(await readFile(path, 'utf8'), 'four');
  assert.equal(await readFile(path + backupSuffix, 'utf8'), 'three');
  assert.deepEqual((await readdir(dir)).sort(), ['a.bitext', 'a.bitext.bak']);
  // The backup is its own file now, not a name for the current one.
  assert.notEqual((await stat(path)).ino, (await stat(path + backupSuffix)).ino);
});

test('backup of a file that does not exist yet makes no .bak', async () => {
  const dir = await folder();
  const path = join(dir, 'new.bitext');
  await writeFileAtomic(path, 'first', { backup: true });
  assert.deepEqual(await readdir(dir), ['new.bitext']);
});

test('overwrite: false refuses an existing file, naming it, and changes nothing', async () => {
  const dir = await folder();
  const path = join(dir, 'keep.tmx');
  await writeFile(path, 'precious');
  await rejectsWithIo(writeFileAtomic(path, 'new', { overwrite: false }), path, /already exists; not overwriting/);
  assert.equal(await readFile(path, 'utf8'), 'precious');
  assert.deepEqual(await readdir(dir), ['keep.tmx']);
  await writeFileAtomic(join(dir, 'fresh.tmx'), 'new', { overwrite: false });
  assert.equal(await readFile(join(dir, 'fresh.tmx'), 'utf8'), 'new');
  assert.deepEqual((await readdir(dir)).sort(), ['fresh.tmx', 'keep.tmx']);
});

test('overwrite: false loses no race: of two writers to a new name, exactly one wins', async () => {
  const dir = await folder();
  const path = join(dir, 'race.txt');
  const results = await Promise.allSettled(
    Array.from({ length: 8 }, (_, index) => writeFileAtomic(path, `writer ${index}`, { overwrite: false })),
  );
  assert.equal(results.filter((result) => result.status === 'fulfilled').length, 1);
  const content = await readFile(path, 'utf8');
  const winner = results.findIndex((result) => result.status === 'fulfilled');
  assert.equal(content, `writer ${winner}`);
  assert.deepEqual(await readdir(dir), ['race.txt']);
});

test('concurrent writers to one path: the file is one of them, whole', async () => {
  const dir = await folder();
  const path = join(dir, 'busy.txt');
  const contents = Array.from({ length: 10 }, (_, index) => `${index}`.repeat(100_000 + index));
  await Promise.all(contents.map((content) => writeFileAtomic(path, content)));
  assert.ok(contents.includes(await readFile(path, 'utf8')));
  assert.deepEqual(await listTempFiles(path), []);
});

test('a symbolic link is followed: the file it points to is replaced, the link stays', async () => {
  const dir = await folder();
  await mkdir(join(dir, 'real'));
  const real = join(dir, 'real', 'a.bitext');
  const linkPath = join(dir, 'link.bitext');
  await writeFile(real, 'old');
  await symlink(real, linkPath);
  await writeFileAtomic(linkPath, 'new', { backup: true });
  assert.ok((await lstat(linkPath)).isSymbolicLink());
  assert.equal(await readlink(linkPath), real);
  assert.equal(await readFile(real, 'utf8'), 'new');
  assert.equal(await readFile(real + backupSuffix, 'utf8'), 'old');
});

test("the replaced file's permissions are kept", async () => {
  const dir = await folder();
  const path = join(dir, 'private.bitext');
  await writeFile(path, 'old');
  await chmod(path, 0o600);
  await writeFileAtomic(path, 'new');
  assert.equal((await stat(path)).mode & 0o777, 0o600);
});

test('failure after the temp file is written: temp removed, target unchanged, error names the file', async () => {
  const dir = await folder();
  const path = join(dir, 'a.bitext');
  await writeFile(path, 'original');
  // A non-empty folder where the backup goes makes the backup rename fail after the data is written.
  await mkdir(path + backupSuffix);
  await writeFile(join(path + backupSuffix, 'x'), 'x');
  await rejectsWithIo(writeFileAtomic(path, 'new', { backup: true }), path, /could not write the file \((EISDIR|ENOTEMPTY|EEXIST|EPERM)\)/);
  assert.equal(await readFile(path, 'utf8'), 'original');
  assert.deepEqual(await listTempFiles(path), []);
  assert.deepEqual((await readdir(dir)).sort(), ['a.bitext', 'a.bitext.bak']);
});

test('a folder that does not exist, or a folder at the path, gives an io error naming the file', async () => {
  const dir = await folder();
  const missing = join(dir, 'no', 'such', 'a.bitext');
  await rejectsWithIo(writeFileAtomic(missing, 'x'), missing, /ENOENT/);
  await mkdir(join(dir, 'sub'));
  await rejectsWithIo(writeFileAtomic(join(dir, 'sub'), 'x'), join(dir, 'sub'), /is a folder/);
  assert.deepEqual(await readdir(dir), ['sub']);
});

test('temp files are named after the target, in its folder', async () => {
  assert.equal(tempFilePrefix('/x/y/a.bitext'), '.a.bitext.');
  const dir = await folder();
  const path = join(dir, 'a.bitext');
  await writeFile(join(dir, `.a.bitext.123.abcdef.tmp`), 'left by a crash');
  await writeFile(join(dir, `.b.bitext.123.abcdef.tmp`), 'another file');
  assert.deepEqual(await listTempFiles(path), [join(dir, '.a.bitext.123.abcdef.tmp')]);
});

test('temp files of saves whose process is gone are removed when the folder is opened again; a live writer’s are kept (issue 13, finding 10)', async () => {
  const dir = await folder();
  const gone = spawnSync(process.execPath, ['-e', '']).pid!;
  await writeFile(join(dir, `.a.bitext.${gone}.0123456789ab.tmp`), 'left by a killed save');
  await writeFile(join(dir, `..a.bitext.recovery.${gone}.0123456789ab.tmp`), 'left by a killed autosave');
  await writeFile(join(dir, `.a.bitext.${process.pid}.0123456789ab.tmp`), 'a save in progress');
  await writeFile(join(dir, `.notes.txt.${gone}.tmp`), 'not one of ours');
  const removed = await removeStaleTempFiles(dir);
  assert.deepEqual(removed.sort(), [join(dir, `..a.bitext.recovery.${gone}.0123456789ab.tmp`), join(dir, `.a.bitext.${gone}.0123456789ab.tmp`)]);
  assert.deepEqual((await readdir(dir)).sort(), [`.a.bitext.${process.pid}.0123456789ab.tmp`, `.notes.txt.${gone}.tmp`]);
});
