/**
 * The slice of markdown-it's API the house plugin uses. markdown-it ships no types in this
 * project (no @types/markdown-it), so the shapes are declared here.
 */

export interface MdToken {
  type: string;
  tag: string;
  nesting: number;
  level: number;
  content: string;
  markup: string;
  info: string;
  block: boolean;
  hidden: boolean;
  map: [number, number] | null;
  attrs: [string, string][] | null;
  children: MdToken[] | null;
  meta: Record<string, unknown> | null;
  attrGet(name: string): string | null;
  attrSet(name: string, value: string): void;
  attrJoin(name: string, value: string): void;
}

export type MdTokenConstructor = new (type: string, tag: string, nesting: number) => MdToken;

export interface MdCoreState {
  tokens: MdToken[];
  env: Record<string, unknown>;
  inlineMode: boolean;
  Token: MdTokenConstructor;
}

export interface MdInlineState {
  tokens: MdToken[];
  env: Record<string, unknown>;
  Token: MdTokenConstructor;
}

export interface MdRuler<S> {
  push(name: string, rule: (state: S) => void | boolean): void;
  before(beforeName: string, name: string, rule: (state: S) => void | boolean): void;
  after(afterName: string, name: string, rule: (state: S) => void | boolean): void;
}

export type MdRenderRule = (tokens: MdToken[], idx: number, options: unknown, env: unknown, self: unknown) => string;

export interface MarkdownIt {
  core: { ruler: MdRuler<MdCoreState> };
  inline: { ruler2: MdRuler<MdInlineState> };
  renderer: { rules: Record<string, MdRenderRule | undefined> };
  utils: { escapeHtml(text: string): string };
}
