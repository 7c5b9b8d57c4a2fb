/**
 * The process the kill test (atomic-kill.test.ts) kills: it saves two
 * alignment files' bytes over one path in turn, forever, as a save loop would,
 * until a SIGKILL stops it at some random moment.
 *
 * Arguments: target path, first payload file, second payload file, and
 * `atomic` (writeFileAtomic with a backup, as saveAlignment does) or `plain`
 * (fs.writeFile: the control, which the test expects to tear).
 */
import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { writeFileAtomic } from '../../../electron/services/atomic-write.ts';

const [target, first, second, mode] = process.argv.slice(2);
if (!target || !first || !second || (mode !== 'atomic' && mode !== 'plain')) {
  throw new Error('usage: atomic-kill-child <target> <first> <second> atomic|plain');
}
const payloads = [readFileSync(first), readFileSync(second)];
process.stdout.write('ready\n');
for (let index = 0; ; index++) {
  // The test starts with `first` at the target, so the first write changes it.
  const payload = payloads[(index + 1) % 2]!;
  if (mode === 'atomic') await writeFileAtomic(target, payload, { backup: true });
  else await writeFile(target, payload);
}
