/**
 * The `bitext` command line: one subcommand per module in `cli/`, each
 * `run(args) => exit code`. Errors of the workbench's own are printed to stderr
 * as one line naming the file; anything else is a bug and shows its stack.
 */
import { isBitextError } from '../shared/errors.ts';
import { commandInfo, type CommandName } from './cli/commands.ts';

/** A subcommand's code: `run(args) => exit code`. */
export interface Command {
  run(args: string[]): Promise<number>;
}

/**
 * Each subcommand's module, loaded only when that command runs: the bundle
 * splits them apart, so `bitext --help` starts without the aligner or exceljs.
 */
const loaders: Readonly<Record<CommandName, () => Promise<Command>>> = {
  align: () => import('./cli/align.ts'),
  detect: () => import('./cli/detect.ts'),
  pair: () => import('./cli/pair.ts'),
  batch: () => import('./cli/batch.ts'),
  export: () => import('./cli/export.ts'),
  report: () => import('./cli/report.ts'),
};

function isCommandName(name: string): name is CommandName {
  return Object.hasOwn(commandInfo, name);
}

function help(): string {
  const lines = Object.entries(commandInfo).map(([name, command]) => `  ${name.padEnd(8)} ${command.summary}\n           ${command.usage}`);
  return `Usage: bitext <command> [options]\n\nCommands:\n${lines.join('\n')}\n\nbitext <command> --help shows the command's options.\n`;
}

/** Runs the CLI with `args` (without `node` and the script) and returns the exit code. */
export async function main(args: string[]): Promise<number> {
  const [name, ...rest] = args;
  if (!name || name === '--help' || name === '-h') {
    process.stdout.write(help());
    return name ? 0 : 2;
  }
  if (!isCommandName(name)) {
    process.stderr.write(`bitext: unknown command "${name}"\n\n${help()}`);
    return 2;
  }
  const { usage } = commandInfo[name];
  try {
    const command = await loaders[name]();
    return await command.run(rest);
  } catch (error) {
    if (isBitextError(error)) {
      process.stderr.write(`bitext ${name}: ${error.message}\n`);
      return 1;
    }
    if (error instanceof TypeError && (error as NodeJS.ErrnoException).code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
      process.stderr.write(`bitext ${name}: ${error.message}\nUsage: ${usage}\n`);
      return 2;
    }
    throw error;
  }
}
