/**
 * Whether a text is a Marp deck, decided once for the CLI (files found in folders) and the
 * editor (which documents get problems, previews and exports). A line check, not a YAML parse:
 * the editor asks on every keystroke, and its start-up bundle stays free of the YAML parser.
 */

/**
 * Front-matter at the very top: `---`, then YAML up to a `---` or `...` line. Front-matter never
 * closed runs to the end of the text, as Marp's front-matter reader takes it.
 */
const FRONT_MATTER = /^\uFEFF?---[ \t]*\r?\n([\s\S]*?)(?:\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)|$)/;

/** A top-level `marp: true` line, the value bare or quoted, a comment allowed after it. */
const MARP_TRUE_LINE = /^marp[ \t]*:[ \t]*(?:true|"true"|'true')[ \t]*(?:#.*)?\r?$/m;

/** The YAML of the front-matter at the top of `text` (closed or not), or undefined when there is none. */
export function frontMatterYaml(text: string): string | undefined {
  const match = FRONT_MATTER.exec(text);
  return match ? (match[1] ?? '') : undefined;
}

/**
 * Whether `text` is meant as a Marp deck: its front-matter has a `marp: true` line. Two cases
 * Marp for VS Code does not take as a deck are taken here, so that the `front-matter` rule can
 * say what is wrong: front-matter that is never closed, and a quoted `"true"`. Front-matter whose
 * YAML does not parse still counts (the YAML error is then reported).
 */
export function isMarpDeck(text: string): boolean {
  const yaml = frontMatterYaml(text);
  return yaml !== undefined && MARP_TRUE_LINE.test(yaml);
}
