import { dirname, resolve } from 'node:path';
import PptxGenJS from 'pptxgenjs';
import { deckProperties, type DeckProperties } from '../../deck/properties';
import type { Deck, Slide, SourceRange } from '../../deck/types';
import { findWorkspaceRoot } from '../../config/workspace';
import { addBands } from './bands';
import { BRAND_COLOURS, BRAND_FONT, BRAND_SIZES } from './brand';
import { slideText } from './content';
import type { PptxWarning, ReadFile, SlideContext } from './context';
import { formulaDrawer, withDrawnFormulas, type EquationStore } from './equations';
import { foreignLookWarnings } from './foreign';
import { ImageLoader, readLocalFile } from './images';
import { recordHousePlan, type HousePlan } from './house-package';
import { slideLayoutKey } from './house-layouts';
import { slideGeometry, type SlideGeometry } from './layout';
import { addBackgrounds, pictureOf, type Picture } from './pictures';
import { placeholderClaims } from './placeholders';
import { slideTypeDeclaration } from '../../slide-types';
import { slideWarning } from '../warnings';

export interface BuildPresentationOptions {
  /** The deck's file: images resolve against its folder. */
  deckPath: string;
  /** The folder pictures must be inside (default: the deck's workspace, `findWorkspaceRoot`). */
  workspaceRoot?: string;
  /** Reads an image's bytes (default: the local file system). */
  readFile?: ReadFile;
  /** Called for each thing left out or changed (a missing image, a chart cell that is not a number, …). */
  onWarning?: (warning: PptxWarning) => void;
  /**
   * Where formulas become Office equations; pass the same store to `packPresentation`.
   * Without one, formulas are drawn as their TeX.
   */
  equations?: EquationStore;
}

/**
 * Builds a native, editable PowerPoint presentation from a parsed deck: one slide a deck
 * slide, on the house masters, each type drawn as real PowerPoint objects (placeholder
 * titles, bullets, tables, charts, shapes, code, equations, pictures), the header and footer
 * directives in the bands, presenter notes and document properties set. A slide of any
 * other class is drawn as a content slide; what of a deck's look is not carried over is
 * named once a cause (see `foreign.ts`).
 */
export function buildPresentation(deck: Deck, options: BuildPresentationOptions): PptxGenJS {
  const deckDir = dirname(resolve(options.deckPath));
  const images = new ImageLoader({ deckDir, workspaceRoot: options.workspaceRoot ?? findWorkspaceRoot(deckDir) }, options.readFile ?? readLocalFile);
  const pptx = new PptxGenJS();
  const properties = deckProperties(deck, options.deckPath);
  const geometry = slideGeometry(properties.size);
  pptx.defineLayout({ name: geometry.name, width: geometry.width, height: geometry.height });
  pptx.layout = geometry.name;
  setProperties(pptx, properties);
  const plan: HousePlan = { geometry, slides: [] };

  const foreign = foreignLookWarnings(deck);
  const sectionOf = partSections(pptx, deck);
  for (const model of deck.slides) {
    const warn: SlideContext['warn'] = (cause, message, range = model.anchor) => options.onWarning?.(slideWarning('pptx', cause, model.index, message, range));
    const leftOut = (message: string, range: SourceRange) => warn('picture-left-out', message, range);
    for (const warning of foreign.filter((candidate) => candidate.slide === model.index + 1)) options.onWarning?.(warning);
    const declaration = slideTypeDeclaration(model.type ?? 'content');
    const slide = pptx.addSlide({ sectionTitle: sectionOf.get(model.index) });
    slide.slideNumber = slideNumber(geometry);
    const drawFormula = formulaDrawer(options.equations, (message, range) => warn('formula-as-tex', message, range));
    const source = withDrawnFormulas(model, drawFormula);
    const text = slideText(source, (formula) => drawFormula(formula.tex, true, formula.range));
    const pictures = loadPictures(source, images, leftOut);
    const inline = pictures.filter((picture) => !picture.keywords.background);
    const frame: SlideContext = { pptx, slide, deck, source, text, geometry, warn, placeholder: placeholderClaims() };
    const ctx: SlideContext = { ...frame, geometry: addBackgrounds(frame, pictures.filter((picture) => picture.keywords.background)) };
    declaration.pptx.draw(ctx, inline);
    addBands(frame);
    plan.slides.push({ layout: slideLayoutKey(declaration, model, inline.length > 0), title: (model.cover ? model.cover.deckTitle?.text : text.title?.text) ?? '' });
    const notes = source.notes.map((note) => note.text.trim()).filter((note) => note !== '');
    if (notes.length > 0) slide.addNotes(notes.join('\n\n'));
  }
  recordHousePlan(pptx, plan);
  return pptx;
}

/** The slide number, in the layout's slide-number placeholder (navy, bold, right). */
function slideNumber(geometry: SlideGeometry): PptxGenJS.SlideNumberProps {
  return {
    ...geometry.slideNumber,
    fontFace: BRAND_FONT,
    fontSize: BRAND_SIZES.slideNumber,
    bold: true,
    color: BRAND_COLOURS.navy,
    align: 'right',
    valign: 'middle',
  };
}

/** One PowerPoint section a part (docs/house-structure.md §2), named by its part title; none for a one-part deck. */
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

function loadPictures(source: Slide, loader: ImageLoader, leftOut: (message: string, range: SourceRange) => void): Picture[] {
  const pictures: Picture[] = [];
  for (const image of source.images) {
    const result = loader.load(image);
    if (result.ok) pictures.push(pictureOf(result.image, image));
    else leftOut(result.reason, image.range);
  }
  return pictures;
}

/** The deck's properties as the presentation's core properties; the house font as its theme fonts. */
function setProperties(pptx: PptxGenJS, properties: DeckProperties): void {
  pptx.title = properties.title;
  pptx.author = properties.author ?? '';
  pptx.subject = properties.subject ?? '';
  pptx.company = properties.organisation ?? '';
  pptx.theme = { headFontFace: BRAND_FONT, bodyFontFace: BRAND_FONT };
}
