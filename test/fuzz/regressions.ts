import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type { FuzzFinding } from './fuzzer';

/**
 * A deck the fuzzer found, kept as JSON so that every character survives (lone surrogates,
 * NUL, CR), with the seed of its incremental edits and what was found.
 */
export type Regression = FuzzFinding;

export const REGRESSIONS = join(__dirname, '..', 'fixtures', 'fuzz');

export function readRegressions(folder = REGRESSIONS): Array<{ name: string; regression: Regression }> {
  return readdirSync(folder)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => ({ name, regression: JSON.parse(readFileSync(join(folder, name), 'utf8')) as Regression }));
}

/** Writes a finding as `<check>-<hash of the deck>.json`; the same deck found again overwrites itself. */
export function saveRegression(folder: string, regression: Regression): string {
  const hash = createHash('sha256').update(regression.text).digest('hex').slice(0, 12);
  const name = `${regression.found[0]?.check ?? 'finding'}-${hash}.json`;
  writeFileSync(join(folder, name), `${JSON.stringify(regression, null, 2)}\n`);
  return name;
}
