/**
 * Expands a VS Code snippet body the way accepting every default would:
 * `${1:default}` → default (nested placeholders and variables expanded), `${1|a,b|}` → a,
 * `$1` / `${1}` → the default of tab stop 1 if another occurrence gives one (a mirror), else
 * empty, `$0` → empty, `${CURRENT_YEAR}` and the other date/time variables → now,
 * an unknown variable → its default or empty. Escapes `\$`, `\}`, `\\` (and `\,` `\|` in
 * choices) are honoured. Transforms (`${1/re/fmt/}`) are not supported and throw.
 *
 * The editor shows a slide template's Markdown this way (completion documentation), and the
 * tests check that every template, accepted as it stands, renders and lints clean. With
 * `values`, the tab stops they name take them, as if the author had typed them (the
 * New Masterclass Deck answers); a value is text, inserted as it is.
 */

type Node =
  | { kind: 'text'; text: string }
  | { kind: 'tabstop'; index: number; children: Node[] | undefined; choice: string[] | undefined }
  | { kind: 'variable'; name: string; children: Node[] | undefined };

class Parser {
  private pos = 0;
  constructor(private readonly src: string) {}

  parse(): Node[] {
    const nodes = this.sequence(false);
    if (this.pos < this.src.length) throw new Error(`snippet: unexpected "${this.src[this.pos]}" at ${this.pos}`);
    return nodes;
  }

  /** Text and elements up to the end, or up to an unescaped `}` when `nested`. */
  private sequence(nested: boolean): Node[] {
    const nodes: Node[] = [];
    let text = '';
    const flush = () => {
      if (text) nodes.push({ kind: 'text', text });
      text = '';
    };
    while (this.pos < this.src.length) {
      const ch = this.src[this.pos];
      if (ch === '\\' && this.pos + 1 < this.src.length && '$}\\'.includes(this.src[this.pos + 1] ?? '')) {
        text += this.src[this.pos + 1];
        this.pos += 2;
      } else if (ch === '}' && nested) {
        break;
      } else if (ch === '$') {
        const element = this.element();
        if (element) {
          flush();
          nodes.push(element);
        } else {
          text += '$';
          this.pos += 1;
        }
      } else {
        text += ch;
        this.pos += 1;
      }
    }
    flush();
    return nodes;
  }

