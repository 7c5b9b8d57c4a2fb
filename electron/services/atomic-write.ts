/**
 * Atomic file writes: a reader (or a crash) sees the old file or the new one,
 * never a mix, never none.
 *
 * The data goes to a temporary file in the target's folder (same file system,
 * so the rename cannot turn into a copy), which is flushed to disk, then
 * renamed over the target; then the folder itself is flushed so the rename
 * survives a power cut. This is what `write-file-atomic` and most editors do;
 * we keep our own few lines to control backups, refusals and error codes.
 */
import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { copyFile, link, lstat, open, readdir, realpath, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { BitextError, isBitextError } from '../../shared/errors.ts';

/** Options of {@link writeFileAtomic}. */
export interface AtomicWriteOptions {
  /**
   * Keep the file being replaced as `<path>.bak` (replacing an older backup).
   * The backup is made (a hard link, else a copy) before the new file is
   * renamed into place, so `path` always holds a whole file. Default: `false`.
   */
  readonly backup?: boolean;
  /** Replace an existing file. When `false`, a `BitextError` 'io' is thrown if `path` exists. Default: `true`. */
  readonly overwrite?: boolean;
}

/** The suffix of backups made by {@link writeFileAtomic}. */
export const backupSuffix = '.bak';

/**
 * The name prefix of the temporary files {@link writeFileAtomic} makes for
 * `path` (`.<name>.` followed by a process id, random hex and `.tmp`). A kill
 * mid-write leaves one behind; nothing else is ever lost.
 */
export function tempFilePrefix(path: string): string {
  return `.${basename(path)}.`;
}

/** Temporary files of {@link writeFileAtomic} for `path` that are lying in its folder (left by a killed writer, or in use). */
export async function listTempFiles(path: string): Promise<string[]> {
  const target = resolve(path);
  const prefix = tempFilePrefix(target);
  const names = await readdir(dirname(target)).catch(() => [] as string[]);
  return names
    .filter((name) => name.startsWith(prefix) && name.endsWith('.tmp'))
    .map((name) => join(dirname(target), name));
}

/** The name of a temporary file of {@link writeFileAtomic}: `.<target name>.<pid>.<12 hex>.tmp`. */
const tempFileName = /^\..+\.(\d+)\.[0-9a-f]{12}\.tmp$/;

/**
 * Removes the temporary files that interrupted saves left in `folder`: those
 * whose writing process is gone (a killed save never comes back for its temp
 * file). Files of a live process, this one included, may be a save in progress
 * and are left. Returns the files removed; a file that cannot be removed is
 * left for the next time.
 */
export async function removeStaleTempFiles(folder: string): Promise<string[]> {
  const names = await readdir(folder).catch(() => [] as string[]);
  const removed: string[] = [];
  for (const name of names) {
    const match = tempFileName.exec(name);
    if (!match || isRunning(Number(match[1]))) continue;
    const file = join(folder, name);
    const info = await lstat(file).catch(() => undefined);
    if (!info?.isFile()) continue;
    if (await unlink(file).then(() => true, () => false)) removed.push(file);
  }
  return removed;
}

/** Whether a process with this id is running (EPERM: it is, under another user). */
function isRunning(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Writes `data` to `path` atomically: temp file in the same folder, fsync,
 * rename over `path`, fsync of the folder. Strings are written as UTF-8; a
 * list of byte arrays is written one after the other (pieces made apart need
 * not be copied into one).
 * On failure the temp file is removed and `path` is as it was; the error is a
 * `BitextError` 'io' naming `path`. A symbolic link at `path` is followed (the
 * file it points to is replaced, the link stays). A replaced file's
 * permissions are kept.
 */
export async function writeFileAtomic(
  path: string,
  data: string | Uint8Array | readonly Uint8Array[],
  options: AtomicWriteOptions = {},
): Promise<void> {
  const overwrite = options.overwrite ?? true;
  const backup = options.backup ?? false;
  const target = await resolveTarget(path);
  const folder = dirname(target);
  const temps: string[] = [];
  try {
    const existing = await stat(target).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return undefined;
      throw error;
    });
    if (existing && !existing.isFile()) {
      throw new BitextError('io', 'cannot write: the path is a folder or a special file', { file: path });
    }
    if (existing && !overwrite) throw alreadyExists(path);

    const temp = tempName(target);
    temps.push(temp);
    await writeAndSync(temp, data, existing ? existing.mode & 0o777 : undefined);

    if (!overwrite) {
      await placeWithoutOverwriting(temp, target, path);
    } else {
      if (existing && backup) {
        const backupTemp = tempName(target);
        temps.push(backupTemp);
        await linkOrCopy(target, backupTemp);
        await renameWithRetry(backupTemp, `${target}${backupSuffix}`);
      }
      await renameWithRetry(temp, target);
    }
    await syncFolder(folder);
  } catch (error) {
    await Promise.all(temps.map((temp) => unlink(temp).catch(() => undefined)));
    if (isBitextError(error)) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new BitextError('io', `could not write the file${code ? ` (${code})` : ''}: ${(error as Error).message}`, { file: path }, { cause: error });
  }
}

