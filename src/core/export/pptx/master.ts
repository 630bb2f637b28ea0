import type PptxGenJS from 'pptxgenjs';
import { BRAND_COLOURS, BRAND_FONT, BRAND_SIZES, BRAND_TAGLINE, BRAND_WORDMARK } from './brand';
import { textWidth } from './fit';
import type { Box, SlideGeometry } from './layout';

/** Master for every slide but covers: the house frame and a title placeholder over a teal bar. */
export const CONTENT_MASTER = 'IS Content';
/** Master for covers: the house frame, and the deck title placeholder drawn large. */
export const COVER_MASTER = 'IS Cover';

type MasterObject = PptxGenJS.SlideMasterProps['objects'] extends (infer T)[] | undefined ? T : never;

/** Box of the deck title on a cover (the cover module lays the rest out around it). */
export function coverTitleBox(geometry: SlideGeometry) {
  return { x: geometry.margin, y: 1.55, w: geometry.width * 0.78 - geometry.margin, h: 1.75 };
}

/** Defines the layout from the deck's size and the two masters. */
export function defineMasters(pptx: PptxGenJS, geometry: SlideGeometry): void {
  pptx.defineLayout({ name: geometry.name, width: geometry.width, height: geometry.height });
  pptx.layout = geometry.name;
  const slideNumber: PptxGenJS.SlideNumberProps = {
    ...geometry.slideNumber,
    fontFace: BRAND_FONT,
    fontSize: BRAND_SIZES.slideNumber,
    bold: true,
    color: BRAND_COLOURS.navy,
    align: 'right',
    valign: 'middle',
  };
  pptx.defineSlideMaster({
    title: CONTENT_MASTER,
    background: { color: BRAND_COLOURS.paper },
    objects: [
      ...frame(geometry),
      {
        rect: {
          x: geometry.margin,
          y: geometry.title.y + geometry.title.h + 0.06,
          w: 0.75,
          h: 0.042,
          fill: { color: BRAND_COLOURS.teal },
          line: { color: BRAND_COLOURS.teal, width: 0 },
        },
      },
      {
        placeholder: {
          options: {
            name: 'title',
            type: 'title',
            ...geometry.title,
            margin: 0,
            valign: 'bottom',
            align: 'left',
            fontFace: BRAND_FONT,
            fontSize: BRAND_SIZES.title.max,
            bold: true,
            color: BRAND_COLOURS.navy,
          },
          text: '',
        },
      },
    ],
    slideNumber,
  });
  pptx.defineSlideMaster({
    title: COVER_MASTER,
    background: { color: BRAND_COLOURS.paper },
    objects: [
      ...frame(geometry),
      {
        placeholder: {
          options: {
            name: 'title',
            type: 'title',
            ...coverTitleBox(geometry),
            margin: 0,
            valign: 'top',
            align: 'left',
            fontFace: BRAND_FONT,
            fontSize: BRAND_SIZES.coverTitle.max,
            bold: true,
            color: BRAND_COLOURS.navy,
          },
          text: '',
        },
      },
    ],
    slideNumber,
  });
}

/** Header band with the tagline, teal rule, white footer band with the wordmark. */
function frame(geometry: SlideGeometry): MasterObject[] {
  const solid = (color: string) => ({ fill: { color }, line: { color, width: 0 } });
  const { header, accent, footer, wordmark, margin, width } = geometry;
  return [
    { rect: { ...header, ...solid(BRAND_COLOURS.navy) } },
    { rect: { ...accent, ...solid(BRAND_COLOURS.teal) } },
    {
      text: {
        text: BRAND_TAGLINE,
        options: {
          x: margin,
          y: header.y,
          w: width - 2 * margin,
          h: header.h,
          margin: 0,
          align: 'right',
          valign: 'middle',
          fontFace: BRAND_FONT,
          fontSize: BRAND_SIZES.tagline,
          bold: true,
          charSpacing: 1,
          color: BRAND_COLOURS.onDark,
        },
      },
    },
    { rect: { ...footer, ...solid(BRAND_COLOURS.paper) } },
    { line: { x: margin, y: footer.y, w: width - 2 * margin, h: 0, line: { color: BRAND_COLOURS.rule, width: 0.75 } } },
    ...wordmarkObjects(wordmark),
  ];
}

/**
 * The wordmark as three text boxes ("Improvement", a bold teal "is." set right after it,
 * "improvement service" under them): a master's text object takes one run only.
 */
function wordmarkObjects(box: Box): MasterObject[] {
  const size = BRAND_SIZES.wordmark;
  const leadWidth = textWidth(BRAND_WORDMARK.lead, size);
  const lineHeight = (size * 1.2) / 72;
  const common = { margin: 0, valign: 'bottom' as const, align: 'left' as const, fontFace: BRAND_FONT, fontSize: size };
  return [
    { text: { text: BRAND_WORDMARK.lead.trimEnd(), options: { ...common, x: box.x, y: box.y, w: leadWidth + 0.05, h: lineHeight, color: BRAND_COLOURS.navy } } },
    {
      text: {
        text: BRAND_WORDMARK.accent,
        options: { ...common, x: box.x + leadWidth, y: box.y, w: 0.5, h: lineHeight, bold: true, color: BRAND_COLOURS.teal },
      },
    },
    {
      text: {
        text: BRAND_WORDMARK.strapline,
        options: {
          ...common,
          valign: 'top',
          x: box.x,
          y: box.y + lineHeight,
          w: box.w,
          h: box.h - lineHeight,
          fontSize: BRAND_SIZES.strapline,
          charSpacing: 0.5,
          color: BRAND_COLOURS.muted,
        },
      },
    },
  ];
}
