import type { SlideContext } from '../context';
import type { Picture } from '../pictures';

/** Draws one slide of a type onto `ctx.slide` (each type's declaration names its own). */
export type SlideRenderer = (ctx: SlideContext, images: readonly Picture[]) => void;
