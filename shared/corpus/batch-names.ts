/**
 * The names of a batch's outputs: the one the manifest gives, else one made
 * from the two file names, made unique within the batch.
 */
import { baseName } from '../formats/export-pairs.ts';

/**
 * A name for the pair from its two file names, without extensions: the part
 * they share up to a separator once, then what differs
 * (`declaration.en.txt` + `declaration.ja.txt` → `declaration.en-ja`),
 * else both joined by `--`.
 */
export function pairName(source: string, target: string): string {
  const a = stem(baseName(source));
  const b = stem(baseName(target));
  let shared = 0;
  for (let index = 0; index < Math.min(a.length, b.length) && a[index] === b[index]; index++) {
    if (/[._\- ]/.test(a[index]!)) shared = index + 1;
  }
  const name = shared > 0 && shared < a.length && shared < b.length ? `${a}-${b.slice(shared)}` : `${a}--${b}`;
  return name.replace(/[\\/\0]/g, '_').replace(/^\.+/, '');
}

/**
 * The output name of every pair, in order: `given` where set, else
 * {@link pairName}; a name met before (compared without case, as on macOS and
 * Windows) gets `-2`, `-3`… appended.
 */
export function uniqueNames(pairs: readonly { readonly source: string; readonly target: string; readonly name?: string }[]): string[] {
  const taken = new Set<string>();
  // Names the manifest gives are kept as they are; made-up ones step around them.
  for (const pair of pairs) if (pair.name) taken.add(pair.name.toLowerCase());
  const given = new Set<string>();
  return pairs.map((pair) => {
    if (pair.name && !given.has(pair.name.toLowerCase())) {
      given.add(pair.name.toLowerCase());
      return pair.name;
    }
    const base = pair.name ?? pairName(pair.source, pair.target);
    let name = base;
    for (let suffix = 2; taken.has(name.toLowerCase()); suffix++) name = `${base}-${suffix}`;
    taken.add(name.toLowerCase());
    return name;
  });
}

function stem(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(0, dot) : name;
}
