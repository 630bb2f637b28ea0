import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv, { type ValidateFunction } from 'ajv';

const SCHEMA_PATH = join(__dirname, '..', '..', 'node_modules', '@microsoft', 'jest-sarif', 'lib', 'schemas', 'sarif-2.1.0-rtm.5.json');

/** Characters RFC 3986 allows in a URI reference, with `%` only as part of an escape. */
const URI_REFERENCE = /^(?:[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=]|%[0-9A-Fa-f]{2})*$/;

let validator: ValidateFunction | undefined;

/**
 * The SARIF 2.1.0 schema (the copy @microsoft/jest-sarif ships) compiled with ajv's draft-07
 * validator. The file declares draft-04, whose meta-schema ajv 8 does not bundle; its keywords
 * are the draft-07 ones, so the declaration is dropped. Formats are checked, strictly for URIs.
 */
export function sarifValidator(): ValidateFunction {
  if (validator) return validator;
  const { $schema: _declared, id: _id, ...schema } = JSON.parse(readFileSync(SCHEMA_PATH, 'utf8')) as Record<string, unknown>;
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  ajv.addFormat('uri', (value: string) => URI_REFERENCE.test(value) && /^[A-Za-z][A-Za-z0-9+.-]*:/.test(value));
  ajv.addFormat('uri-reference', (value: string) => URI_REFERENCE.test(value));
  ajv.addFormat('date-time', (value: string) => !Number.isNaN(Date.parse(value)));
  validator = ajv.compile(schema);
  return validator;
}

/** Ajv's errors as readable lines, for failure messages. */
export function sarifErrors(validate: ValidateFunction): string {
  return (validate.errors ?? []).map((error) => `${error.instancePath} ${error.message}`).join('\n');
}