async function resolveTarget(path: string): Promise<string> {
  const absolute = resolve(path);
  try {
    const info = await lstat(absolute);
    // Follow a symbolic link, so that saving does not replace the link by a file.
    return info.isSymbolicLink() ? await realpath(absolute) : absolute;
  } catch {
    return absolute;
  }
}

function tempName(target: string): string {
  return join(dirname(target), `${tempFilePrefix(target)}${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
}

function alreadyExists(path: string): BitextError {
  return new BitextError('io', 'the file already exists; not overwriting it', { file: path });
}

/** Writes and flushes a new file; `mode` (the replaced file's permissions) is applied past the umask. */
async function writeAndSync(file: string, data: string | Uint8Array | readonly Uint8Array[], mode: number | undefined): Promise<void> {
  // O_EXCL: fail rather than write through a file (or a link planted) at the temp name.
  const handle = await open(file, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, mode ?? 0o666);
  try {
    if (mode !== undefined) await handle.chmod(mode);
    // A handle's writeFile writes from where the last write ended: the pieces follow one another.
    for (const piece of typeof data === 'string' || data instanceof Uint8Array ? [data] : data) await handle.writeFile(piece);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * Moves `temp` to `target` only if nothing is there. A hard link fails
 * atomically when the name is taken, which a check followed by a rename
 * cannot promise; file systems without hard links get the check and rename.
 */
async function placeWithoutOverwriting(temp: string, target: string, path: string): Promise<void> {
  try {
    await link(temp, target);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw alreadyExists(path);
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'ENOSYS' && code !== 'EXDEV') throw error;
    const taken = await lstat(target).then(() => true, () => false);
    if (taken) throw alreadyExists(path);
    await renameWithRetry(temp, target);
    return;
  }
  await unlink(temp);
}

async function linkOrCopy(from: string, to: string): Promise<void> {
  try {
    await link(from, to);
  } catch {
    // No hard links here (FAT, some network shares): copy, and flush the copy before it is renamed into place.
    await copyFile(from, to, constants.COPYFILE_EXCL);
    const handle = await open(to, 'r+');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  }
}

/** Windows refuses a rename while another program (a virus scanner, an indexer) has the file open; it passes soon. */
async function renameWithRetry(from: string, to: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await rename(from, to);
      return;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      const transient = process.platform === 'win32' && (code === 'EPERM' || code === 'EACCES' || code === 'EBUSY');
      if (!transient || attempt >= 10) throw error;
      await new Promise((done) => setTimeout(done, 20 * (attempt + 1)));
    }
  }
}

async function syncFolder(folder: string): Promise<void> {
  let handle;
  try {
    handle = await open(folder, 'r');
    await handle.sync();
  } catch (error) {
    // Windows cannot open or flush a folder; its renames are durable through the file system's journal.
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EISDIR' && code !== 'EPERM' && code !== 'EACCES' && code !== 'EINVAL' && code !== 'EBADF') throw error;
  } finally {
    await handle?.close();
  }
}
