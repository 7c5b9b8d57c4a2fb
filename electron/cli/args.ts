/**
 * Argument parsing shared by the subcommands: `node:util` parseArgs in strict
 * mode, so an unknown option is an error rather than silently ignored.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { BitextError } from '../../shared/errors.ts';

/** Parses `args` strictly with `options`, allowing positionals. */
export function parse<T extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: T) {
  return parseArgs({ args, options, allowPositionals: true, strict: true });
}

/** Throws a usage error unless there are between `min` and `max` positional arguments. */
export function expectPositionals(positionals: string[], min: number, max: number, usage: string): void {
  if (positionals.length < min || positionals.length > max) {
    throw new BitextError('invalid-argument', `expected ${min === max ? min : `${min} to ${max === Infinity ? 'any number of' : max}`} file argument(s), got ${positionals.length}\nUsage: ${usage}`);
  }
}
