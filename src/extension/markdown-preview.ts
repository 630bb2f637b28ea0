/**
 * The house slides inside VS Code's built-in Markdown preview (as Marp for VS Code does):
 * a deck is parsed and drawn by a house Marp instance of its own (raw HTML off, charts
 * included), which borrows the preview's image renderer and link normaliser so pictures load
 * as the preview loads them. Part of the core bundle; the shell (`markdown-it.ts`) decides
 * which documents come here. No `vscode` import.
 *
 * The deck's CSS is scoped to `div#isdeck-markdown-preview > div.marpit` (Marp's containers), so
 * the theme outweighs the preview's own Markdown styles; `media/markdown-preview.css` resets
 * what those set and the theme does not (heading rules, table borders, quote bars).
 *
 * Each slide's `<svg>` carries `class="code-line"` and `data-line` (its first source line), so
 * the preview's own scroll sync and "mark the editor's line" work slide by slide.
 */
import type { Marp } from '@marp-team/marp-core';
import { Element } from '@marp-team/marpit';
import { decodePath } from '../core/deck/images';
import { judgePicture, type PicturePlace } from '../core/images/policy';
import { IMAGE_RESOLVER_ENV } from '../core/render/house-plugin';
import type { MdRenderRule, MdToken } from '../core/render/markdown-it-types';
import { createHouseMarp } from '../core/render/marp';

/** The slice of the preview's markdown-it instance that is borrowed. */
export interface PreviewMarkdownIt {
  renderer: { rules: Record<string, MdRenderRule | undefined> };
  normalizeLink: (url: string) => string;
}

/** Tokens of a deck, with what rendering them needs. */
interface DeckTokens extends Array<MdToken> {
  isdeckCss?: string;
}

export interface MarkdownPreviewPlugin {
  parse(markdown: string, env: Record<string, unknown>, place: PicturePlace | undefined): MdToken[];
  /** The HTML of tokens `parse` made, or undefined for any others. */
  render(tokens: MdToken[], env: unknown): string | undefined;
}

/** The preview's id for the wrapper: `markdown.previewStyles` (media/markdown-preview.css) applies only inside it. */
export const PREVIEW_ROOT_ID = 'isdeck-markdown-preview';

let marp: Marp | undefined;

export function markdownPreviewPlugin(previewMd: PreviewMarkdownIt): MarkdownPreviewPlugin {
  marp ??= createHouseMarp({ container: [new Element('div', { id: PREVIEW_ROOT_ID }), new Element('div', { class: 'marpit' })] });
  const markdown = marp.markdown as unknown as PreviewMarkdownIt & {
    parse(src: string, env: unknown): MdToken[];
    renderer: { render(tokens: MdToken[], options: unknown, env: unknown): string };
    options: unknown;
  };
  markdown.renderer.rules.image = previewMd.renderer.rules.image;
  markdown.normalizeLink = previewMd.normalizeLink;
  const house = marp;
  return {
    parse(source, env, place) {
      const tokens = markdown.parse(source, { ...env, [IMAGE_RESOLVER_ENV]: pictureResolver(place) }) as DeckTokens;
      markSlideLines(tokens);
      const theme = (house as unknown as { lastGlobalDirectives?: { theme?: string } }).lastGlobalDirectives?.theme;
      tokens.isdeckCss = (house as unknown as { renderStyle(theme?: string): string }).renderStyle(theme);
      return tokens;
    },
    render(tokens, env) {
      const css = (tokens as DeckTokens).isdeckCss;
      if (css === undefined) return undefined;
      const html = markdown.renderer.render(tokens, markdown.options, env);
      return `<style>${css.replace(/<\/style/gi, '<\\/style')}</style>${html}`;
    },
  };
}

/**
 * The picture policy, as in the isdeck preview: a local picture outside the workspace is left
 * out, and so is a web address (a deck cannot make the editor fetch from the network).
 */
function pictureResolver(place: PicturePlace | undefined): (src: string) => string | null {
  return (src) => {
    if (!place) return /^(?:https?:)?\/\//i.test(src.trim()) ? null : src;
    const verdict = judgePicture(decodePath(src), place);
    return verdict.kind === 'refused' || verdict.kind === 'remote' ? null : src;
  };
}

/** `class="code-line"` and `data-line` on each slide's `<svg>`, from the slide's first line. */
function markSlideLines(tokens: MdToken[]): void {
  let svg: MdToken | undefined;
  for (const token of tokens) {
    if (token.type === 'marpit_inline_svg_open') svg = token;
    else if (token.type === 'marpit_slide_open' && svg && token.map) {
      svg.attrJoin('class', 'code-line');
      svg.attrSet('data-line', String(token.map[0]));
      svg = undefined;
    }
  }
}
