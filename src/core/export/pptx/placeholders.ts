import type { HouseLayout } from './house-layouts';
import { DECORATIVE_EXTENSION } from './xml';

/**
 * Placeholder indices shared by the master, its layouts and the slides (PowerPoint's own
 * numbering). Kept here, not with the layouts, so that slide drawers reach them without
 * importing the layouts (which list the slide types, which name the drawers).
 */
export const PLACEHOLDER_INDEX = { body: 1, picture: 2, footer: 11, slideNumber: 12 } as const;

/**
 * Slide shapes that fill their layout's placeholders. A slide module draws its title, its
 * body text and the footer as ordinary pptxgenjs text boxes under the names below (each claimed
 * once a slide, see `SlideContext.placeholder`); the finishing pass turns them into placeholder
 * shapes of the slide's layout (`<p:ph type="title"/>`, `type="body" idx="1"`…), keeping the
 * box and the text as measured. Their paragraphs then say everything they would otherwise
 * inherit from the layout and master (indents, spacing, bullet), so the slide looks the same
 * and Reset Slide brings back the house look. Shapes without text (bars, bands, card edges)
 * are ornaments and are marked decorative.
 */

export const PLACEHOLDER_NAMES = { title: 'Title', body: 'Text', footer: 'Footer' } as const;

export type PlaceholderKind = keyof typeof PLACEHOLDER_NAMES;

/** Shapes with text that only repeat what the slide says (an icon beside a header): decorative too. */
export const ICON_NAMES = { benefits: 'Benefits icon', risks: 'Risks icon' } as const;
const DECORATIVE_NAMES = new Set<string>(Object.values(ICON_NAMES));

/** Names a background picture without alt text: decoration, marked so. */
export const DECORATIVE_PICTURE_PREFIX = 'Background: ';

/**
 * The alt text given to pptxgenjs for a picture that has none (a private-use character): left
 * to itself it describes the picture as "preencoded.png". The finishing pass removes it, so
 * the picture has no description and PowerPoint's checker asks for one.
 */
export const NO_ALT_TEXT = '\uE000';

/** A slide's claims: the name of a placeholder the first time it is asked for, then `undefined`. */
export function placeholderClaims(): (kind: PlaceholderKind) => string | undefined {
  const claimed = new Set<PlaceholderKind>();
  return (kind) => {
    if (claimed.has(kind)) return undefined;
    claimed.add(kind);
    return PLACEHOLDER_NAMES[kind];
  };
}

const SHAPE = /<p:sp>[\s\S]*?<\/p:sp>|<p:pic>[\s\S]*?<\/p:pic>/g;

/** A slide part's shapes, placed in its layout's placeholders (see above). */
export function fillPlaceholders(xml: string, layout: HouseLayout): string {
  const phOf: Record<string, string> = {
    [PLACEHOLDER_NAMES.title]: `<p:ph type="${layout.title.type}"/>`,
    [PLACEHOLDER_NAMES.body]: `<p:ph type="body" idx="${PLACEHOLDER_INDEX.body}"/>`,
    [PLACEHOLDER_NAMES.footer]: `<p:ph type="ftr" sz="quarter" idx="${PLACEHOLDER_INDEX.footer}"/>`,
  };
  return xml.replace(SHAPE, (shape) => {
    if (shape.includes('<p:ph type="sldNum"')) return shape.replace(/(<p:ph type="sldNum"[^>]*?) idx="\d+"/, `$1 idx="${PLACEHOLDER_INDEX.slideNumber}"`);
    const name = /<p:cNvPr id="\d+" name="([^"]*)"/.exec(shape)?.[1] ?? '';
    if (shape.startsWith('<p:pic>')) {
      const described = shape.replace(` descr="${NO_ALT_TEXT}"`, '');
      return name.startsWith(DECORATIVE_PICTURE_PREFIX) ? asDecorative(described) : described;
    }
    const ph = phOf[name];
    if (ph && !shape.includes('<p:ph ')) return asPlaceholder(shape, ph);
    if (DECORATIVE_NAMES.has(name) || (!shape.includes('<a:t>') && !/<p:cNvPr [^>]*descr="[^"]/.test(shape))) return asDecorative(shape);
    return shape;
  });
}

function asPlaceholder(shape: string, ph: string): string {
  return shape
    .replace(/<p:cNvSpPr(?: txBox="1")?\/>/, '<p:cNvSpPr><a:spLocks noGrp="1"/></p:cNvSpPr>')
    .replace(/<p:nvPr\/>|<p:nvPr><\/p:nvPr>/, `<p:nvPr>${ph}</p:nvPr>`)
    .replace(/<a:p>(<a:pPr\b[^>]*\/>|<a:pPr\b[^>]*>[\s\S]*?<\/a:pPr>)?/g, (_, pPr: string | undefined) => `<a:p>${settledParagraphProperties(pPr ?? '<a:pPr/>')}`);
}

function asDecorative(shape: string): string {
  return shape.replace(/(<p:cNvPr id="\d+" name="[^"]*"[^>]*?)(?:\/>|>\s*<\/p:cNvPr>)/, `$1>${DECORATIVE_EXTENSION}</p:cNvPr>`);
}

const BULLET = /<a:bu(?:None|Char|AutoNum|Blip)\b/;

/**
 * Paragraph properties that leave nothing to inheritance: a left margin and indent (0 when
 * unset), space before (0 when unset) and a bullet (none when unset). pptxgenjs writes only
 * what differs from a plain text box; in a placeholder the rest would come from the house
 * body style (hanging indents, bullets, spacing).
 */
export function settledParagraphProperties(pPr: string): string {
  const open = /^<a:pPr\b[^>]*?(?=\/?>)/.exec(pPr)![0];
  let attributes = open;
  if (!/ marL="/.test(attributes)) attributes += ' marL="0"';
  if (!/ indent="/.test(attributes)) attributes += ' indent="0"';
  let children = pPr.endsWith('/>') ? '' : pPr.slice(pPr.indexOf('>') + 1, -'</a:pPr>'.length);
  if (!children.includes('<a:spcBef>')) {
    const afterLineSpacing = /^<a:lnSpc>[\s\S]*?<\/a:lnSpc>/.exec(children)?.[0] ?? '';
    children = `${afterLineSpacing}<a:spcBef><a:spcPts val="0"/></a:spcBef>${children.slice(afterLineSpacing.length)}`;
  }
  if (!BULLET.test(children)) {
    const tail = /<a:(?:tabLst|defRPr|extLst)\b/.exec(children)?.index ?? children.length;
    children = `${children.slice(0, tail)}<a:buNone/>${children.slice(tail)}`;
  }
  return `${attributes}>${children}</a:pPr>`;
}
