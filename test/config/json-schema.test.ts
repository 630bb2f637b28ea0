import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { configJsonSchema } from '../../src/core/config/json-schema';
import { allRules } from '../../src/core/rules';

describe('configJsonSchema', () => {
  const schema = configJsonSchema();
  const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);

  it('is a draft-07 schema listing every rule', () => {
    expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
    const rules = (schema.properties as { rules: { properties: Record<string, unknown> } }).rules.properties;
    expect(Object.keys(rules)).toEqual(allRules.map((rule) => rule.id));
  });

  it('accepts a good configuration', () => {
    const good = {
      $schema: './schemas/isdeckrc.schema.json',
      root: true,
      rules: { 'uk-spelling': 'off', 'slide-title': 'warning', 'bullet-limits': { severity: 'error', options: { maxBullets: 5 } } },
    };
    expect(validate(good), JSON.stringify(validate.errors)).toBe(true);
    expect(validate({})).toBe(true);
  });

  it('rejects unknown rules, bad severities, bad options and unknown keys', () => {
    expect(validate({ rules: { 'no-such-rule': 'error' } })).toBe(false);
    expect(validate({ rules: { 'slide-title': 'warn' } })).toBe(false);
    expect(validate({ rules: { 'bullet-limits': { options: { maxBullets: 'seven' } } } })).toBe(false);
    expect(validate({ rules: { 'bullet-limits': { level: 'error' } } })).toBe(false);
    expect(validate({ rooty: true })).toBe(false);
    expect(validate({ root: 'yes' })).toBe(false);
  });
});
