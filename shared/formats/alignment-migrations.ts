/**
 * Upgrades of alignment files written in older schema versions.
 *
 * Each migration takes a file of version `from`, already checked against that
 * version's own schema, and returns the same alignment in version `from + 1`.
 * The parser applies them one after another until the file reaches the
 * current version, then validates the result like any current file. Nothing
 * is written back: the file on disk stays as it was until the user saves.
 */

/** One step of the upgrade path. */
export interface AlignmentMigration {
  /** The schema version this step reads. It writes version `from + 1`. */
  readonly from: number;
  /** What changed between the two versions, for the record. */
  readonly description: string;
  /** JSON Schema (draft 2020-12) of the version this step reads; the input is checked against it first. */
  readonly schema: object;
  /** Converts a value that passed `schema`. Must not mutate its input. */
  readonly migrate: (file: unknown) => unknown;
}

/**
 * Version 0: the prototype's shape, never released, kept as the first step of
 * the upgrade path. Differences from version 1:
 *
 * - the version is in `version` (not `schemaVersion`);
 * - the writer is one string `generator` (`"bitext-prototype 0.0.4"`), and
 *   there is one time, `saved`;
 * - the documents are an array `documents: [source, target]`; each has `file`
 *   (not `path`), the encoding as a bare name, `language: {iso6393, bcp47}`
 *   (no script, no override), no text length, and paragraphs as
 *   `[start, end, text]` triples;
 * - links are bare pairs `[[source indices], [target indices]]`, with no score,
 *   confidence, status, note or tags.
 *
 * Upgrading: `generator` splits at its last space into name and version;
 * `created` and `modified` both become `saved`; the byte-order mark and the
 * forced flag become `false` (version 0 did not record them); the script is
 * the one most letters of the paragraphs are in; the text length becomes the
 * end of the last paragraph (version 0 did not record it; the hash check
 * still tells whether the document is the same); links get `status: "auto"`,
 * `score: 0` and `confidence: 0`, so that a review starts with them.
 */
const version0Schema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'bitext-workbench:alignment-v0',
  type: 'object',
  additionalProperties: false,
  required: ['version', 'generator', 'saved', 'documents', 'links'],
  properties: {
    version: { const: 0 },
    generator: { type: 'string', minLength: 1, maxLength: 300 },
    saved: { type: 'string', pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]{1,9})?Z$' },
    documents: { type: 'array', minItems: 2, maxItems: 2, items: { $ref: '#/$defs/document' } },
    links: {
      type: 'array',
      maxItems: 10000000,
      items: {
        type: 'array',
        prefixItems: [{ $ref: '#/$defs/indices' }, { $ref: '#/$defs/indices' }],
        minItems: 2,
        items: false,
      },
    },
  },
  $defs: {
    offset: { type: 'integer', minimum: 0, maximum: 50000000 },
    indices: { type: 'array', maxItems: 100000, items: { type: 'integer', minimum: 0, maximum: 100000000 } },
    document: {
      type: 'object',
      additionalProperties: false,
      required: ['file', 'sha256', 'encoding', 'language', 'paragraphs'],
      properties: {
        file: { type: 'string', minLength: 1, maxLength: 4096 },
        sha256: { type: 'string', pattern: '^[0-9a-f]{64}$' },
        encoding: { enum: ['utf-8', 'utf-16le', 'utf-16be', 'windows-874', 'windows-1252'] },
        language: {
          type: 'object',
          additionalProperties: false,
          required: ['iso6393', 'bcp47'],
          properties: {
            iso6393: { type: 'string', pattern: '^[a-z]{3}$' },
            bcp47: { type: 'string', maxLength: 64, pattern: '^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$' },
          },
        },
        paragraphs: {
          type: 'array',
          maxItems: 10000000,
          items: {
            type: 'array',
            prefixItems: [{ $ref: '#/$defs/offset' }, { $ref: '#/$defs/offset' }, { type: 'string' }],
            minItems: 3,
            items: false,
          },
        },
      },
    },
  },
} as const;

interface Version0Document {
  readonly file: string;
  readonly sha256: string;
  readonly encoding: string;
  readonly language: { readonly iso6393: string; readonly bcp47: string };
  readonly paragraphs: readonly (readonly [number, number, string])[];
}

interface Version0File {
  readonly version: 0;
  readonly generator: string;
  readonly saved: string;
  readonly documents: readonly [Version0Document, Version0Document];
  readonly links: readonly (readonly [readonly number[], readonly number[]])[];
}

