/**
 * Deck text in reports and messages is shown, never obeyed: a slide class, a path or a
 * heading may hold terminal control sequences (`_class: "x\e[2J\e]0;PWNED\a"` would clear
 * the screen and retitle the terminal) or bidirectional overrides that make text read other
 * than it is. Every human-readable output passes such characters through here; the
 * machine-readable ones stay valid and carry them escaped.
 */

/**
 * C0 controls except tab and line feed (so ESC, BEL, CR, backspace), DEL, C1 controls
 * (U+009B is a one-character CSI), and the bidirectional embeddings, overrides and isolates.
 */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const UNSAFE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;

/** The same set less the C0 controls, which `JSON.stringify` already escapes. */
const UNSAFE_IN_JSON = /[\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069]/g;

function hex(code: number, digits: number): string {
  return code.toString(16).toUpperCase().padStart(digits, '0');
}

/** Text safe to print on a terminal: each unsafe character as a visible `\x1B` or `\u202E`. */
export function escapeControlCharacters(text: string): string {
  return text.replace(UNSAFE, (character) => {
    const code = character.charCodeAt(0);
    return code < 0x100 ? `\\x${hex(code, 2)}` : `\\u${hex(code, 4)}`;
  });
}

/**
 * JSON text (from `JSON.stringify`) with the characters it leaves raw escaped as `\uXXXX`, so a
 * report read in a terminal (`cat report.json`) obeys nothing. Still the same JSON value: these
 * characters occur only inside strings.
 */
export function escapeJsonControlCharacters(json: string): string {
  return json.replace(UNSAFE_IN_JSON, (character) => `\\u${hex(character.charCodeAt(0), 4)}`);
}

/** The characters of {@link escapeJsonControlCharacters} as XML character references (XML 1.0 allows them, escaped). */
export function escapeXmlControlCharacters(xml: string): string {
  return xml.replace(UNSAFE_IN_JSON, (character) => `&#x${hex(character.charCodeAt(0), 2)};`);
}
