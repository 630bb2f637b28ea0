import { parseArgs, type ParseArgsConfig } from 'node:util';
import { escapeControlCharacters } from '../core/report/control-characters';

/** What a command may touch of the outside world; the entry point passes the real process. */
export interface CliIo {
  /** The working folder: relative paths, globs and reported file names start here. */
  cwd: string;
  stdout(text: string): void;
  stderr(text: string): void;
  /** Whether standard output is a terminal (colours). */
  stdoutIsTTY: boolean;
  env: Readonly<Record<string, string | undefined>>;
  /**
   * Standard input (for `isdeck lint -`), read up to `maxBytes` and one byte more: more
   * than `maxBytes` means it was too long, and the rest is never read (an endless stream stops).
   */
  readStdin(maxBytes: number): Promise<Uint8Array>;
}

/** One `isdeck <name>` command. */
export interface Command {
  name: string;
  /** One line for `isdeck --help`. */
  summary: string;
  /** The full text of `isdeck <name> --help`. */
  usage: string;
  /** Left out of `isdeck --help` (e.g. `schema`, for the build). */
  hidden?: boolean;
  /** Runs with the arguments after the command name; resolves to the exit code. Throws {@link UsageError} for bad usage. */
  run(args: string[], io: CliIo): Promise<number>;
}

/** Exit codes (docs/house-structure.md §5). */
export const EXIT_OK = 0;
export const EXIT_PROBLEMS = 1;
export const EXIT_USAGE = 2;

/** Bad usage: printed as `isdeck: <message>` with a pointer to the command's help, exit 2. */
export class UsageError extends Error {
  constructor(
    message: string,
    /** The command whose help applies, if any. */
    readonly command?: string,
  ) {
    super(message);
    this.name = 'UsageError';
  }
}

/** `util.parseArgs` with its errors turned into short {@link UsageError}s. */
export function parseCommandArgs<Options extends NonNullable<ParseArgsConfig['options']>>(command: string, args: string[], options: Options) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const unknown = /^Unknown option '([^']+)'/.exec(message);
    if (unknown) throw new UsageError(`unknown option '${unknown[1]}'`, command);
    const flag = /^Option '(?:-\w, )?(--[\w-]+)/.exec(message)?.[1];
    if (flag && /argument missing|argument is ambiguous/.test(message)) throw new UsageError(`${flag} needs a value`, command);
    if (flag && /does not take an argument/.test(message)) throw new UsageError(`${flag} takes no value`, command);
    throw new UsageError((message.split('\n')[0] ?? message).replace(/\.$/, ''), command);
  }
}

/**
 * Prints one message line on standard error, `isdeck: <message>`. Messages quote deck text
 * (paths, classes, addresses), so control characters are shown escaped, never obeyed.
 */
export function say(io: Pick<CliIo, 'stderr'>, message: string): void {
  io.stderr(`isdeck: ${escapeControlCharacters(message)}\n`);
}