function migrateVersion0(value: unknown): unknown {
  const file = value as Version0File;
  const space = file.generator.lastIndexOf(' ');
  const tool =
    space > 0
      ? { name: file.generator.slice(0, space), version: file.generator.slice(space + 1) }
      : { name: file.generator, version: 'unknown' };
  const document = (old: Version0Document) => ({
    path: old.file,
    sha256: old.sha256,
    encoding: { name: old.encoding, bom: false, forced: false },
    language: {
      detected: {
        iso6393: old.language.iso6393,
        bcp47: old.language.bcp47,
        script: dominantScript(old.paragraphs.map((paragraph) => paragraph[2])),
      },
    },
    textLength: old.paragraphs.reduce((length, paragraph) => Math.max(length, paragraph[1]), 0),
    paragraphs: old.paragraphs.map(([start, end, text]) => ({ start, end, text })),
  });
  return {
    schemaVersion: 1,
    tool,
    created: file.saved,
    modified: file.saved,
    source: document(file.documents[0]),
    target: document(file.documents[1]),
    links: file.links.map(([source, target]) => ({
      source: [...source],
      target: [...target],
      score: 0,
      confidence: 0,
      status: 'auto',
    })),
  };
}

/**
 * Version 1: version 2 without stored sentence pairs. Only what tells the two
 * apart is checked here; the upgraded file then passes the whole current
 * schema, which checks everything else (and is precompiled, where this small
 * schema compiles on first use).
 */
const version1Schema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'bitext-workbench:alignment-v1',
  type: 'object',
  required: ['schemaVersion', 'links'],
  properties: {
    schemaVersion: { const: 1 },
    links: { type: 'array', items: { not: { type: 'object', properties: { sentences: {} }, required: ['sentences'] } } },
  },
};

/**
 * Version 2: version 3 without the records of which sentence rules cut
 * sentences (`rules` in a link's `sentences`, top-level `segmentation`).
 * As for version 1, only what tells the versions apart is checked here.
 */
const version2Schema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'bitext-workbench:alignment-v2',
  type: 'object',
  required: ['schemaVersion', 'links'],
  properties: {
    schemaVersion: { const: 2 },
    links: {
      type: 'array',
      items: {
        not: { type: 'object', properties: { sentences: { type: 'object', properties: { rules: {} }, required: ['rules'] } }, required: ['sentences'] },
      },
    },
  },
  not: { type: 'object', properties: { segmentation: {} }, required: ['segmentation'] },
};

/** Scripts worth telling apart for the documents the workbench aligns; others count as none. */
const knownScripts = [
  'Latn', 'Thai', 'Cyrl', 'Grek', 'Arab', 'Hebr', 'Hani', 'Hira', 'Kana', 'Hang', 'Deva', 'Beng', 'Taml',
  'Telu', 'Mlym', 'Knda', 'Gujr', 'Guru', 'Sinh', 'Khmr', 'Laoo', 'Mymr', 'Tibt', 'Geor', 'Armn', 'Ethi',
] as const;

/** The ISO 15924 code of the script most letters of `texts` are in, or `Zyyy` when they have no letters. */
export function dominantScript(texts: readonly string[]): string {
  let best = 'Zyyy';
  let bestCount = 0;
  for (const script of knownScripts) {
    const pattern = new RegExp(`\\p{Script=${script}}`, 'gu');
    let count = 0;
    for (const text of texts) count += text.match(pattern)?.length ?? 0;
    if (count > bestCount) {
      best = script;
      bestCount = count;
    }
  }
  return best;
}

/**
 * The upgrade path, one step per older version, in order: `migrations[n]`
 * reads version `n`. The current version is `migrations.length`.
 */
export const migrations: readonly AlignmentMigration[] = [
  {
    from: 0,
    description:
      'Prototype shape to version 1: `version` → `schemaVersion`, `generator` → `tool`, `saved` → `created`/`modified`, ' +
      '`documents[0..1]` → `source`/`target` with `path`, encoding and script details and `textLength`, paragraph triples → ' +
      'objects, link pairs → links with score 0, confidence 0 and status `auto`.',
    schema: version0Schema,
    migrate: migrateVersion0,
  },
  {
    from: 1,
    description:
      'Version 1 to 2: links may store their sentence pairs (`sentences`), which version 1 did not have; nothing else changed, ' +
      'so a version-1 file becomes version 2 by its number alone (its links keep computing their sentence pairs on demand).',
    schema: version1Schema,
    migrate: (file) => ({ ...(file as Record<string, unknown>), schemaVersion: 2 }),
  },
  {
    from: 2,
    description:
      'Version 2 to 3: the rules that cut stored sentences (`rules` in `sentences`) and the aligner\'s SRX rules (`segmentation`) ' +
      'are recorded; version 2 recorded neither, so a version-2 file becomes version 3 by its number alone (its stored sentence ' +
      'pairs say nothing of their rules, and no warning about rules is given for them).',
    schema: version2Schema,
    migrate: (file) => ({ ...(file as Record<string, unknown>), schemaVersion: 3 }),
  },
];
