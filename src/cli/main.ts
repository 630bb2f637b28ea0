import { version } from '../../package.json';
import { EXIT_OK, EXIT_USAGE, say, UsageError, type CliIo, type Command } from './command';
import { lintCommand } from './lint';
import { rulesCommand } from './rules';
import { schemaCommand } from './schema';
import { exportCommand } from './export';
import { importCommand } from './import';

/**
 * The dispatch table: `isdeck <name> …` runs `COMMANDS[name].run(args, io)`.
 * To add a command, write a `Command` in its own module and list it here;
 * `isdeck --help` lists every command that is not `hidden`, in this order.
 */
export const COMMANDS: readonly Command[] = [
  lintCommand,
  exportCommand,
  importCommand,
  rulesCommand,
  schemaCommand,
];

export function mainUsage(commands: readonly Command[] = COMMANDS): string {
  const shown = commands.filter((command) => !command.hidden);
  const width = Math.max(...shown.map((command) => command.name.length));
  return `Usage: isdeck <command> [options]

Improvement Service decks: check Marp decks against the house structure.

Commands:
${shown.map((command) => `  ${command.name.padEnd(width)}  ${command.summary}`).join('\n')}

Options:
  -h, --help     show this help
  -v, --version  show the version

Run 'isdeck <command> --help' for a command's options.
`;
}

/** Runs one command line (the arguments after `isdeck`) and resolves to the exit code. Never throws. */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    const [first, ...rest] = argv;
    if (first === undefined) {
      io.stderr(mainUsage());
      return EXIT_USAGE;
    }
    if (first === '-h' || first === '--help') {
      io.stdout(mainUsage());
      return EXIT_OK;
    }
    if (first === '-v' || first === '--version') {
      io.stdout(`${version}\n`);
      return EXIT_OK;
    }
    if (first === 'help') {
      const topic = rest[0] === undefined ? undefined : COMMANDS.find((command) => command.name === rest[0]);
      if (rest[0] !== undefined && !topic) throw new UsageError(`unknown command '${rest[0]}'`);
      io.stdout(topic ? topic.usage : mainUsage());
      return EXIT_OK;
    }
    if (first.startsWith('-')) throw new UsageError(`unknown option '${first}'`);
    const command = COMMANDS.find((candidate) => candidate.name === first);
    if (!command) throw new UsageError(`unknown command '${first}'`);
    return await command.run([...rest], io);
  } catch (error) {
    return reportError(error, io, usageOf);
  }
}

/** The help text for a command, or the main help. */
function usageOf(commandName: string | undefined): string {
  return COMMANDS.find((command) => command.name === commandName)?.usage ?? mainUsage();
}

/**
 * The one place an error becomes output: `isdeck: <message>` on stderr, exit 2, never a stack
 * trace (unless ISDECK_DEBUG is set). Bad usage is followed by the usage text.
 */
export function reportError(error: unknown, io: Pick<CliIo, 'stderr' | 'env'>, usage?: (command: string | undefined) => string): number {
  if (error instanceof UsageError) {
    say(io, error.message);
    if (usage) io.stderr(`\n${usage(error.command)}`);
    return EXIT_USAGE;
  }
  const message = error instanceof Error ? error.message : String(error);
  say(io, message.split('\n')[0] ?? message);
  if (io.env.ISDECK_DEBUG && error instanceof Error && error.stack) io.stderr(`${error.stack}\n`);
  return EXIT_USAGE;
}

/** Reads `stream` to its end or to `maxBytes` + 1 bytes, whichever comes first; memory stays within the limit and one chunk. */
function readAtMost(stream: NodeJS.ReadStream, maxBytes: number): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer | string) => {
      const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      chunks.push(buffer);
      size += buffer.length;
      if (size <= maxBytes) return;
      stream.off('data', onData);
      stream.destroy();
      resolve(Buffer.concat(chunks).subarray(0, maxBytes + 1));
    };
    stream.on('data', onData);
    stream.on('end', () => resolve(Buffer.concat(chunks)));
    stream.on('error', reject);
  });
}

function processIo(): CliIo {
  return {
    cwd: process.cwd(),
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    stdoutIsTTY: process.stdout.isTTY === true,
    env: process.env,
    readStdin: (maxBytes) => readAtMost(process.stdin, maxBytes),
  };
}

function start(): void {
  const io = processIo();
  const fail = (error: unknown) => {
    process.exitCode = reportError(error, io);
  };
  process.on('uncaughtException', fail);
  process.on('unhandledRejection', fail);
  // `isdeck lint | head`: the reader went away; stop quietly.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    fail(error);
  });
  main(process.argv.slice(2), io).then((code) => {
    process.exitCode = code;
  }, fail);
}

start();
