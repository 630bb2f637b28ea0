import { configJsonSchema } from '../core/config/json-schema';
import { EXIT_OK, parseCommandArgs, UsageError, type CliIo, type Command } from './command';

const USAGE = `Usage: isdeck schema

Prints the JSON schema of .isdeckrc.json / .isdeckrc.yaml (draft-07). The build writes it to
schemas/isdeckrc.schema.json; editors use it for completion and checking.
`;

/** Hidden: the build calls it to write `schemas/isdeckrc.schema.json`. */
export const schemaCommand: Command = {
  name: 'schema',
  summary: 'print the JSON schema of the configuration file',
  usage: USAGE,
  hidden: true,
  async run(args: string[], io: CliIo) {
    const { values, positionals } = parseCommandArgs('schema', args, { help: { type: 'boolean', short: 'h' } } as const);
    if (values.help) {
      io.stdout(USAGE);
      return EXIT_OK;
    }
    if (positionals.length > 0) throw new UsageError(`unexpected argument '${positionals[0]}'`, 'schema');
    io.stdout(`${JSON.stringify(configJsonSchema(), null, 2)}\n`);
    return EXIT_OK;
  },
};
