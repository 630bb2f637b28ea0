/**
 * The programs some tests need beyond Node (Chromium, LibreOffice, pdftoppm), and what a test
 * does when one is missing: outside CI it is skipped with a note naming the program and how
 * to get it; under CI=true it runs and fails with that note, so CI never passes by skipping.
 * `npm test` installs them first where it can (scripts/provision.mjs).
 */
import { existsSync } from 'node:fs';
import { onPath } from '../../scripts/provision.mjs';

export interface Tool {
  /** The program as a reader knows it, e.g. `soffice (LibreOffice)`. */
  name: string;
  present: boolean;
  /** How to get it. */
  install: string;
}

const PROVISION_HINT = 'or run `npm test` as root, which installs it';

/** Chromium at `path`, which the environment variable `variable` can change. */
export function chromiumTool(path: string, variable: string): Tool {
  return { name: `Chromium (${path})`, present: existsSync(path), install: `apt-get install chromium (${PROVISION_HINT}), or set ${variable} to a Chromium` };
}

/** The browser the export and VS Code tests hand to isdeck: ISDECK_BROWSER, else Debian's Chromium. */
export const BROWSER_PATH = process.env.ISDECK_BROWSER || '/usr/bin/chromium';
export const browser: Tool = chromiumTool(BROWSER_PATH, 'ISDECK_BROWSER');

export const soffice: Tool = {
  name: 'soffice (LibreOffice)',
  present: onPath('soffice'),
  install: `apt-get install libreoffice-impress (${PROVISION_HINT})`,
};

export const pdftoppm: Tool = {
  name: 'pdftoppm (poppler)',
  present: onPath('pdftoppm'),
  install: `apt-get install poppler-utils (${PROVISION_HINT})`,
};

export interface ToolGate {
  /** Skip the tests that need the tools: some are missing and this is not CI. */
  skip: boolean;
  /** The note naming what is missing and how to get it; empty when all are present. */
  note: string;
  /** Throws the note when a tool is missing: a `beforeAll` hook, reached only under CI. */
  assertPresent(): void;
}

/**
 * Decides for a group of tests that need `tools`. Outside CI, a skip prints its note once
 * (`warn`), so the log says which program to install.
 */
export function needTools(tools: readonly Tool[], env: NodeJS.ProcessEnv = process.env, warn: (note: string) => void = console.warn): ToolGate {
  const missing = tools.filter((tool) => !tool.present);
  const note = missing.map((tool) => `${tool.name} is not installed: ${tool.install}`).join('\n');
  const inCi = env.CI !== undefined && env.CI !== '' && env.CI !== 'false' && env.CI !== '0';
  const skip = missing.length > 0 && !inCi;
  if (skip) warn(`Skipped, a program is missing:\n${note}`);
  return {
    skip,
    note,
    assertPresent() {
      if (missing.length > 0) throw new Error(note);
    },
  };
}
