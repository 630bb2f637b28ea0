import type { SlideType } from '../../../deck/types';
import type { SlideContext } from '../context';
import type { Picture } from '../pictures';
import { renderBenefitsRisks } from './benefits-risks';
import { renderChart } from './chart';
import { renderContent } from './content';
import { renderCover } from './cover';
import { renderDiscussion } from './discussion';
import { renderModels } from './models';
import { renderSpectrum } from './spectrum';
import { renderStatistics } from './statistics';

/** Draws one slide of a type onto `ctx.slide`. */
export type SlideRenderer = (ctx: SlideContext, images: readonly Picture[]) => void;

/** One module a slide type (docs/house-structure.md §3). */
export const SLIDE_RENDERERS: Record<SlideType, SlideRenderer> = {
  cover: renderCover,
  content: renderContent,
  models: renderModels,
  'benefits-risks': renderBenefitsRisks,
  statistics: renderStatistics,
  chart: renderChart,
  spectrum: renderSpectrum,
  discussion: renderDiscussion,
};
