/**
 * The packaging configuration (electron-builder.yml). Packaging itself needs
 * to download Electron and cannot run here, so this checks the file instead:
 * against electron-builder's own JSON schema (with ajv, and with
 * electron-builder's own validator), and against the project's rules: asar,
 * fuses, build output only, the sample pair, the file association, targets,
 * icon. `packagingProblems` is also run on broken copies of the config, to
 * show that each rule can fail.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { builtinModules, createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { inflateSync } from 'node:zlib';
import { Ajv } from 'ajv';
import { alignmentFileExtension } from '../../shared/formats/alignment-json.ts';

const require = createRequire(import.meta.url);
const root = join(import.meta.dirname, '..', '..');

// js-yaml comes with electron-builder (which reads this file with it); it has no types of its own here.
const yaml = require('js-yaml') as { load(text: string): unknown };
const electronBuilderSchema = JSON.parse(readFileSync(require.resolve('app-builder-lib/scheme.json'), 'utf8')) as object;

type Config = Record<string, any>;

function loadConfig(): Config {
  return yaml.load(readFileSync(join(root, 'electron-builder.yml'), 'utf8')) as Config;
}

/** electron-builder's own file matcher, as it applies `files` and `extraResources` filters. */
interface FileMatcherClass {
  new (from: string, to: string, macroExpander: (pattern: string) => string, patterns: string[]): { createFilter(): (file: string, stat: { isDirectory(): boolean }) => boolean };
}
const { FileMatcher } = require('app-builder-lib/out/fileMatcher.js') as { FileMatcher: FileMatcherClass };
const fileStat = { isDirectory: () => false };

function matches(patterns: string[], from: string, relativePath: string): boolean {
  const filter = new FileMatcher(from, '/out', (pattern) => pattern, patterns).createFilter();
  return filter(join(from, relativePath), fileStat);
}

/** Files a build leaves in dist/, and files of the checkout that must stay out of the package. */
const buildOutput = ['package.json', 'dist/electron/main.cjs', 'dist/electron/preload.cjs', 'dist/renderer/index.html', 'dist/renderer/assets/index-3f2a.js', 'dist/renderer/assets/editor.worker-9c1d.js'];
const neverPackaged = [
  'electron/main.ts',
  'electron/services/alignment-store.ts',
  'shared/model/alignment.ts',
  'renderer/main.ts',
  'renderer/index.html',
  'tests/electron/packaging.test.ts',
  'tests/fixtures/alignment-files/small-pair.bitext',
  'corpus/nato-asia-2023.en.original-with-page-clutter.txt',
  'corpus/related.en.russia-warns-japan-2024.txt',
  'schema/alignment.schema.json',
  'scripts/build.js',
  'bench/run.ts',
  'tsconfig.json',
  'electron-builder.yml',
  'dist/electron/main.cjs.map',
  'dist/renderer/assets/index-3f2a.js.map',
  // The build's record of what went into each bundle, for the check at the end of this file.
  'dist/meta/main.json',
  'README.md',
];

