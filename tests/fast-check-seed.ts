/**
 * Property tests explore new random cases on every local run, but CI must be
 * reproducible: there (CI set) they run with a fixed seed, and anywhere
 * `FC_SEED=N` replays a run. Loaded with `--import` before the test files.
 */
import fc from 'fast-check';

const seed = process.env['FC_SEED'] ?? (process.env['CI'] ? '20261122' : undefined);
if (seed !== undefined) fc.configureGlobal({ ...fc.readConfigureGlobal(), seed: Number(seed) });
