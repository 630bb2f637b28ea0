import { z } from 'zod';
import { allRules } from '../rules';
import type { Rule } from '../rules/rule';
import { buildConfigSchema } from './schema';

export const CONFIG_SCHEMA_ID = 'https://github.com/improvement-service/isdeck/blob/main/schemas/isdeckrc.schema.json';

/**
 * The JSON schema (draft-07) of `.isdeckrc.json` / `.isdeckrc.yaml`, generated from the same zod
 * schema the loader validates with, so editor completion and the CLI always agree.
 * `isdeck schema` prints it; the build writes it to `schemas/isdeckrc.schema.json`.
 */
export function configJsonSchema(rules: readonly Rule[] = allRules): Record<string, unknown> {
  const schema = z.toJSONSchema(buildConfigSchema(rules), {
    target: 'draft-7',
    // What an author writes: options with defaults are optional.
    io: 'input',
    unrepresentable: 'any',
  }) as Record<string, unknown>;
  const { $schema, ...rest } = schema;
  return {
    $schema,
    $id: CONFIG_SCHEMA_ID,
    title: 'isdeck configuration (.isdeckrc.json / .isdeckrc.yaml)',
    ...rest,
  };
}
