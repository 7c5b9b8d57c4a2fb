/**
 * The manifest of a batch: which pairs of documents to align, and what to call
 * each result. Two forms, told apart by the first line that is not blank or a
 * comment: TSV (`SOURCE<TAB>TARGET[<TAB>NAME]`, `#` starts a comment line) or
 * JSON Lines (`{"source": …, "target": …, "name": …}` per line).
 */
import { BitextError } from '../errors.ts';

/** One pair of a manifest, paths as written (relative ones are resolved by the caller against the manifest's folder). */
export interface ManifestPair {
  readonly source: string;
  readonly target: string;
  /** The output's name without `.bitext`, when the manifest gives one. */
  readonly name?: string;
  /** 1-based line in the manifest. */
  readonly line: number;
}

/** Parses a manifest's text; `file` names it in errors. Throws `invalid-argument` naming the line. */
export function parseManifest(text: string, file: string): ManifestPair[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const first = lines.find((line) => line.trim() !== '' && !line.trimStart().startsWith('#'));
  const jsonl = first?.trimStart().startsWith('{') ?? false;
  const pairs: ManifestPair[] = [];
  lines.forEach((raw, index) => {
    const line = index + 1;
    if (raw.trim() === '' || raw.trimStart().startsWith('#')) return;
    const pair = jsonl ? jsonPair(raw, file, line) : tsvPair(raw, file, line);
    pairs.push(pair);
  });
  if (pairs.length === 0) throw new BitextError('invalid-argument', 'the manifest lists no pairs', { file });
  return pairs;
}

function tsvPair(raw: string, file: string, line: number): ManifestPair {
  const fields = raw.split('\t').map((field) => field.trim());
  if (fields.length < 2 || fields.length > 3 || fields[0] === '' || fields[1] === '') {
    throw new BitextError('invalid-argument', `expected SOURCE<TAB>TARGET[<TAB>NAME], got ${fields.length} field(s)`, { file, line });
  }
  const [source, target, name] = fields as [string, string, string?];
  return { source, target, ...(name ? { name: checkName(name, file, line) } : {}), line };
}

function jsonPair(raw: string, file: string, line: number): ManifestPair {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch (error) {
    throw new BitextError('invalid-argument', `not a JSON object: ${(error as Error).message}`, { file, line });
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new BitextError('invalid-argument', 'expected a JSON object {"source", "target", "name"?}', { file, line });
  }
  const record = value as Record<string, unknown>;
  for (const key of ['source', 'target'] as const) {
    if (typeof record[key] !== 'string' || record[key] === '') throw new BitextError('invalid-argument', `"${key}" must be a non-empty string`, { file, line });
  }
  if (record.name !== undefined && typeof record.name !== 'string') throw new BitextError('invalid-argument', '"name" must be a string', { file, line });
  const name = record.name as string | undefined;
  return { source: record.source as string, target: record.target as string, ...(name ? { name: checkName(name, file, line) } : {}), line };
}

/** A name given in a manifest becomes a file name in the output folder: no folders, nothing hidden. */
function checkName(name: string, file: string, line: number): string {
  const stem = name.endsWith('.bitext') ? name.slice(0, -'.bitext'.length) : name;
  if (stem === '' || /[\\/\0]/.test(stem) || stem.startsWith('.')) {
    throw new BitextError('invalid-argument', `"${name}" is not a file name (no folders, not starting with a dot)`, { file, line });
  }
  return stem;
}
