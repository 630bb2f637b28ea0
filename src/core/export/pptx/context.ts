import type PptxGenJS from 'pptxgenjs';
import type { Deck, Slide, SourceRange } from '../../deck/types';
import type { ExportWarning, WarningCause } from '../warnings';
import type { SlideText } from './content';
import type { SlideGeometry } from './layout';
import type { PlaceholderKind } from './placeholders';

/** Something the export left out or changed, with where it stands in the deck. */
export type PptxWarning = ExportWarning;

/** Reads a file's bytes; `undefined` when it cannot be read. */
export type ReadFile = (absolutePath: string) => Uint8Array | undefined;

/** What a slide module gets to draw one slide. */
export interface SlideContext {
  pptx: PptxGenJS;
  slide: PptxGenJS.Slide;
  deck: Deck;
  source: Slide;
  text: SlideText;
  geometry: SlideGeometry;
  warn(cause: WarningCause, message: string, range?: SourceRange): void;
  /**
   * The object name that makes a shape the slide's title, body or footer placeholder: given
   * once a slide (the first shape to ask gets it), then `undefined` (see `placeholders.ts`).
   */
  placeholder(kind: PlaceholderKind): string | undefined;
}