/** Every rule the config must keep, as a list of broken ones (empty when all hold). */
function packagingProblems(config: Config): string[] {
  const problems: string[] = [];
  const expect = (ok: boolean, problem: string) => {
    if (!ok) problems.push(problem);
  };
  expect(typeof config['appId'] === 'string' && /^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(config['appId']), 'appId must be a reverse-DNS id');
  expect(config['productName'] === 'Bitext Workbench', 'productName must be "Bitext Workbench"');
  expect(config['asar'] === true, 'asar must be on');

  const fuses = config['electronFuses'] ?? {};
  expect(fuses.runAsNode === false, 'fuse runAsNode must be off');
  expect(fuses.enableNodeOptionsEnvironmentVariable === false, 'fuse enableNodeOptionsEnvironmentVariable must be off');
  expect(fuses.enableNodeCliInspectArguments === false, 'fuse enableNodeCliInspectArguments must be off');
  expect(fuses.enableCookieEncryption === true, 'fuse enableCookieEncryption must be on');
  expect(fuses.onlyLoadAppFromAsar === true, 'fuse onlyLoadAppFromAsar must be on');
  expect(fuses.enableEmbeddedAsarIntegrityValidation === true, 'fuse enableEmbeddedAsarIntegrityValidation must be on');
  expect(fuses.grantFileProtocolExtraPrivileges === false, 'fuse grantFileProtocolExtraPrivileges must be off');

  const files: string[] = Array.isArray(config['files']) ? config['files'] : [];
  // electron-builder copies production dependencies unless node_modules is excluded explicitly.
  expect(files.includes('!node_modules/**/*'), 'files must exclude node_modules (the bundles are self-contained)');
  for (const file of buildOutput) expect(matches(files, root, file), `files must include ${file}`);
  for (const file of neverPackaged) expect(!matches(files, root, file), `files must exclude ${file}`);

  const resources: Config[] = Array.isArray(config['extraResources']) ? config['extraResources'] : [];
  const corpusFiles = readdirSync(join(root, 'corpus')).filter((name) => statSync(join(root, 'corpus', name)).isFile());
  const bundled = resources.flatMap((resource) =>
    corpusFiles
      .filter((name) => resource['from'] === 'corpus' && matches(resource['filter'] ?? ['**/*'], join(root, 'corpus'), name))
      .map((name) => `${resource['to']}/${name}`),
  );
  expect(
    JSON.stringify(bundled.sort()) === JSON.stringify(['corpus/nato-asia-2023.en.original-with-page-clutter.txt', 'corpus/nato-asia-2023.th.translation.txt']),
    `extraResources must bundle exactly the sample pair into corpus/, got ${JSON.stringify(bundled)}`,
  );

  const associations: Config[] = Array.isArray(config['fileAssociations']) ? config['fileAssociations'] : [];
  const bitext = associations.find((association) => association['ext'] === alignmentFileExtension.slice(1));
  expect(bitext !== undefined, `fileAssociations must claim ${alignmentFileExtension}`);
  expect(typeof bitext?.['mimeType'] === 'string' && /\+json$/.test(bitext['mimeType']), 'the association needs a JSON mime type (Linux)');
  expect(bitext?.['role'] === 'Editor', 'the association role must be Editor (macOS)');
  // NSIS writes associations only for per-machine installs.
  expect(config['nsis']?.['perMachine'] === true, 'nsis.perMachine must be on for the file association');

  const targets = (platform: string) => (config[platform]?.['target'] ?? []).map((target: string | Config) => (typeof target === 'string' ? target : target['target']));
  expect(JSON.stringify(targets('linux')) === JSON.stringify(['AppImage', 'deb']), 'linux targets must be AppImage and deb');
  expect(JSON.stringify(targets('win')) === JSON.stringify(['nsis']), 'win target must be nsis');
  expect(JSON.stringify(targets('mac')) === JSON.stringify(['dmg']), 'mac target must be dmg');
  for (const platform of ['linux', 'win', 'mac']) expect(config[platform]?.['icon'] === 'build/icon.png', `${platform}.icon must be build/icon.png`);
  expect(typeof config['linux']?.['maintainer'] === 'string', 'linux.maintainer is needed for the deb');
  return problems;
}

test('electron-builder.yml is valid against electron-builder’s JSON schema (ajv, draft-07)', () => {
  const ajv = new Ajv({ strict: false, allErrors: true });
  const validate = ajv.compile(electronBuilderSchema);
  const config = loadConfig();
  assert.equal(validate(config), true, JSON.stringify(validate.errors, null, 2));
  // The validator does reject what electron-builder rejects.
  assert.equal(validate({ ...config, asar: 'yes please' }), false);
  assert.equal(validate({ ...config, electronFuses: { ...config['electronFuses'], runAsNod: false } }), false);
  assert.equal(validate({ ...config, unknownOption: true }), false);
});

test('electron-builder’s own validator accepts electron-builder.yml', async () => {
  const { validateConfiguration } = require('app-builder-lib/out/util/config/config.js') as {
    validateConfiguration(config: Config, logger: unknown): Promise<void>;
  };
  const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };
  await validateConfiguration(loadConfig(), new DebugLogger(false));
  await assert.rejects(validateConfiguration({ ...loadConfig(), fileAssociation: [] }, new DebugLogger(false)), /unknown property 'fileAssociation'/);
});

