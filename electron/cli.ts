/**
 * The `bitext` command line: one subcommand per module in `cli/`, each
 * `run(args) => exit code`. Errors of the workbench's own are printed to stderr
 * as one line naming the file; anything else is a bug and shows its stack.
 */
import { isBitextError } from '../shared/errors.ts';
import * as align from './cli/align.ts';
import * as detect from './cli/detect.ts';
import * as pair from './cli/pair.ts';
import * as exportCommand from './cli/export.ts';
import * as report from './cli/report.ts';

/** A subcommand: what it does, how to call it, and the code that runs it. */
export interface Command {
  readonly summary: string;
  readonly usage: string;
  run(args: string[]): Promise<number>;
}

const commands: Readonly<Record<string, Command>> = { align, detect, pair, export: exportCommand, report };

function help(): string {
  const lines = Object.entries(commands).map(([name, command]) => `  ${name.padEnd(8)} ${command.summary}\n           ${command.usage}`);
  return `Usage: bitext <command> [options]\n\nCommands:\n${lines.join('\n')}\n\nbitext <command> --help shows the command's options.\n`;
}

/** Runs the CLI with `args` (without `node` and the script) and returns the exit code. */
export async function main(args: string[]): Promise<number> {
  const [name, ...rest] = args;
  if (!name || name === '--help' || name === '-h') {
    process.stdout.write(help());
    return name ? 0 : 2;
  }
  const command = commands[name];
  if (!command) {
    process.stderr.write(`bitext: unknown command "${name}"\n\n${help()}`);
    return 2;
  }
  try {
    return await command.run(rest);
  } catch (error) {
    if (isBitextError(error)) {
      process.stderr.write(`bitext ${name}: ${error.message}\n`);
      return 1;
    }
    if (error instanceof TypeError && (error as NodeJS.ErrnoException).code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
      process.stderr.write(`bitext ${name}: ${error.message}\nUsage: ${command.usage}\n`);
      return 2;
    }
    throw error;
  }
}
