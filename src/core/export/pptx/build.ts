import { basename, dirname, resolve } from 'node:path';
import PptxGenJS from 'pptxgenjs';
import type { Deck, Slide } from '../../deck/types';
import { BRAND_FONT } from './brand';
import { slideText } from './content';
import type { PptxWarning, ReadFile, SlideContext } from './context';
import { loadImage, type LoadedImage } from './images';
import { deckSize, slideGeometry } from './layout';
import { COVER_MASTER, CONTENT_MASTER, defineMasters } from './master';
import { SLIDE_RENDERERS } from './slides';
import { readLocalFile } from './write';
import { slideWarning } from '../warnings';

export interface BuildPresentationOptions {
  /** The deck's file: images resolve against its folder, and only images inside it are embedded. */
  deckPath: string;
  /** Reads an image's bytes (default: the local file system). */
  readFile?: ReadFile;
  /** Called for each thing left out or changed (a missing image, a chart cell that is not a number, …). */
  onWarning?: (warning: PptxWarning) => void;
}

/**
 * Builds a native, editable PowerPoint presentation from a parsed deck: one slide a deck
 * slide, on the house masters, each type drawn as real PowerPoint objects (placeholder
 * titles, bullets, tables, charts, shapes), presenter notes and document properties set.
 */
export function buildPresentation(deck: Deck, options: BuildPresentationOptions): PptxGenJS {
  const deckDir = dirname(resolve(options.deckPath));
  const readFile = options.readFile ?? readLocalFile;
  const pptx = new PptxGenJS();
  const geometry = slideGeometry(deckSize(deck));
  defineMasters(pptx, geometry);
  setProperties(pptx, deck, options.deckPath);

  const sectionOf = partSections(pptx, deck);
  for (const source of deck.slides) {
    const warn: SlideContext['warn'] = (cause, message, range = source.anchor) => options.onWarning?.(slideWarning('pptx', cause, source.index, message, range));
    const type = source.type ?? 'content';
    if (source.type === undefined) {
      warn('class-not-house-type', `Slide class \`${source.className ?? ''}\` is not a house slide type; exported as a content slide.`, source.classDirective?.range);
    }
    const slide = pptx.addSlide({ masterName: type === 'cover' ? COVER_MASTER : CONTENT_MASTER, sectionTitle: sectionOf.get(source.index) });
    const ctx: SlideContext = { pptx, slide, deck, source, text: slideText(source), geometry, warn };
    SLIDE_RENDERERS[type](ctx, loadImages(source, deckDir, readFile, warn));
    const notes = source.notes.map((note) => note.text.trim()).filter((note) => note !== '');
    if (notes.length > 0) slide.addNotes(notes.join('\n\n'));
  }
  return pptx;
}

/** One PowerPoint section a part (house-structure §2), named by its part title; none for a one-part deck. */
function partSections(pptx: PptxGenJS, deck: Deck): Map<number, string> {
  const sections = new Map<number, string>();
  if (deck.parts.length < 2) return sections;
  for (const part of deck.parts) {
    const title = `Part ${part.index + 1}${part.title ? `: ${part.title}` : ''}`;
    pptx.addSection({ title });
    for (const index of part.slideIndices) sections.set(index, title);
  }
  return sections;
}

function loadImages(source: Slide, deckDir: string, readFile: ReadFile, warn: SlideContext['warn']): LoadedImage[] {
  const images: LoadedImage[] = [];
  for (const image of source.images) {
    const result = loadImage(image, deckDir, readFile);
    if (result.ok) images.push(result.image);
    else warn(result.cause, result.reason, image.range);
  }
  return images;
}

/** The deck's language (front-matter `lang`), `en-GB` when unset. */
export function deckLanguage(deck: Deck): string {
  const lang = deck.frontMatter?.data.lang;
  return typeof lang === 'string' && lang.trim() !== '' ? lang.trim() : 'en-GB';
}

/** Title (front-matter `title`, else the first cover's deck title), author (presenter), subject (series), company (organisation). */
function setProperties(pptx: PptxGenJS, deck: Deck, deckPath: string): void {
  const cover = deck.slides.find((slide) => slide.cover)?.cover;
  const frontTitle = deck.frontMatter?.data.title;
  pptx.title =
    (typeof frontTitle === 'string' && frontTitle.trim()) ||
    cover?.deckTitle?.text ||
    deck.slides.find((slide) => slide.title)?.title?.text ||
    basename(deckPath).replace(/\.[^.]+$/, '');
  pptx.author = cover?.presenter?.text ?? '';
  pptx.subject = cover?.series?.text ?? '';
  pptx.company = cover?.organisation?.text ?? '';
  pptx.theme = { headFontFace: BRAND_FONT, bodyFontFace: BRAND_FONT };
}
