import type { Slide } from '../../deck/types';
import { SLIDE_TYPE_DECLARATIONS, type SlideType, type SlideTypeDeclaration } from '../../slide-types';
import type { LayoutVariant } from '../../slide-types/declaration';
import { BRAND_COLOURS, BRAND_SIZES } from './brand';
import { coverGeometry, PICTURE_COLUMN, px, type Box, type SlideGeometry } from './layout';
import type { ShapeSpec } from './xml';

/**
 * The house slide layouts: one a house slide type (a first cover and a part cover apart, and
 * a content slide with pictures), each with real placeholders (a title, or a centred title on
 * covers; a body; the footer and the slide number) where that type puts its title and its text,
 * and the type's own furniture (the cover's tinted panel, the discussion's navy). Exported slides
 * fill these placeholders, so PowerPoint's Reset Slide and Change Layout work on them, and New
 * Slide gives a house content slide.
 */

/** One layout a slide type, named after it, and the variants a type's declaration chooses between. */
export type HouseLayoutKey = SlideType | LayoutVariant;

/** How a placeholder sets its text when the slide does not say otherwise. */
export interface TextStyle {
  size: number;
  colour: string;
  bold?: boolean;
  /** All Caps with letter spacing. */
  caps?: boolean;
  /** Lines of the house bullets (default: plain paragraphs). */
  bullets?: boolean;
}

export interface PlaceholderLayout {
  box: Box;
  anchor: 't' | 'ctr' | 'b';
  prompt: string;
  /** Overrides of the master's title or body style. */
  style?: TextStyle;
}

export interface HouseLayout {
  key: HouseLayoutKey;
  /** Shown in PowerPoint's layout gallery. */
  name: string;
  /** PowerPoint's layout type (ST_SlideLayoutType): `title` for the cover, `obj` for content, the one New Slide picks. */
  type: string;
  title: PlaceholderLayout & { type: 'title' | 'ctrTitle' };
  body: PlaceholderLayout;
  picture?: PlaceholderLayout;
  /** Slide background (default: the master's paper). */
  background?: string;
  /** Decorative shapes the type draws on every slide of it. */
  ornaments: ShapeSpec[];
}

/** Which layout a deck slide of the declared type goes on. */
export function slideLayoutKey(declaration: SlideTypeDeclaration<SlideType>, slide: Slide, hasInlinePictures: boolean): HouseLayoutKey {
  return declaration.pptx.layout?.(slide, hasInlinePictures) ?? declaration.name;
}

const solid = (name: string, box: Box, fill: string): ShapeSpec => ({ name, box, fill, decorative: true });

/** The house layouts for one slide size, in the order PowerPoint's gallery shows them. */
export function houseLayouts(geometry: SlideGeometry): HouseLayout[] {
  const { body, title, titleBar } = geometry;
  const titled = { type: 'title' as const, box: title, anchor: 'b' as const, prompt: 'Slide title' };
  const bar = solid('Title bar', titleBar, BRAND_COLOURS.teal);
  const bullets: PlaceholderLayout = { box: body, anchor: 't', prompt: 'Bullets: at most 7, two levels' };
  // Slide types drawn as shapes (cards, figures, chevrons, a chart, a table) keep their text
  // placeholder for a short introduction above the drawing.
  const intro: PlaceholderLayout = { box: { ...body, h: body.h * 0.25 }, anchor: 't', prompt: 'Introduction (optional)', style: { size: 18, colour: BRAND_COLOURS.ink } };
  const drawn = SLIDE_TYPE_DECLARATIONS.flatMap(({ name: key, pptx }): HouseLayout[] =>
    pptx.drawnLayoutName === undefined ? [] : [{ key, name: pptx.drawnLayoutName, type: 'cust', title: titled, body: intro, ornaments: [bar] }],
  );
  const cover = coverGeometry(geometry);
  const coverTitle = {
    type: 'ctrTitle' as const,
    box: cover.title,
    anchor: 't' as const,
    prompt: 'Deck title',
    style: { size: BRAND_SIZES.coverTitle.max, colour: BRAND_COLOURS.navy, bold: true },
  };
  const coverOrnaments = [solid('Cover panel', cover.panel, BRAND_COLOURS.tint), solid('Cover panel edge', cover.edge, BRAND_COLOURS.teal)];
  const belowCoverTitle: Box = { ...cover.column, y: cover.title.y + cover.title.h + 0.3, h: 1.6 };
  const textShare = body.w * (1 - PICTURE_COLUMN.share) - PICTURE_COLUMN.gap;
  const discussionTop = body.y + body.h / 2 - 1.1;
  return [
    {
      key: 'cover',
      name: 'Cover',
      type: 'title',
      title: coverTitle,
      body: { box: belowCoverTitle, anchor: 't', prompt: 'Agenda', style: { size: BRAND_SIZES.coverAgenda, colour: BRAND_COLOURS.navy, bullets: true } },
      ornaments: coverOrnaments,
    },
    {
      key: 'part-cover',
      name: 'Part cover',
      type: 'secHead',
      title: coverTitle,
      body: { box: { ...belowCoverTitle, h: 0.8 }, anchor: 't', prompt: 'Part title', style: { size: BRAND_SIZES.coverPart, colour: BRAND_COLOURS.teal, bold: true } },
      ornaments: coverOrnaments,
    },
    { key: 'content', name: 'Content', type: 'obj', title: titled, body: bullets, ornaments: [bar] },
    {
      key: 'content-picture',
      name: 'Content with picture',
      type: 'picTx',
      title: titled,
      body: { ...bullets, box: { ...body, w: textShare } },
      picture: { box: { ...body, x: body.x + body.w * (1 - PICTURE_COLUMN.share), w: body.w * PICTURE_COLUMN.share }, anchor: 't', prompt: 'Picture (with alt text)' },
      ornaments: [bar],
    },
    ...drawn,
    {
      key: 'quote',
      name: 'Quote',
      type: 'cust',
      title: titled,
      body: { box: body, anchor: 'ctr', prompt: 'The quotation, then \u2014 Name, role', style: { size: BRAND_SIZES.quote.max, colour: BRAND_COLOURS.navy } },
      ornaments: [bar],
    },
    {
      key: 'discussion',
      name: 'Discussion',
      type: 'cust',
      background: BRAND_COLOURS.navy,
      title: {
        ...titled,
        box: { ...title, y: discussionTop, h: px(34) },
        prompt: 'Group Discussion',
        style: { size: BRAND_SIZES.discussionLabel, colour: BRAND_COLOURS.onDarkAccent, bold: true, caps: true },
      },
      body: {
        box: { ...body, y: discussionTop + px(34) + 0.35, w: body.w * 0.92, h: 2.2 },
        anchor: 't',
        prompt: 'One question, ending in ?',
        style: { size: BRAND_SIZES.question.max, colour: BRAND_COLOURS.onDark, bold: true },
      },
      ornaments: [],
    },
  ];
}