  private element(): Node | undefined {
    const rest = this.src.slice(this.pos);
    let m = /^\$(\d+)/.exec(rest);
    if (m) {
      this.pos += m[0].length;
      return { kind: 'tabstop', index: Number(m[1]), children: undefined, choice: undefined };
    }
    m = /^\$([A-Za-z_][A-Za-z0-9_]*)/.exec(rest);
    if (m) {
      this.pos += m[0].length;
      return { kind: 'variable', name: m[1] ?? '', children: undefined };
    }
    m = /^\$\{(\d+|[A-Za-z_][A-Za-z0-9_]*)/.exec(rest);
    if (!m) return undefined;
    const name = m[1] ?? '';
    this.pos += m[0].length;
    const next = this.src[this.pos];
    const isTabstop = /^\d+$/.test(name);
    if (next === '}') {
      this.pos += 1;
      return isTabstop
        ? { kind: 'tabstop', index: Number(name), children: undefined, choice: undefined }
        : { kind: 'variable', name, children: undefined };
    }
    if (next === ':') {
      this.pos += 1;
      const children = this.sequence(true);
      this.expect('}');
      return isTabstop
        ? { kind: 'tabstop', index: Number(name), children, choice: undefined }
        : { kind: 'variable', name, children };
    }
    if (next === '|' && isTabstop) {
      this.pos += 1;
      const choice: string[] = [];
      let option = '';
      for (;;) {
        const ch = this.src[this.pos];
        if (ch === undefined) throw new Error('snippet: unterminated choice');
        if (ch === '\\' && ',|\\$}'.includes(this.src[this.pos + 1] ?? '')) {
          option += this.src[this.pos + 1];
          this.pos += 2;
        } else if (ch === ',') {
          choice.push(option);
          option = '';
          this.pos += 1;
        } else if (ch === '|' && this.src[this.pos + 1] === '}') {
          choice.push(option);
          this.pos += 2;
          break;
        } else {
          option += ch;
          this.pos += 1;
        }
      }
      return { kind: 'tabstop', index: Number(name), children: undefined, choice };
    }
    if (next === '/') throw new Error(`snippet: transforms are not supported (\${${name}/…})`);
    throw new Error(`snippet: bad element at ${this.pos}`);
  }

  private expect(ch: string): void {
    if (this.src[this.pos] !== ch) throw new Error(`snippet: expected "${ch}" at ${this.pos}`);
    this.pos += 1;
  }
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** VS Code's date and time snippet variables for `now`. */
export function dateVariables(now: Date = new Date()): Record<string, string> {
  const days = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
  const months = [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
  ];
  const offset = -now.getTimezoneOffset();
  return {
    CURRENT_YEAR: String(now.getFullYear()),
    CURRENT_YEAR_SHORT: String(now.getFullYear()).slice(-2),
    CURRENT_MONTH: pad(now.getMonth() + 1),
    CURRENT_MONTH_NAME: months[now.getMonth()] ?? '',
    CURRENT_MONTH_NAME_SHORT: (months[now.getMonth()] ?? '').slice(0, 3),
    CURRENT_DATE: pad(now.getDate()),
    CURRENT_DAY_NAME: days[now.getDay()] ?? '',
    CURRENT_DAY_NAME_SHORT: (days[now.getDay()] ?? '').slice(0, 3),
    CURRENT_HOUR: pad(now.getHours()),
    CURRENT_MINUTE: pad(now.getMinutes()),
    CURRENT_SECOND: pad(now.getSeconds()),
    CURRENT_SECONDS_UNIX: String(Math.floor(now.getTime() / 1000)),
    CURRENT_TIMEZONE_OFFSET: `${offset >= 0 ? '+' : '-'}${pad(Math.floor(Math.abs(offset) / 60))}:${pad(Math.abs(offset) % 60)}`,
  };
}

/** The body of a snippet with every placeholder replaced by its value, else by its default. */
export function expandSnippet(
  body: string | readonly string[],
  options: { now?: Date; variables?: Record<string, string>; values?: Readonly<Record<number, string>> } = {},
): string {
  const source = typeof body === 'string' ? body : body.join('\n');
  const nodes = new Parser(source).parse();
  const variables = { ...dateVariables(options.now), ...options.variables };
  const defaults = new Map<number, Node[] | string>();
  const collect = (list: Node[]) => {
    for (const node of list) {
      if (node.kind === 'tabstop') {
        if (!defaults.has(node.index)) {
          if (node.choice) defaults.set(node.index, node.choice[0] ?? '');
          else if (node.children) defaults.set(node.index, node.children);
        }
        if (node.children) collect(node.children);
      } else if (node.kind === 'variable' && node.children) collect(node.children);
    }
  };
  collect(nodes);
  const render = (list: Node[], seen: Set<number>): string =>
    list
      .map((node) => {
        if (node.kind === 'text') return node.text;
        if (node.kind === 'variable') {
          const value = variables[node.name];
          if (value !== undefined) return value;
          return node.children ? render(node.children, seen) : '';
        }
        if (node.index === 0 || seen.has(node.index)) return '';
        const typed = options.values?.[node.index];
        if (typed !== undefined) return typed;
        const own = node.choice ? (node.choice[0] ?? '') : node.children;
        const value = own ?? defaults.get(node.index);
        if (value === undefined) return '';
        if (typeof value === 'string') return value;
        return render(value, new Set([...seen, node.index]));
      })
      .join('');
  return render(nodes, new Set());
}
