/**
 * What the project knows about one house slide type, in one object: its name and purpose, the
 * Markdown an author starts from, how tall its content is (for the theme's fitting ladder),
 * how PowerPoint export draws it and which layout it goes on, and how the importer recognises
 * it. Each type has a file of its own (`src/core/slide-types/<type>.ts`); the list in
 * `./index.ts` is the house's list of types, in the house order.
 */
import type { SlideRenderer } from '../export/pptx/slides/renderer';
import type { SlideRecogniser } from '../import/recognisers/recogniser';
import type { SlideFit } from '../render/fit';
import type { Slide } from '../deck/types';

/** House layouts that are a variant of a type's own: a later part's cover, a content slide with pictures. */
export type LayoutVariant = 'part-cover' | 'content-picture';

/** One thing the author fills in on a slide of the type, in the order the template asks for it. */
export interface SlideField {
  name: string;
  description: string;
}

export interface SlideTypeDeclaration<Name extends string = string> {
  /** The class an author writes: `<!-- _class: <name> -->`. */
  name: Name;
  /** What the slide is for and what it holds, in one sentence an author reads in the editor. */
  description: string;
  /**
   * The slide in VS Code snippet syntax (`${1:default}` placeholders), one string a line, with no
   * slide break of its own. Accepted with its defaults it must render and lint clean.
   */
  template: readonly string[];
  fields: readonly SlideField[];
  fit: SlideFit;
  /** What the house markdown-it plugin does for the type beyond fitting it. */
  render?: {
    /** Top-level items lead with bold text (`**Name** – …`): the separator is marked so the theme can set the lead apart. */
    boldLeadItems?: true;
    /** The slide's first table of numbers is drawn as a bar chart. */
    tableAsChart?: true;
  };
  pptx: {
    draw: SlideRenderer;
    /** The variant of the type's house layout a slide goes on, when it needs one (default: the layout named after the type). */
    layout?: (slide: Slide, hasInlinePictures: boolean) => LayoutVariant | undefined;
    /**
     * Types drawn as shapes (cards, figures, chevrons, a chart) share one layout design: a
     * title and a short introduction. Their layout's name in PowerPoint's gallery; types with a
     * layout of their own (`house-layouts.ts`) leave it out.
     */
    drawnLayoutName?: string;
  };
  /** How the importer tells a slide of this type in a PowerPoint file; none: never recognised. */
  recogniser?: SlideRecogniser;
}
