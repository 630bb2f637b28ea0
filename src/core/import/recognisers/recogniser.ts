/**
 * The one interface every slide type's recogniser implements. A recogniser looks at a
 * framed slide (title found, decoration gone) and either declines or says which shapes it
 * turns into which blocks of its type's Markdown. The importer writes the title, places the
 * blocks where the first claimed shape stood in reading order, and writes every shape no
 * recogniser claimed as plain content, so nothing on the slide is lost.
 */
import type { SlideType } from '../../deck/types';
import type { Block } from '../blocks';
import type { ImportSlide } from '../frame';
import type { Shape } from '../model';

export interface Recognition {
  /** The type's blocks, placed where the first claimed shape stood. */
  blocks: Block[];
  /** The shapes these blocks were made from. */
  claimed: ReadonlySet<Shape>;
  /** The recogniser writes the title itself (a cover's `#` deck title). */
  ownsTitle?: boolean;
  /**
   * Where, in `blocks`, the shapes no recogniser claimed go (a cover's pictures must not
   * stand before its series line or after its presenter). Default: in reading order.
   */
  restAt?: number;
  /** What a person should check, in one line each. */
  findings?: string[];
}

export interface SlideRecogniser {
  readonly type: SlideType;
  /** The slide read as this type, or undefined when it is not one. */
  recognise(slide: ImportSlide): Recognition | undefined;
}
