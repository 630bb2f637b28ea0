/** Raw C0 controls but tab and line feed, DEL, C1 controls, bidirectional overrides and isolates. */
export const RAW_CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;

/**
 * A deck whose slide class is the issue's `x\e[2J\e]0;PWNED\a` (clear the screen, retitle the
 * terminal, ring), then a one-character CSI (U+009B) and a right-to-left override (U+202E).
 */
export const HOSTILE_DECK =
  '---\nmarp: true\ntheme: improvement-service\n---\n\n<!-- _class: "x\\e[2J\\e]0;PWNED\\a\\u009B2J\\u202Etxt.exe" -->\n\n## Title\n\nText.\n';

/** The class of {@link HOSTILE_DECK}, as the deck model reads it. */
export const HOSTILE_CLASS = 'x\u001b[2J\u001b]0;PWNED\u0007\u009b2J\u202etxt.exe';
