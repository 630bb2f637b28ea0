import { benefitsRisksRecogniser } from './benefits-risks';
import { chartRecogniser } from './chart';
import { contentRecogniser } from './content';
import { coverRecogniser } from './cover';
import { discussionRecogniser } from './discussion';
import { modelsRecogniser } from './models';
import type { SlideRecogniser } from './recogniser';
import { spectrumRecogniser } from './spectrum';
import { statisticsRecogniser } from './statistics';

export type { Recognition, SlideRecogniser } from './recogniser';

/**
 * Every slide type's recogniser, asked in this order; the first that recognises a slide
 * types it. The order settles overlaps: a "Group Discussion" title slide is a discussion, a
 * chart with four headed texts is a chart, figure-led cards are statistics before models;
 * `content` takes the rest.
 */
export const RECOGNISERS: readonly SlideRecogniser[] = [
  discussionRecogniser,
  coverRecogniser,
  chartRecogniser,
  benefitsRisksRecogniser,
  spectrumRecogniser,
  statisticsRecogniser,
  modelsRecogniser,
  contentRecogniser,
];