test('electron-builder.yml keeps the packaging rules', () => {
  assert.deepEqual(packagingProblems(loadConfig()), []);
});

test('each rule fails on a config that breaks it', () => {
  const config = loadConfig();
  const broken: [string, Config, RegExp][] = [
    ['asar off', { ...config, asar: false }, /asar must be on/],
    ['RunAsNode on', { ...config, electronFuses: { ...config['electronFuses'], runAsNode: true } }, /runAsNode must be off/],
    ['NODE_OPTIONS on', { ...config, electronFuses: { ...config['electronFuses'], enableNodeOptionsEnvironmentVariable: true } }, /enableNodeOptionsEnvironmentVariable/],
    ['cookies in clear', { ...config, electronFuses: { ...config['electronFuses'], enableCookieEncryption: false } }, /enableCookieEncryption/],
    ['loose app allowed', { ...config, electronFuses: { ...config['electronFuses'], onlyLoadAppFromAsar: false } }, /onlyLoadAppFromAsar/],
    ['no fuses', { ...config, electronFuses: undefined }, /runAsNode must be off/],
    ['everything packaged', { ...config, files: ['**/*'] }, /files must exclude electron\/main\.ts/],
    ['tests packaged', { ...config, files: [...config['files'], 'tests/**/*'] }, /files must exclude tests\//],
    ['source maps packaged', { ...config, files: config['files'].filter((pattern: string) => pattern !== '!**/*.map') }, /files must exclude dist\/electron\/main\.cjs\.map/],
    ['node_modules packaged', { ...config, files: config['files'].filter((pattern: string) => pattern !== '!node_modules/**/*') }, /exclude node_modules/],
    ['renderer missing', { ...config, files: config['files'].filter((pattern: string) => !pattern.startsWith('dist/renderer')) }, /files must include dist\/renderer\/index\.html/],
    ['whole corpus bundled', { ...config, extraResources: [{ from: 'corpus', to: 'corpus' }] }, /exactly the sample pair/],
    ['no association', { ...config, fileAssociations: [] }, /must claim \.bitext/],
    ['per-user NSIS', { ...config, nsis: { ...config['nsis'], perMachine: false } }, /perMachine/],
    ['no deb', { ...config, linux: { ...config['linux'], target: ['AppImage'] } }, /AppImage and deb/],
    ['no dmg', { ...config, mac: { ...config['mac'], target: ['zip'] } }, /dmg/],
  ];
  for (const [name, value, problem] of broken) {
    const problems = packagingProblems(value);
    assert.ok(problems.some((text) => problem.test(text)), `${name}: expected ${problem}, got ${JSON.stringify(problems)}`);
  }
});

test('package.json points at the build output and has the dist script', () => {
  const packageJson = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  assert.equal(packageJson.main, 'dist/electron/main.cjs');
  assert.ok(matches(loadConfig()['files'], root, packageJson.main));
  assert.match(packageJson.scripts.dist, /electron-builder --config electron-builder\.yml/);
  assert.match(packageJson.scripts.dist, /npm run build/);
});

test('the icon is a 512×512 RGBA PNG of the mark (bars on a blue square, transparent corners)', () => {
  const png = readFileSync(join(root, 'build', 'icon.png'));
  assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  assert.equal(png.toString('ascii', 12, 16), 'IHDR');
  const width = png.readUInt32BE(16);
  const height = png.readUInt32BE(20);
  assert.deepEqual([width, height, png[24], png[25]], [512, 512, 8, 6]);
  // Decode (one IDAT, filter 0 on every row, as build/make-icon.mjs writes it) and look at a few pixels.
  const chunks: Buffer[] = [];
  for (let offset = 8; offset < png.length; ) {
    const length = png.readUInt32BE(offset);
    if (png.toString('ascii', offset + 4, offset + 8) === 'IDAT') chunks.push(png.subarray(offset + 8, offset + 8 + length));
    offset += 12 + length;
  }
  const rows = inflateSync(Buffer.concat(chunks));
  assert.equal(rows.length, height * (1 + width * 4));
  const pixel = (x: number, y: number) => [...rows.subarray(y * (1 + width * 4) + 1 + x * 4, y * (1 + width * 4) + 1 + x * 4 + 4)];
  assert.equal(pixel(2, 2)[3], 0, 'corner transparent');
  assert.deepEqual(pixel(256, 40), [31, 58, 95, 255], 'blue square');
  assert.deepEqual(pixel(150, 123), [236, 240, 245, 255], 'a source bar');
  assert.deepEqual(pixel(360, 123), [250, 190, 70, 255], 'a target bar');
  assert.deepEqual(pixel(256, 123), [150, 205, 240, 255], 'a link between them');
  assert.ok(relative(root, join(root, 'build', 'make-icon.mjs')) === join('build', 'make-icon.mjs'));
  assert.ok(statSync(join(root, 'build', 'make-icon.mjs')).isFile(), 'the icon is generated by build/make-icon.mjs');
});

/** The part of an esbuild metafile this test reads: each output's imports, and its size. */
interface Metafile {
  readonly outputs: Record<string, { readonly bytes: number; readonly imports: readonly { readonly path: string; readonly kind: string; readonly external?: boolean }[] }>;
}

const builtins = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]));

/**
 * The imports esbuild left external in `output` that the packaged app cannot
 * load: anything but Electron and Node's built-ins (with `allowed`, anything
 * outside it). The metafile lists exactly the calls esbuild kept; a text scan
 * of the bundle also finds `require("ajv/dist/runtime/uri")` inside a string
 * of ajv's code generator, which is not a call.
 */
function strayImports(metafile: Metafile, output: string, allowed?: ReadonlySet<string>): string[] {
  const entry = metafile.outputs[output];
  if (!entry) return [`${output} is not in the metafile`];
  const loadable = (path: string) => (allowed ? allowed.has(path) : builtins.has(path) || path === 'electron' || path.startsWith('electron/'));
  return entry.imports.filter((imported) => imported.external && !loadable(imported.path)).map((imported) => `${output} ${imported.kind} ${imported.path}`);
}

test('the built bundles need nothing from node_modules (which the package leaves out)', (context) => {
  const bundles = [
    // The preload runs sandboxed, where only 'electron' can be required.
    { name: 'main', allowed: undefined },
    { name: 'preload', allowed: new Set(['electron']) },
  ].map(({ name, allowed }) => ({ output: `dist/electron/${name}.cjs`, metafile: join(root, 'dist', 'meta', `${name}.json`), allowed }));
  if (!bundles.every(({ output, metafile }) => existsSync(join(root, output)) && existsSync(metafile))) {
    context.skip('dist/electron is not built, or not by a build that writes dist/meta (npm run build)');
    return;
  }
  const stray: string[] = [];
  for (const { output, metafile, allowed } of bundles) {
    const meta = JSON.parse(readFileSync(metafile, 'utf8')) as Metafile;
    assert.equal(meta.outputs[output]?.bytes, statSync(join(root, output)).size, `${relative(root, metafile)} is from the build that wrote ${output} (npm run build)`);
    stray.push(...strayImports(meta, output, allowed));
  }
  assert.deepEqual(stray, []);
});

test('the bundle check finds what esbuild left external, and only that', () => {
  const output = 'dist/electron/main.cjs';
  const metafile = (...imports: [string, boolean][]): Metafile => ({
    outputs: { [output]: { bytes: 1, imports: imports.map(([path, external]) => ({ path, kind: 'require-call', external })) } },
  });
  assert.deepEqual(strayImports(metafile(['node:fs', true], ['path', true], ['electron', true], ['node_modules/ajv/dist/ajv.js', false]), output), []);
  assert.deepEqual(strayImports(metafile(['ajv', true], ['fs', true]), output), [`${output} require-call ajv`]);
  assert.deepEqual(strayImports(metafile(['fs', true]), output, new Set(['electron'])), [`${output} require-call fs`]);
  assert.deepEqual(strayImports(metafile(), 'dist/electron/other.cjs'), ['dist/electron/other.cjs is not in the metafile']);
});
